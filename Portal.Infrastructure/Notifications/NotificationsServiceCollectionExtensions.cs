using Microsoft.Extensions.DependencyInjection;

namespace Portal.Infrastructure.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>In-app notifications (the bell).</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services) => services.AddScoped<NotificationService>();
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Messaging.Channels;
using Quartz;

namespace Portal.Infrastructure.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>The outbox, its delivery job and channels, the staff viewer and each person's notifications and preferences.</summary>
    public static IServiceCollection AddMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MessagingOptions>(configuration.GetSection(MessagingOptions.Section));
        services.AddMessageChannels(configuration);
        services.AddSingleton<MessageRenderer>();
        services.AddSingleton<OutboxKick>();
        services.AddSingleton<OutboxKickInterceptor>();
        services.AddScoped<MessageOutbox>();
        services.AddScoped<OutboxDelivery>();
        services.AddScoped<MessageCenter>();
        services.AddScoped<PreferenceService>();
        var poll = Math.Max(1, configuration.GetValue(MessagingOptions.Section + ":PollSeconds", 15));
        services.AddQuartz(q =>
        {
            q.AddJob<OutboxDeliveryJob>(job => job.WithIdentity(OutboxDeliveryJob.Key).StoreDurably());
            q.AddTrigger(trigger => trigger.ForJob(OutboxDeliveryJob.Key).WithIdentity("outbox-delivery-poll", "messaging")
                .StartNow().WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(poll)).RepeatForever()));
        });
        return services;
    }
}

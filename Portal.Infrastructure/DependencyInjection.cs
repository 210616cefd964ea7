using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Bootstrap;
using Portal.Infrastructure.Dashboard;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Events;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Messaging;
using Portal.Infrastructure.Notifications;
using Portal.Infrastructure.Onboarding;
using Portal.Infrastructure.Tenancy;
using Quartz;

namespace Portal.Infrastructure;

/// <summary>The infrastructure, feature by feature; each feature registers itself from its own folder.</summary>
public static class DependencyInjection
{
    public static IServiceCollection AddPortalInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPortalData(configuration);
        services.AddEvents(configuration);
        services.AddPortalIdentity();
        services.AddTenancy();
        services.AddDashboard();
        services.AddNotifications();
        services.AddMessaging(configuration);
        services.AddOnboarding(configuration);
        services.AddBootstrap(configuration);

        services.AddQuartz();
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}

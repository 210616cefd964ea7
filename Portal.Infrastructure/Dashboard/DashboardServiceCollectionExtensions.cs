using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Portal.Infrastructure.Dashboard;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>The client company's business dashboard.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddScoped<OverviewService>();
        services.AddScoped<SalesService>();
        services.AddSingleton<SalesChanges>();
        services.AddSingleton<InsightsCalculator>();
        services.AddSingleton<InsightsScheduler>();
        services.AddScoped<StockService>();
        services.AddScoped<DashboardDownloads>();
        services.AddScoped<AlertEvaluator>();
        services.AddScoped<AlertService>();
        services.AddQuartz(q =>
        {
            q.AddJob<InsightsJob>(job => job.WithIdentity(InsightsJob.Key).StoreDurably());
            q.AddTrigger(trigger => trigger.ForJob(InsightsJob.Key).WithIdentity("insights-nightly", "dashboard")
                .WithCronSchedule("0 0 2 * * ?", cron => cron.InTimeZone(Domain.Dashboard.BusinessCalendar.Zone)));
            q.AddJob<MonthlyReportJob>(job => job.WithIdentity(MonthlyReportJob.Key).StoreDurably());
            q.AddTrigger(trigger => trigger.ForJob(MonthlyReportJob.Key).WithIdentity("monthly-report", "dashboard")
                .WithCronSchedule("0 0 7 1 * ?", cron => cron.InTimeZone(Domain.Dashboard.BusinessCalendar.Zone)));
        });
        return services;
    }
}

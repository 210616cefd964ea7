namespace Portal.Domain.Dashboard;

/// <summary>
/// The business day our users live in. Sales are dated by calendar day; "today", "this month" and the daily jobs
/// follow the clock in Dakar (Africa/Dakar), whatever the server's own zone.
/// </summary>
public static class BusinessCalendar
{
    public static TimeZoneInfo Zone => Messaging.QuietHours.Zone;

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime);
}

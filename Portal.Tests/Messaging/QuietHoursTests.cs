using Portal.Domain.Messaging;

namespace Portal.Tests.Messaging;

public class QuietHoursTests
{
    private static readonly DateTime Day = new(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_default_runs_from_nine_in_the_evening_to_seven_in_the_morning()
    {
        Assert.Equal(new TimeOnly(21, 0), QuietHours.Default.Start);
        Assert.Equal(new TimeOnly(7, 0), QuietHours.Default.End);
    }

    [Fact]
    public void A_message_due_late_in_the_evening_waits_for_seven_the_next_morning()
    {
        Assert.Equal(Day.AddDays(1).AddHours(7), QuietHours.Default.NextAllowed(Day.AddHours(22.5), TimeZoneInfo.Utc));
    }

    [Fact]
    public void A_message_due_in_the_night_waits_for_seven_the_same_morning()
    {
        Assert.Equal(Day.AddHours(7), QuietHours.Default.NextAllowed(Day.AddHours(3), TimeZoneInfo.Utc));
    }

    [Theory]
    [InlineData(12, 0)]
    [InlineData(7, 0)]
    [InlineData(20, 59)]
    public void A_message_due_outside_the_quiet_hours_goes_at_once(int hour, int minute)
    {
        var due = Day.AddHours(hour).AddMinutes(minute);
        Assert.Equal(due, QuietHours.Default.NextAllowed(due, TimeZoneInfo.Utc));
    }

    [Fact]
    public void Quiet_hours_within_one_day_end_the_same_day()
    {
        var lunch = new QuietHours(new TimeOnly(12, 0), new TimeOnly(14, 0));

        Assert.Equal(Day.AddHours(14), lunch.NextAllowed(Day.AddHours(13), TimeZoneInfo.Utc));
        Assert.Equal(Day.AddHours(11), lunch.NextAllowed(Day.AddHours(11), TimeZoneInfo.Utc));
        Assert.Equal(Day.AddHours(22), lunch.NextAllowed(Day.AddHours(22), TimeZoneInfo.Utc));
    }

    [Fact]
    public void Empty_quiet_hours_never_hold_a_message()
    {
        var none = new QuietHours(new TimeOnly(21, 0), new TimeOnly(21, 0));

        Assert.True(none.IsEmpty);
        Assert.Equal(Day.AddHours(21), none.NextAllowed(Day.AddHours(21), TimeZoneInfo.Utc));
        Assert.Equal(Day.AddHours(3), none.NextAllowed(Day.AddHours(3), TimeZoneInfo.Utc));
    }

    [Fact]
    public void Dakar_is_on_gmt_all_year()
    {
        var summer = new DateTime(2026, 7, 1, 22, 30, 0, DateTimeKind.Utc);
        Assert.Equal(new DateTime(2026, 7, 2, 7, 0, 0, DateTimeKind.Utc), QuietHours.Default.NextAllowed(summer, QuietHours.Zone));
    }
}

using Portal.Domain.Common;
using Portal.Domain.Dashboard;

namespace Portal.Tests.Dashboard;

public class PeriodTests
{
    private static readonly DateOnly Today = new(2026, 11, 15);

    [Fact]
    public void This_month_runs_from_the_first_to_today_and_compares_with_as_many_days_before()
    {
        var period = Period.Of(PeriodKind.ThisMonth, Today);
        Assert.Equal(new Period(new(2026, 11, 1), Today), period);
        Assert.Equal(new Period(new(2026, 10, 17), new(2026, 10, 31)), period.Previous);
    }

    [Fact]
    public void The_other_periods_follow_the_calendar()
    {
        Assert.Equal(new Period(new(2026, 10, 17), Today), Period.Of(PeriodKind.Last30Days, Today));
        Assert.Equal(new Period(new(2026, 10, 1), Today), Period.Of(PeriodKind.ThisQuarter, Today));
        Assert.Equal(new Period(new(2026, 1, 1), Today), Period.Of(PeriodKind.ThisYear, Today));
        Assert.Equal(new Period(new(2026, 1, 1), new(2026, 3, 31)), Period.Of(PeriodKind.ThisQuarter, new(2026, 3, 31)));
    }

    [Fact]
    public void A_custom_period_must_be_ordered_and_at_most_three_years()
    {
        Assert.Throws<DomainException>(() => Period.Of(PeriodKind.Custom, Today, Today, Today.AddDays(-1)));
        Assert.Throws<DomainException>(() => Period.Of(PeriodKind.Custom, Today, Today.AddYears(-4), Today));
        Assert.Throws<DomainException>(() => Period.Of(PeriodKind.Custom, Today));
        Assert.Equal(1, Period.Of(PeriodKind.Custom, Today, Today, Today).Days);
    }

    [Fact]
    public void Buckets_are_days_then_weeks_from_monday_then_months()
    {
        Assert.Equal(Bucket.Day, new Period(new(2026, 9, 15), Today).Bucket);
        Assert.Equal(Bucket.Week, new Period(new(2026, 6, 1), Today).Bucket);
        Assert.Equal(Bucket.Month, Period.Of(PeriodKind.ThisYear, Today).Bucket);
        Assert.Equal(new DateOnly(2026, 11, 9), Period.BucketStart(Bucket.Week, Today)); // a Sunday belongs to the week from Monday 9
        Assert.Equal(new DateOnly(2026, 11, 1), Period.BucketStart(Bucket.Month, Today));
    }

    [Fact]
    public void Today_is_the_day_in_Dakar_whatever_the_server_zone()
    {
        Assert.Equal(new DateOnly(2026, 11, 30), BusinessCalendar.Today(new DateTimeOffset(2026, 11, 30, 23, 59, 59, TimeSpan.Zero)));
        // A server in Paris at 00:30 on 1 December is still 30 November in Dakar.
        Assert.Equal(new DateOnly(2026, 11, 30), BusinessCalendar.Today(new DateTimeOffset(2026, 12, 1, 0, 30, 0, TimeSpan.FromHours(1))));
    }

    [Fact]
    public void Change_and_margin_rate_have_no_value_without_a_base()
    {
        Assert.Null(SalesTotals.Change(500, 0));
        Assert.Equal(-0.5, SalesTotals.Change(500, 1000));
        Assert.Null(new SalesTotals(1000, 1, 1, 0, 0).MarginRate);
        Assert.Null(SalesTotals.Zero.CostedShare);
        Assert.Equal(0, SalesTotals.Zero.AverageLine);
    }

    [Fact]
    public void A_period_lists_its_bucket_starts_and_names_them_in_french()
    {
        Assert.Equal([new(2026, 11, 13), new(2026, 11, 14), new(2026, 11, 15)], new Period(new(2026, 11, 13), Today).BucketStarts);
        var months = new Period(new(2025, 12, 10), Today).BucketStarts.ToList(); // from the month holding the first day
        Assert.Equal((new DateOnly(2025, 12, 1), new DateOnly(2026, 11, 1), 12), (months[0], months[^1], months.Count));
        Assert.Equal(["sem. 26/10", "semaine"], [Labels.BucketStart(Bucket.Week, new(2026, 10, 26)), Labels.Of(Bucket.Week)]);
        Assert.Equal(["nov. 26", "03/11"], [Labels.BucketStart(Bucket.Month, new(2026, 11, 1)), Labels.BucketStart(Bucket.Day, new(2026, 11, 3))]);
    }
}

using Portal.Domain.Onboarding;

namespace Portal.Tests.Onboarding;

/// <summary>The time-left estimate comes from the work actually done in the current stage, at the rate observed in it.</summary>
public class ImportTimeLeftTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Estimates_the_rest_of_the_stage_at_the_rate_observed_so_far()
    {
        var estimate = new ImportTimeLeft();
        estimate.Observe(ImportPhase.Saving, 0, 100_000, Start);
        estimate.Observe(ImportPhase.Saving, 10_000, 100_000, Start.AddSeconds(1));
        Assert.Equal(TimeSpan.FromSeconds(9), estimate.Remaining);

        estimate.Observe(ImportPhase.Saving, 40_000, 100_000, Start.AddSeconds(3));
        Assert.Equal(TimeSpan.FromSeconds(4.5), estimate.Remaining);
    }

    [Fact]
    public void A_fast_reading_does_not_make_a_slow_saving_look_short()
    {
        // The case of the issue: 60 % of the bar read in one second, then the rows are saved ten times slower.
        var estimate = new ImportTimeLeft();
        estimate.Observe(ImportPhase.ReadingProducts, 0, 50_000_000, Start);
        estimate.Observe(ImportPhase.ReadingSales, 25_000_000, 50_000_000, Start.AddSeconds(0.5));
        estimate.Observe(ImportPhase.ReadingSales, 50_000_000, 50_000_000, Start.AddSeconds(1));
        Assert.Equal(TimeSpan.Zero, estimate.Remaining);

        estimate.Observe(ImportPhase.Saving, 0, 500_000, Start.AddSeconds(1.1));
        Assert.Null(estimate.Remaining);
        estimate.Observe(ImportPhase.Saving, 50_000, 500_000, Start.AddSeconds(2.1));
        Assert.Equal(TimeSpan.FromSeconds(9), estimate.Remaining);
    }

    [Fact]
    public void Reading_both_sheets_is_one_stage_measured_in_bytes()
    {
        var estimate = new ImportTimeLeft();
        estimate.Observe(ImportPhase.ReadingProducts, 0, 8_000_000, Start);
        estimate.Observe(ImportPhase.ReadingSales, 2_000_000, 8_000_000, Start.AddSeconds(2));
        Assert.Equal(TimeSpan.FromSeconds(6), estimate.Remaining);
    }

    [Fact]
    public void Says_nothing_before_a_second_or_a_hundredth_of_the_work()
    {
        var estimate = new ImportTimeLeft();
        estimate.Observe(ImportPhase.Saving, 0, 1_000_000, Start);
        estimate.Observe(ImportPhase.Saving, 500_000, 1_000_000, Start.AddSeconds(0.9));
        Assert.Null(estimate.Remaining);

        var slow = new ImportTimeLeft();
        slow.Observe(ImportPhase.Saving, 0, 1_000_000, Start);
        slow.Observe(ImportPhase.Saving, 9_999, 1_000_000, Start.AddSeconds(5));
        Assert.Null(slow.Remaining);
    }

    [Theory]
    [InlineData(ImportPhase.Queued)]
    [InlineData(ImportPhase.Finishing)]
    [InlineData(ImportPhase.Done)]
    public void Says_nothing_outside_reading_and_saving(ImportPhase phase)
    {
        var estimate = new ImportTimeLeft();
        estimate.Observe(ImportPhase.Saving, 0, 1_000, Start);
        estimate.Observe(ImportPhase.Saving, 500, 1_000, Start.AddSeconds(2));
        Assert.NotNull(estimate.Remaining);

        estimate.Observe(phase, 1_000, 1_000, Start.AddSeconds(3));
        Assert.Null(estimate.Remaining);
    }

    [Fact]
    public void Says_nothing_when_the_work_is_not_measured()
    {
        var estimate = new ImportTimeLeft();
        estimate.Observe(ImportPhase.ReadingSales, 0, 0, Start);
        estimate.Observe(ImportPhase.ReadingSales, 0, 0, Start.AddSeconds(5));
        Assert.Null(estimate.Remaining);
    }

    [Theory]
    [InlineData(0.2, "1 s")]
    [InlineData(8.1, "9 s")]
    [InlineData(59.5, "1 min 00 s")]
    [InlineData(125, "2 min 05 s")]
    public void Reads_in_whole_seconds_rounded_up(double seconds, string expected) =>
        Assert.Equal(expected, ImportTimeLeft.Format(TimeSpan.FromSeconds(seconds)));
}

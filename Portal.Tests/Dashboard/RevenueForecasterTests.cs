using Portal.Domain.Dashboard;

namespace Portal.Tests.Dashboard;

public class RevenueForecasterTests
{
    private static readonly double[] Week = [120_000, 100_000, 90_000, 110_000, 150_000, 260_000, 40_000];

    [Fact]
    public void Revenue_with_a_weekly_pattern_expects_the_pattern_with_a_band_around_it()
    {
        var random = new Random(3);
        var history = Series(364, day => Week[day % 7] + random.Next(-20_000, 20_001));

        var outlook = RevenueForecaster.Outlook(history);

        var pattern = Enumerable.Range(364, 30).Sum(day => Week[day % 7]);
        Assert.Equal(pattern, outlook.Expected, pattern * 0.05);
        Assert.Equal(outlook.Forecast.Next(30), outlook.Expected);
        var margin = RevenueForecaster.BandQuantile * outlook.Forecast.ResidualSpread * Math.Sqrt(30);
        Assert.Equal(outlook.Expected - margin, outlook.Low, 6);
        Assert.Equal(outlook.Expected + margin, outlook.High, 6);
        Assert.True(outlook.Low < outlook.Expected && outlook.Expected < outlook.High);
    }

    [Fact]
    public void A_steady_revenue_has_no_band()
    {
        var outlook = RevenueForecaster.Outlook(Series(90, _ => 50_000));

        Assert.Equal((1_500_000.0, 1_500_000.0, 1_500_000.0), (outlook.Expected, outlook.Low, outlook.High));
    }

    [Fact]
    public void The_band_never_goes_below_zero()
    {
        // One big sale every twenty days: tomorrow's revenue is most likely nothing, sometimes 500,000.
        var outlook = RevenueForecaster.Outlook(Series(200, day => day % 20 == 3 ? 500_000 : 0), days: 1);

        Assert.Equal(0, outlook.Low);
        Assert.True(outlook.High > outlook.Expected);
    }

    [Fact]
    public void A_longer_outlook_stretches_the_horizon()
    {
        var outlook = RevenueForecaster.Outlook(Series(90, _ => 10_000), days: 60);

        Assert.Equal(60, outlook.Forecast.Daily.Count);
        Assert.Equal(600_000, outlook.Expected, 6);
    }

    [Fact]
    public void A_company_with_too_little_history_gets_no_numbers()
    {
        var outlook = RevenueForecaster.Outlook(Series(30, _ => 10_000));

        Assert.False(outlook.HasNumbers);
        Assert.Equal((0.0, 0.0, 0.0), (outlook.Expected, outlook.Low, outlook.High));
    }

    private static double[] Series(int days, Func<int, double> value) => Enumerable.Range(0, days).Select(value).ToArray();
}

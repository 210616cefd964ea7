using Portal.Domain.Dashboard;

namespace Portal.Tests.Dashboard;

public class DemandForecasterTests
{
    private static readonly double[] Week = [5, 6, 7, 8, 12, 30, 2];

    [Fact]
    public void A_constant_series_forecasts_its_level()
    {
        var forecast = DemandForecaster.Forecast(Series(120, _ => 12));

        Assert.Equal(ForecastMethod.MovingAverage, forecast.Method);
        Assert.Equal(30, forecast.Daily.Count);
        Assert.All(forecast.Daily, value => Assert.Equal(12, value, 9));
        Assert.Equal(84, forecast.Next(7), 9);
        Assert.Equal(360, forecast.Next(30), 9);
        Assert.Equal(0, forecast.Wape);
        Assert.Equal(0, forecast.ResidualSpread);
    }

    [Fact]
    public void A_steady_trend_is_carried_forward_and_fades_slowly()
    {
        var forecast = DemandForecaster.Forecast(Series(140, day => 20 + (0.5 * day)));

        Assert.Equal(ForecastMethod.SeasonalSmoothing, forecast.Method);
        Assert.Equal(90, forecast.Daily[0], 0.5);
        for (var day = 1; day < forecast.Daily.Count; day++)
        {
            var step = forecast.Daily[day] - forecast.Daily[day - 1];
            Assert.InRange(step, 0.15, 0.5);
        }

        Assert.InRange(forecast.Wape!.Value, 0, 0.05);
    }

    [Fact]
    public void A_weekly_pattern_is_forecast_on_the_right_weekdays()
    {
        var forecast = DemandForecaster.Forecast(Series(115, day => Week[day % 7]));

        Assert.Equal(ForecastMethod.SeasonalSmoothing, forecast.Method);
        for (var day = 0; day < forecast.Daily.Count; day++)
        {
            Assert.Equal(Week[(115 + day) % 7], forecast.Daily[day], 6);
        }

        Assert.Equal(Week.Sum(), forecast.Next(7), 6);
        Assert.InRange(forecast.Wape!.Value, 0, 1e-6);
    }

    [Fact]
    public void Noise_does_not_hide_a_weekly_pattern()
    {
        var random = new Random(7);
        var forecast = DemandForecaster.Forecast(Series(365, day => Week[day % 7] + random.Next(-2, 3)));

        Assert.Equal(ForecastMethod.SeasonalSmoothing, forecast.Method);
        for (var day = 0; day < 7; day++)
        {
            Assert.Equal(Week[(365 + day) % 7], forecast.Daily[day], 2.0);
        }

        Assert.InRange(forecast.Wape!.Value, 0.02, 0.25);
        Assert.InRange(forecast.ResidualSpread, 0.5, 3);
        Assert.StartsWith("Fiable", forecast.TrustLabel, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_level_replaces_the_old_one()
    {
        var forecast = DemandForecaster.Forecast(Series(120, day => day < 60 ? 10 : 20));

        Assert.All(forecast.Daily, value => Assert.Equal(20, value, 0.5));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(55)]
    public void A_history_shorter_than_eight_weeks_gives_no_numbers(int days)
    {
        var forecast = DemandForecaster.Forecast(Series(days, _ => 4));

        Assert.Equal(ForecastMethod.NotEnoughHistory, forecast.Method);
        Assert.False(forecast.HasNumbers);
        Assert.Empty(forecast.Daily);
        Assert.Null(forecast.Wape);
        Assert.Null(forecast.TrustLabel);
        Assert.Equal("Historique insuffisant", forecast.MethodLabel);
        Assert.Throws<InvalidOperationException>(() => forecast.Next(7));
    }

    [Fact]
    public void Eight_weeks_of_history_are_enough()
    {
        var forecast = DemandForecaster.Forecast(Series(56, day => Week[day % 7]));

        Assert.True(forecast.HasNumbers);
        Assert.Equal(30, forecast.Daily.Count);
        Assert.NotNull(forecast.Wape);
    }

    [Fact]
    public void A_product_that_never_sold_forecasts_zeros_without_an_accuracy()
    {
        var forecast = DemandForecaster.Forecast(new double[90]);

        Assert.Equal(ForecastMethod.NoSales, forecast.Method);
        Assert.True(forecast.HasNumbers);
        Assert.Equal(new double[30], forecast.Daily);
        Assert.Null(forecast.Wape);
        Assert.Null(forecast.TrustLabel);
        Assert.Equal(0, forecast.Next(30));
    }

    [Fact]
    public void A_product_that_stopped_selling_forecasts_almost_nothing_and_has_no_accuracy()
    {
        var forecast = DemandForecaster.Forecast(Series(120, day => day < 60 ? 5 : 0));

        Assert.InRange(forecast.Next(30), 0, 1);
        Assert.Null(forecast.Wape);
    }

    [Fact]
    public void A_zeros_heavy_series_forecasts_about_its_average_rate()
    {
        var random = new Random(42);
        var history = Series(365, _ => random.NextDouble() < 0.08 ? random.Next(1, 5) : 0);

        var forecast = DemandForecaster.Forecast(history);

        Assert.True(forecast.HasNumbers);
        Assert.All(forecast.Daily, value => Assert.True(double.IsFinite(value) && value >= 0, $"{value}"));
        var rate = history[^90..].Average();
        Assert.InRange(forecast.Next(30) / 30, rate / 3, rate * 3);
        Assert.True(forecast.Wape is > 0 and < 10, $"{forecast.Wape}");
        Assert.True(double.IsFinite(forecast.ResidualSpread));
    }

    [Fact]
    public void A_single_sale_in_months_does_not_blow_up()
    {
        var forecast = DemandForecaster.Forecast(Series(200, day => day == 150 ? 40 : 0));

        Assert.All(forecast.Daily, value => Assert.InRange(value, 0, 40));
        Assert.Null(forecast.Wape);
    }

    [Fact]
    public void A_falling_trend_stops_at_zero()
    {
        var forecast = DemandForecaster.Forecast(Series(130, day => 200 - (1.5 * day)));

        Assert.All(forecast.Daily, value => Assert.True(value >= 0));
        Assert.Equal(0, forecast.Daily[^1]);
    }

    [Fact]
    public void The_accuracy_is_measured_on_the_last_four_weeks_held_out_of_the_fit()
    {
        // Every candidate fitted on the first twelve weeks expects 10 a day; the last four sold 20: half of it missed.
        var forecast = DemandForecaster.Forecast(Series(112, day => day < 84 ? 10 : 20));

        Assert.Equal(0.5, forecast.Wape!.Value, 9);
        Assert.Equal("Indicatif (écart moyen 50\u00A0%)", forecast.TrustLabel);
        Assert.True(forecast.ResidualSpread > 0);

        // ... then the chosen method is fitted again on the whole history.
        Assert.Equal(20, forecast.Daily[0], 9);
    }

    [Fact]
    public void The_settings_set_the_minimum_history_and_the_horizon()
    {
        var settings = new ForecastSettings { MinimumHistoryDays = 100, HoldOutDays = 14, Horizon = 7 };

        Assert.False(DemandForecaster.Forecast(Series(99, _ => 3), settings).HasNumbers);
        Assert.Equal(7, DemandForecaster.Forecast(Series(100, _ => 3), settings).Daily.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => DemandForecaster.Forecast(Series(100, _ => 3), settings with { HoldOutDays = 3 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => DemandForecaster.Forecast(Series(100, _ => 3), settings with { MinimumHistoryDays = 30 }));
    }

    [Fact]
    public void A_history_with_a_missing_number_is_refused()
    {
        var history = Series(60, _ => 1);
        history[10] = double.NaN;

        Assert.Throws<ArgumentException>(() => DemandForecaster.Forecast(history));
    }

    [Fact]
    public void Wape_is_the_absolute_error_over_what_was_sold()
    {
        double[] actual = [10, 20, 30, 0];
        double[] forecast = [12, 18, 30, 1];

        Assert.Equal(5.0 / 60, DemandForecaster.Wape(actual, forecast)!.Value, 12);
        Assert.Equal(0, DemandForecaster.Wape(actual, actual));
    }

    [Fact]
    public void Wape_has_no_value_when_nothing_was_sold()
    {
        Assert.Null(DemandForecaster.Wape([0, 0, 0], [1, 2, 0]));
        Assert.Null(DemandForecaster.Wape([], []));
    }

    [Fact]
    public void Wape_needs_one_forecast_per_day()
    {
        Assert.Throws<ArgumentException>(() => DemandForecaster.Wape([1, 2], [1]));
    }

    private static double[] Series(int days, Func<int, double> value) => Enumerable.Range(0, days).Select(value).ToArray();
}

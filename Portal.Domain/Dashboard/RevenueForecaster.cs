namespace Portal.Domain.Dashboard;

/// <summary>
/// A company's revenue over the coming days, forecast from its daily revenue by the same rules as a product's units
/// (<see cref="DemandForecaster"/>), with a band from the errors the method made on the held-out weeks.
/// </summary>
public static class RevenueForecaster
{
    /// <summary>The normal quantile leaving 10 % on each side: the band holds the actual total about 8 times in 10.</summary>
    public const double BandQuantile = 1.28;

    /// <summary>
    /// Expected ± <see cref="BandQuantile"/> × the residual spread × √<paramref name="days"/>: the one-day errors of the
    /// held-out weeks, added up over the days as if independent. Low never goes below 0.
    /// </summary>
    /// <param name="dailyRevenue">One total per consecutive day, in minor units, oldest first; zeros for days without sales.</param>
    /// <param name="days">How many days ahead; the forecast horizon is stretched to cover it.</param>
    /// <param name="settings">Null for <see cref="ForecastSettings.Default"/>.</param>
    public static RevenueOutlook Outlook(ReadOnlySpan<double> dailyRevenue, int days = 30, ForecastSettings? settings = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        settings ??= ForecastSettings.Default;
        if (settings.Horizon < days)
        {
            settings = settings with { Horizon = days };
        }

        var forecast = DemandForecaster.Forecast(dailyRevenue, settings);
        if (!forecast.HasNumbers)
        {
            return new RevenueOutlook(0, 0, 0, forecast);
        }

        var expected = forecast.Next(days);
        var margin = BandQuantile * forecast.ResidualSpread * Math.Sqrt(days);
        return new RevenueOutlook(expected, Math.Max(0, expected - margin), expected + margin, forecast);
    }
}

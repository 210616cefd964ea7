namespace Portal.Domain.Dashboard;

/// <summary>The tunables of <see cref="DemandForecaster"/>; the defaults are what the product uses.</summary>
public sealed record ForecastSettings
{
    /// <summary>Below this many days the forecaster says <see cref="ForecastMethod.NotEnoughHistory"/> rather than guess: eight weeks leave four to fit on and four to check against.</summary>
    public int MinimumHistoryDays { get; init; } = 56;

    /// <summary>The last days held out of the fit to measure the accuracy (WAPE) of each candidate; four whole weeks, so every weekday counts alike.</summary>
    public int HoldOutDays { get; init; } = 28;

    /// <summary>How many days ahead <see cref="Forecast.Daily"/> goes.</summary>
    public int Horizon { get; init; } = 30;

    public static ForecastSettings Default { get; } = new();
}

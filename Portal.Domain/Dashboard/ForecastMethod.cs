namespace Portal.Domain.Dashboard;

/// <summary>How a <see cref="Forecast"/> was made; the last three are the candidates the back-test chooses from.</summary>
public enum ForecastMethod
{
    NotEnoughHistory,
    NoSales,

    /// <summary>The average of the last four weeks, flat.</summary>
    MovingAverage,

    /// <summary>Simple exponential smoothing: a level that follows recent days, flat.</summary>
    SimpleSmoothing,

    /// <summary>Holt-Winters, additive: a level, a weekday effect and, when it fits better, a damped trend.</summary>
    SeasonalSmoothing,
}

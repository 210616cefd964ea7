namespace Portal.Domain.Dashboard;

/// <summary>
/// Forecasts a daily series (a product's units, a company's revenue) with a method a manager can have explained.
/// <para>Three candidates:</para>
/// <list type="bullet">
/// <item><b>Moving average</b>: the average of the last four weeks, carried forward flat.</item>
/// <item><b>Simple exponential smoothing</b>: a level that moves towards each new day by a share (alpha) of the
/// surprise, carried forward flat.</item>
/// <item><b>Holt-Winters with a weekly season</b> (additive): the level plus one effect per weekday, each updated by a
/// share (gamma) of the surprise; as a variant, plus a trend damped so that it fades over the following weeks
/// (phi = 0.98) instead of running away.</item>
/// </list>
/// <para>Smoothing parameters are not optimised but taken from a small fixed grid (alpha 0.05, 0.1, 0.2, 0.3 or 0.5;
/// gamma 0.05, 0.1 or 0.2; with or without the damped trend): the setting whose one-day-ahead errors, squared and summed over
/// the days it is fitted on, are smallest. Starting values come from the first four weeks.</para>
/// <para>The candidates are compared by a back-test: each is fitted on the history without its last four weeks,
/// forecasts those four weeks from there, as it would have done in real life, and is scored by WAPE. The lowest WAPE
/// wins, a tie goes to the simpler candidate; the winner is fitted again on the full history and forecasts the horizon.
/// Forecast values are never negative.</para>
/// <para>WAPE (weighted absolute percentage error) is the sum of the daily errors, in absolute value, divided by what
/// was actually sold over those four weeks: 0.18 means the forecast was off by 18 units per 100 sold. Unlike an average
/// of daily percentage errors, it stays meaningful when many days sell nothing. It is the accuracy shown to managers,
/// with the one-day errors of the held-out weeks giving the width of bands.</para>
/// <para>With fewer than eight weeks of history there are no numbers (<see cref="ForecastMethod.NotEnoughHistory"/>);
/// a series that never sold forecasts zeros (<see cref="ForecastMethod.NoSales"/>).</para>
/// </summary>
public static class DemandForecaster
{
    private const int Week = 7;

    // The first four weeks give the starting level, trend and weekday effects; the average also looks back four weeks.
    private const int StartDays = 28;
    private const int AverageDays = 28;
    private const double StartCentre = (StartDays - 1) / 2.0;

    private const double TrendShare = 0.1;
    private const double Damping = 0.98;

    // 0.05 lets a slow mover (a sale every week or two) average over months instead of chasing its last sale.
    private static readonly double[] Alphas = [0.05, 0.1, 0.2, 0.3, 0.5];
    private static readonly double[] Gammas = [0.05, 0.1, 0.2];
    private static readonly double[] NoGamma = [0];

    /// <summary>Forecasts the days after <paramref name="history"/>, with the method the back-test chooses for this series.</summary>
    /// <param name="history">One value per consecutive day, oldest first, the last one the last complete day; zeros for days without sales.</param>
    /// <param name="settings">Null for <see cref="ForecastSettings.Default"/>.</param>
    public static Forecast Forecast(ReadOnlySpan<double> history, ForecastSettings? settings = null)
    {
        settings ??= ForecastSettings.Default;
        Check(settings);
        if (history.Length < settings.MinimumHistoryDays)
        {
            return new Forecast(ForecastMethod.NotEnoughHistory, [], null, 0);
        }

        if (!HasSales(history))
        {
            return new Forecast(ForecastMethod.NoSales, new double[settings.Horizon], null, 0);
        }

        var split = history.Length - settings.HoldOutDays;
        var best = BackTestAverage(history, split);
        var simple = BackTestSmoothing(history, split, seasonal: false);
        if (simple.HeldOutError < best.HeldOutError)
        {
            best = simple;
        }

        var seasonal = BackTestSmoothing(history, split, seasonal: true);
        if (seasonal.HeldOutError < best.HeldOutError)
        {
            best = seasonal;
        }

        var daily = new double[settings.Horizon];
        if (best.Method == ForecastMethod.MovingAverage)
        {
            daily.AsSpan().Fill(Math.Max(0, Mean(history[^AverageDays..])));
        }
        else
        {
            Run(history, split, best.Refit, daily);
        }

        var heldOut = history[split..];
        return new Forecast(best.Method, daily, Wape(heldOut, best.HeldOutError), Math.Sqrt(best.HeldOutSquares / heldOut.Length));
    }

    /// <summary>
    /// The weighted absolute percentage error: sum |actual - forecast| / sum actual (0.18 is 18 %). Null when nothing
    /// was sold (the sum of <paramref name="actual"/> is not above zero), where no percentage means anything.
    /// </summary>
    public static double? Wape(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast)
    {
        if (actual.Length != forecast.Length)
        {
            throw new ArgumentException("The forecast must have one value per actual day.", nameof(forecast));
        }

        var error = 0.0;
        for (var day = 0; day < actual.Length; day++)
        {
            error += Math.Abs(actual[day] - forecast[day]);
        }

        return Wape(actual, error);
    }

    private static double? Wape(ReadOnlySpan<double> actual, double absoluteError)
    {
        var total = 0.0;
        foreach (var value in actual)
        {
            total += value;
        }

        return total > 0 ? absoluteError / total : null;
    }

    private static void Check(ForecastSettings settings)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Horizon, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.HoldOutDays, Week);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MinimumHistoryDays, settings.HoldOutDays + StartDays);
    }

    private static bool HasSales(ReadOnlySpan<double> history)
    {
        var sold = false;
        foreach (var value in history)
        {
            if (!double.IsFinite(value))
            {
                throw new ArgumentException("Every day of the history must be a finite number.", nameof(history));
            }

            sold |= value != 0;
        }

        return sold;
    }

    private static BackTest BackTestAverage(ReadOnlySpan<double> history, int split)
    {
        var window = 0.0;
        for (var day = split - AverageDays; day < split; day++)
        {
            window += history[day];
        }

        var fromSplit = Math.Max(0, window / AverageDays);
        double error = 0, squares = 0;
        for (var day = split; day < history.Length; day++)
        {
            error += Math.Abs(history[day] - fromSplit);
            var oneDay = history[day] - Math.Max(0, window / AverageDays);
            squares += oneDay * oneDay;
            window += history[day] - history[day - AverageDays];
        }

        return new BackTest(ForecastMethod.MovingAverage, error, squares, default);
    }

    /// <summary>
    /// Runs the grid: the held-out scores are those of the setting that fits the training days best, and the setting
    /// to forecast with is the one that fits the whole history best.
    /// </summary>
    private static BackTest BackTestSmoothing(ReadOnlySpan<double> history, int split, bool seasonal)
    {
        var chosen = default(Fit);
        var chosenSquares = double.PositiveInfinity;
        var refit = default(Smoothing);
        var refitSquares = double.PositiveInfinity;
        for (var variant = 0; variant < (seasonal ? 2 : 1); variant++)
        {
            foreach (var alpha in Alphas)
            {
                foreach (var gamma in seasonal ? Gammas : NoGamma)
                {
                    var model = new Smoothing(alpha, gamma, seasonal, Trend: variant == 1);
                    var fit = Run(history, split, model, []);
                    if (fit.TrainingSquares < chosenSquares)
                    {
                        (chosen, chosenSquares) = (fit, fit.TrainingSquares);
                    }

                    if (fit.Squares < refitSquares)
                    {
                        (refit, refitSquares) = (model, fit.Squares);
                    }
                }
            }
        }

        var method = seasonal ? ForecastMethod.SeasonalSmoothing : ForecastMethod.SimpleSmoothing;
        return new BackTest(method, chosen.HeldOutError, chosen.HeldOutSquares, refit);
    }

    /// <summary>
    /// One pass of the smoothing over the whole history, in error-correction form. Each day only uses the days before it,
    /// so the fit on the training days is the first part of the fit on the whole history: the same pass gives both,
    /// the four-week forecast from the split and the one-day errors of the held-out days, then fills
    /// <paramref name="forecast"/> from the last day.
    /// </summary>
    private static Fit Run(ReadOnlySpan<double> history, int split, Smoothing model, Span<double> forecast)
    {
        Span<double> season = stackalloc double[Week];
        var (level, trend) = Start(history[..StartDays], model, season);
        var damping = model.Trend ? Damping : 0;
        var trendGain = model.Trend ? model.Alpha * TrendShare : 0;
        double trainingSquares = 0, squares = 0, heldOutError = 0, heldOutSquares = 0;
        var phase = 0;
        for (var day = 0; day < history.Length; day++)
        {
            if (day == split)
            {
                trainingSquares = squares;
                heldOutError = HeldOutError(history[split..], level, trend, damping, season, phase);
            }

            var carried = damping * trend;
            var expected = level + carried + season[phase];
            var error = history[day] - expected;
            squares += error * error;
            if (day >= split)
            {
                var shown = history[day] - Math.Max(0, expected);
                heldOutSquares += shown * shown;
            }

            level += carried + (model.Alpha * error);
            trend = carried + (trendGain * error);
            season[phase] += model.Gamma * error;
            phase = phase == Week - 1 ? 0 : phase + 1;
        }

        var damped = 0.0;
        var step = 1.0;
        for (var ahead = 0; ahead < forecast.Length; ahead++)
        {
            step *= damping;
            damped += step;
            forecast[ahead] = Math.Max(0, level + (damped * trend) + season[phase]);
            phase = phase == Week - 1 ? 0 : phase + 1;
        }

        return new Fit(trainingSquares, squares, heldOutError, heldOutSquares);
    }

    private static double HeldOutError(ReadOnlySpan<double> actual, double level, double trend, double damping, ReadOnlySpan<double> season, int phase)
    {
        var error = 0.0;
        var damped = 0.0;
        var step = 1.0;
        foreach (var value in actual)
        {
            step *= damping;
            damped += step;
            error += Math.Abs(value - Math.Max(0, level + (damped * trend) + season[phase]));
            phase = phase == Week - 1 ? 0 : phase + 1;
        }

        return error;
    }

    /// <summary>
    /// Starting values from the first four weeks: the trend from the first week to the fourth (whole weeks, so the weekday
    /// effects cancel out), the weekday effects as each weekday's average distance to that line, and the level of the day
    /// before the first.
    /// </summary>
    private static (double Level, double Trend) Start(ReadOnlySpan<double> first, Smoothing model, Span<double> season)
    {
        var mean = Mean(first);
        var trend = model.Trend ? (Mean(first[^Week..]) - Mean(first[..Week])) / (StartDays - Week) : 0;
        season.Clear();
        if (model.Seasonal)
        {
            for (var day = 0; day < StartDays; day++)
            {
                season[day % Week] += (first[day] - mean - ((day - StartCentre) * trend)) / (StartDays / Week);
            }
        }

        return (mean - ((StartCentre + 1) * trend), trend);
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        var total = 0.0;
        foreach (var value in values)
        {
            total += value;
        }

        return total / values.Length;
    }

    private readonly record struct Smoothing(double Alpha, double Gamma, bool Seasonal, bool Trend);

    private readonly record struct Fit(double TrainingSquares, double Squares, double HeldOutError, double HeldOutSquares);

    private readonly record struct BackTest(ForecastMethod Method, double HeldOutError, double HeldOutSquares, Smoothing Refit);
}

using System.Globalization;
using Portal.Domain.Common;

namespace Portal.Domain.Dashboard;

/// <summary>
/// Expected daily values from tomorrow on (day 1 is the day after the last observed day), with how the numbers were made
/// and how far to trust them. A forecast without enough history has no numbers at all, rather than a made-up zero.
/// </summary>
/// <param name="Method">The method the back-test chose, or why there is none.</param>
/// <param name="Daily">One value per day of the horizon, never negative; empty when <see cref="ForecastMethod.NotEnoughHistory"/>.</param>
/// <param name="Wape">The error of the same method on the held-out weeks, as a share of what was actually sold (0.18 is 18 %); null when nothing was sold then.</param>
/// <param name="ResidualSpread">The typical size of a one-day error on the held-out weeks (root mean square, so a bias widens it too), for bands.</param>
public sealed record Forecast(ForecastMethod Method, IReadOnlyList<double> Daily, double? Wape, double ResidualSpread)
{
    /// <summary>Up to this WAPE a forecast is called reliable ("Fiable").</summary>
    public const double ReliableWape = 0.25;

    /// <summary>Up to this WAPE a forecast is an indication ("Indicatif"); beyond, "Peu fiable".</summary>
    public const double IndicativeWape = 0.5;

    public bool HasNumbers => Method is not ForecastMethod.NotEnoughHistory;

    public string MethodLabel => Labels.Of(Method);

    /// <summary>"Fiable (écart moyen 12 %)": the WAPE in words, for a manager deciding how much to lean on the numbers; null without a WAPE.</summary>
    public string? TrustLabel => Wape is { } wape
        ? $"{(wape <= ReliableWape ? "Fiable" : wape <= IndicativeWape ? "Indicatif" : "Peu fiable")} (écart moyen {Percent(wape)})"
        : null;

    /// <summary>
    /// The expected total of the next <paramref name="days"/> days. Beyond the horizon each further day counts as the
    /// average day of the horizon's last whole weeks, so a weekday effect does not tilt it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The forecast has no numbers (<see cref="HasNumbers"/> is false).</exception>
    public double Next(int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        if (!HasNumbers)
        {
            throw new InvalidOperationException("This forecast has no numbers (not enough history); check HasNumbers first.");
        }

        var covered = Math.Min(days, Daily.Count);
        var total = 0.0;
        for (var day = 0; day < covered; day++)
        {
            total += Daily[day];
        }

        return days > covered ? total + ((days - covered) * AverageDayAtTheEnd()) : total;
    }

    private double AverageDayAtTheEnd()
    {
        var count = Daily.Count >= 7 ? Daily.Count - (Daily.Count % 7) : Daily.Count;
        if (count == 0)
        {
            return 0;
        }

        var total = 0.0;
        for (var day = Daily.Count - count; day < Daily.Count; day++)
        {
            total += Daily[day];
        }

        return total / count;
    }

    private static string Percent(double share) =>
        Math.Round(share * 100, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + "\u00A0%";
}

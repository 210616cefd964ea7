using System.Globalization;

namespace Portal.Domain.Dashboard;

/// <summary>
/// Turns a product's <see cref="Forecast"/> into a stock-out date and an order: enough to cover the supplier's lead
/// time plus a safety stock, both counted in days of forecast demand, minus what is on hand. Without a forecast it
/// proposes nothing rather than a guess.
/// </summary>
public static class ReorderPlanner
{
    // Demand is a sum of doubles: 70.00000000001 units must not become an order of 71.
    private const double Rounding = 1e-9;

    private static readonly NumberFormatInfo French = new()
    {
        NumberGroupSeparator = "\u202F",
        NumberDecimalSeparator = ",",
        NegativeSign = "-",
    };

    /// <param name="stock">Units on hand today; below zero (sales recorded before a delivery) it is owed and ordered too.</param>
    /// <param name="forecast">The product's forecast, day 1 being tomorrow.</param>
    /// <param name="today">The last observed day of the forecast's history.</param>
    /// <param name="leadTimeDays">Days between ordering and receiving.</param>
    /// <param name="safetyDays">Days of demand kept in reserve against a slow delivery or a better week than forecast.</param>
    public static ReorderAdvice Plan(int stock, Forecast forecast, DateOnly today, int leadTimeDays = 7, int safetyDays = 7)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        ArgumentOutOfRangeException.ThrowIfNegative(leadTimeDays);
        ArgumentOutOfRangeException.ThrowIfNegative(safetyDays);
        DateOnly? outToday = stock <= 0 ? today : null;
        switch (forecast.Method)
        {
            case ForecastMethod.NotEnoughHistory:
                return new(outToday, 0, (stock <= 0 ? "Le produit est en rupture de stock. " : string.Empty)
                    + "L'historique des ventes est trop court pour prévoir la demande : aucune quantité n'est proposée.");
            case ForecastMethod.NoSales:
                return new(outToday, 0, stock <= 0
                    ? "Le produit est en rupture de stock, mais aucune vente n'a été enregistrée : aucune commande n'est proposée."
                    : "Aucune vente n'a été enregistrée : aucune commande n'est proposée.");
        }

        var stockOut = outToday ?? StockOutDate(stock, forecast.Daily, today);
        var cover = leadTimeDays + safetyDays;
        var needed = (long)Math.Ceiling(forecast.Next(cover) - Rounding);
        var quantity = (int)Math.Clamp(needed - stock, 0, int.MaxValue);
        var perDay = forecast.Daily.Count == 0 ? 0 : forecast.Next(forecast.Daily.Count) / forecast.Daily.Count;

        var pace = $"Au rythme prévu (environ {perDay.ToString("#,0.##", French)} par jour), ";
        var when = stock <= 0
            ? "Le produit est en rupture de stock aujourd'hui. "
            : stockOut is { } date
                ? pace + $"la rupture de stock est prévue le {date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}. "
                : pace + $"le stock de {Units(stock)} couvre les {Days(forecast.Daily.Count)} à venir. ";
        var cause = $"le délai de livraison ({Days(leadTimeDays)}) et le stock de sécurité ({Days(safetyDays)})";
        var what = quantity > 0
            ? $"Commandez {Units(quantity)} pour couvrir {cause} : la demande prévue sur {Days(cover)} est de {Units(needed)}{OnHand(stock)}."
            : $"Le stock couvre {cause} : pas de commande nécessaire pour l'instant.";
        return new(stockOut, quantity, when + what);
    }

    private static DateOnly? StockOutDate(int stock, IReadOnlyList<double> daily, DateOnly today)
    {
        var demand = 0.0;
        for (var day = 0; day < daily.Count; day++)
        {
            demand += daily[day];
            if (demand > stock + Rounding)
            {
                return today.AddDays(day + 1);
            }
        }

        return null;
    }

    private static string OnHand(int stock) => stock switch
    {
        > 0 => $", moins {Units(stock)} en stock",
        < 0 => $", plus un stock négatif de {Units(-(long)stock)}",
        _ => string.Empty,
    };

    private static string Units(long count) => count.ToString("#,0", French) + (count is 0 or 1 ? " unité" : " unités");

    private static string Days(int count) => count.ToString("#,0", French) + (count is 0 or 1 ? " jour" : " jours");
}

using System.Globalization;

namespace Portal.Domain.Sales;

/// <summary>
/// The rules a product or a sales line must meet, in one place: the import validator reports them cell by cell,
/// and <see cref="Product"/> and <see cref="Sale"/> refuse to exist without them. Each check returns the French
/// message of the broken rule, or null.
/// </summary>
public static class SalesRules
{
    public const int HistoryMonths = 24;

    public const string PriceMustBePositive = "Le prix de vente doit être supérieur à 0.";
    public const string CostCannotBeNegative = "Le prix d'achat ne peut pas être négatif.";
    public const string StockMustBeWhole = "Le stock initial doit être un nombre entier positif ou nul.";
    public const string ReorderPointMustBeWhole = "Le seuil d'alerte doit être un nombre entier positif ou nul.";
    public const string QuantityMustBePositive = "La quantité doit être un nombre entier supérieur à 0.";
    public const string UnitPriceMustBePositive = "Le prix unitaire doit être supérieur à 0.";

    public static string? CheckPrice(long unitPrice) => unitPrice > 0 ? null : PriceMustBePositive;

    public static string? CheckCost(long? costPrice) => costPrice is null or >= 0 ? null : CostCannotBeNegative;

    public static string? CheckStock(long stock) => stock is >= 0 and <= int.MaxValue ? null : StockMustBeWhole;

    public static string? CheckReorderPoint(long? reorderPoint) => reorderPoint is null or (>= 0 and <= int.MaxValue) ? null : ReorderPointMustBeWhole;

    public static string? CheckQuantity(long quantity) => quantity is > 0 and <= int.MaxValue ? null : QuantityMustBePositive;

    public static string? CheckUnitPrice(long unitPrice) => unitPrice > 0 ? null : UnitPriceMustBePositive;

    /// <summary>A sale is dated within the last <see cref="HistoryMonths"/> months and not in the future.</summary>
    public static string? CheckSaleDate(DateOnly date, DateOnly today)
    {
        var earliest = today.AddMonths(-HistoryMonths);
        if (date > today)
        {
            return "La date de vente est dans le futur.";
        }

        return date < earliest
            ? $"La date de vente a plus de {HistoryMonths} mois (au plus tôt le {earliest.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)})."
            : null;
    }

    /// <summary>The line total equals quantity × unit price, within one minor unit (rounding in the source spreadsheet).</summary>
    public static bool TotalMatches(long total, int quantity, long unitPrice) => Math.Abs(total - ((long)quantity * unitPrice)) <= 1;
}

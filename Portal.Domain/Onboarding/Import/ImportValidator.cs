using System.Globalization;
using Portal.Domain.Common;
using Portal.Domain.Sales;
using Portal.Domain.Spreadsheets;

namespace Portal.Domain.Onboarding.Import;

/// <summary>
/// The seed's business rules, applied row by row while the file streams by. Every problem is collected
/// (not just the first); the file is importable only when there are none. Products must be fed first.
/// </summary>
public sealed class ImportValidator
{
    public const int HistoryMonths = SalesRules.HistoryMonths;

    private readonly Currency currency;
    private readonly DateOnly today;
    private readonly IReadOnlySet<string> existingCodes;
    private readonly int maxKeptIssues;
    private readonly Dictionary<string, (int Index, int Row)> codes = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<ImportIssue> issues = [];
    private readonly List<ProductLine?> products = [];
    private readonly List<SaleLine> sales = [];
    private int uncalculatedTotals;
    private readonly List<string> warnings = [];

    public ImportValidator(Currency currency, DateOnly today, IReadOnlySet<string>? existingCodes = null, int maxKeptIssues = 10_000)
    {
        this.currency = currency;
        this.today = today;
        this.existingCodes = existingCodes ?? new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        this.maxKeptIssues = maxKeptIssues;
    }

    /// <summary>Valid products in file order; null where a row was refused.</summary>
    public IReadOnlyList<ProductLine?> Products => products;

    public IReadOnlyList<SaleLine> Sales => sales;

    /// <summary>The first problems found (at most the limit given), in file order.</summary>
    public IReadOnlyList<ImportIssue> Issues => issues;

    public int IssueCount { get; private set; }

    public int ProductRows { get; private set; }

    public int SaleRows { get; private set; }

    public bool IsValid => IssueCount == 0;

    /// <summary>What was accepted but deserves a word to the user (French, one line each).</summary>
    public IReadOnlyList<string> Warnings => uncalculatedTotals == 0
        ? warnings
        : [.. warnings, $"Colonne « {ImportSchema.SaleTotal.Header} » : {uncalculatedTotals} formule(s) non calculée(s) ignorée(s) ; le montant est calculé comme Quantité × Prix unitaire."];

    /// <summary>A totals line under the data ("TOTAL", "Sous-total"...): its first filled cell names it so.</summary>
    public static bool IsTotalsRow(ReadOnlySpan<RawCell> cells)
    {
        foreach (var cell in cells)
        {
            if (cell.IsBlank)
            {
                continue;
            }

            return cell.Kind == CellKind.Text && HeaderMatcher.Normalise(cell.Value) is "total" or "totaux" or "total general" or "sous total" or "grand total" or "totals";
        }

        return false;
    }

    /// <summary>Skips a totals line with one warning instead of an error per cell.</summary>
    public void SkipTotalsRow(string sheet, int row) => warnings.Add($"Onglet {sheet}, ligne {row} : ligne de total ignorée (les totaux sont recalculés).");

    public static bool IsBlankRow(ReadOnlySpan<RawCell> cells)
    {
        foreach (var cell in cells)
        {
            if (!cell.IsBlank)
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsExampleRow(RawCell code) =>
        code.Kind == CellKind.Text && string.Equals(code.Value?.Trim(), ImportSchema.ExampleCode, StringComparison.OrdinalIgnoreCase);

    /// <summary>Checks one row of the Produits sheet; <paramref name="cells"/> are in <see cref="ImportSchema.Products"/> order.</summary>
    public void AddProduct(int row, ReadOnlySpan<RawCell> cells)
    {
        ProductRows++;
        var sheet = ImportSchema.Products.Name;
        var before = IssueCount;

        var code = RequiredText(sheet, row, ImportSchema.ProductCode, cells[0], ProductCode.MaxLength);
        var name = RequiredText(sheet, row, ImportSchema.ProductName, cells[1], Product.NameMaxLength);
        var category = OptionalText(sheet, row, ImportSchema.ProductCategory, cells[2], Product.CategoryMaxLength);
        var price = Money(sheet, row, ImportSchema.ProductPrice, cells[3], required: true, allowZero: false, SalesRules.PriceMustBePositive);
        var cost = Money(sheet, row, ImportSchema.ProductCost, cells[4], required: false, allowZero: true, SalesRules.CostCannotBeNegative);
        var stock = WholeNumber(sheet, row, ImportSchema.ProductStock, cells[5], allowZero: true, SalesRules.StockMustBeWhole);
        var reorder = WholeNumber(sheet, row, ImportSchema.ProductReorderPoint, cells[6], allowZero: true, SalesRules.ReorderPointMustBeWhole);

        int index = products.Count;
        if (code is not null)
        {
            if (codes.TryGetValue(code, out var first))
            {
                Add(sheet, row, ImportSchema.ProductCode, code, $"Le code « {code} » apparaît déjà à la ligne {first.Row} : chaque code doit être unique.");
            }
            else if (existingCodes.Contains(code))
            {
                Add(sheet, row, ImportSchema.ProductCode, code, $"Le code « {code} » existe déjà pour cette entreprise.");
                codes[code] = (index, row);
            }
            else
            {
                codes[code] = (index, row);
            }
        }

        products.Add(IssueCount == before
            ? new ProductLine(Guid.CreateVersion7(), row, code!, name!, category, price!.Value, cost, (int)(stock ?? 0), (int?)reorder)
            : null);
    }

    /// <summary>Checks one row of the Ventes sheet; <paramref name="cells"/> are in <see cref="ImportSchema.Sales"/> order.</summary>
    public void AddSale(int row, ReadOnlySpan<RawCell> cells, bool date1904 = false)
    {
        SaleRows++;
        var sheet = ImportSchema.Sales.Name;
        var before = IssueCount;

        DateOnly? date = null;
        if (!CellParser.TryDate(cells[0], date1904, out date, out var dateError))
        {
            Add(sheet, row, ImportSchema.SaleDate, cells[0].Display, dateError);
        }
        else if (date is null)
        {
            Add(sheet, row, ImportSchema.SaleDate, null, Required(ImportSchema.SaleDate));
        }
        else if (SalesRules.CheckSaleDate(date.Value, today) is { } broken)
        {
            Add(sheet, row, ImportSchema.SaleDate, Iso(date.Value), broken);
        }

        var code = RequiredText(sheet, row, ImportSchema.SaleProductCode, cells[1], int.MaxValue);
        var productIndex = -1;
        if (code is not null)
        {
            if (codes.TryGetValue(code, out var product))
            {
                productIndex = product.Index;
            }
            else
            {
                Add(sheet, row, ImportSchema.SaleProductCode, code, $"Le code produit « {code} » n'existe pas dans l'onglet Produits.");
            }
        }

        var quantity = WholeNumber(sheet, row, ImportSchema.SaleQuantity, cells[2], allowZero: false, SalesRules.QuantityMustBePositive);
        if (quantity is null && cells[2].IsBlank)
        {
            Add(sheet, row, ImportSchema.SaleQuantity, null, Required(ImportSchema.SaleQuantity));
        }

        var unitPrice = Money(sheet, row, ImportSchema.SaleUnitPrice, cells[3], required: false, allowZero: false, SalesRules.UnitPriceMustBePositive);
        // An optional total whose formulas were never calculated tells nothing: ignore it (one warning), do not block the import.
        if (cells.Length > 4 && cells[4].Kind == CellKind.Uncalculated)
        {
            uncalculatedTotals++;
            cells = cells[..4];
        }

        var total = cells.Length > 4
            ? Money(sheet, row, ImportSchema.SaleTotal, cells[4], required: false, allowZero: true, "Le montant total ne peut pas être négatif.")
            : null;

        if (IssueCount != before || productIndex < 0 || quantity is null)
        {
            return;
        }

        var price = unitPrice ?? products[productIndex]?.UnitPrice ?? 0;
        if (price > long.MaxValue / quantity.Value)
        {
            Add(sheet, row, ImportSchema.SaleQuantity, cells[2].Display, "Le montant de la ligne est trop grand.");
            return;
        }

        var expected = quantity.Value * price;
        if (total is { } given && !SalesRules.TotalMatches(given, (int)quantity.Value, price))
        {
            Add(sheet, row, ImportSchema.SaleTotal, currency.Format(given),
                $"Le montant total ne correspond pas à Quantité × Prix unitaire ({currency.Format(expected)}).");
            return;
        }

        sales.Add(new SaleLine(productIndex, date!.Value, (int)quantity.Value, price, total ?? expected));
    }

    private string? RequiredText(string sheet, int row, ImportColumn column, RawCell cell, int maxLength)
    {
        var text = OptionalText(sheet, row, column, cell, maxLength);
        if (text is null && cell.Kind != CellKind.Error)
        {
            Add(sheet, row, column, null, Required(column));
        }

        return text;
    }

    private string? OptionalText(string sheet, int row, ImportColumn column, RawCell cell, int maxLength)
    {
        if (!CellParser.TryText(cell, out var text, out var error))
        {
            Add(sheet, row, column, cell.Display, error);
            return null;
        }

        if (text?.Length > maxLength)
        {
            Add(sheet, row, column, text, $"« {column.Header} » ne doit pas dépasser {maxLength} caractères.");
            return null;
        }

        return text;
    }

    private long? Money(string sheet, int row, ImportColumn column, RawCell cell, bool required, bool allowZero, string rangeMessage)
    {
        if (!CellParser.TryNumber(cell, currency.MinorDigits, out var number, out var error))
        {
            Add(sheet, row, column, cell.Display, error);
            return null;
        }

        if (number is null)
        {
            if (required)
            {
                Add(sheet, row, column, null, Required(column));
            }

            return null;
        }

        if (number < 0 || (!allowZero && number == 0))
        {
            Add(sheet, row, column, cell.Display, rangeMessage);
            return null;
        }

        if (!currency.TryToMinorUnits(number.Value, out var minor))
        {
            Add(sheet, row, column, cell.Display, currency.MinorDigits == 0
                ? $"Le montant doit être un nombre entier de {currency.Code} (cette devise n'a pas de centimes)."
                : $"Le montant a trop de décimales ({currency.MinorDigits} au plus).");
            return null;
        }

        return minor;
    }

    private long? WholeNumber(string sheet, int row, ImportColumn column, RawCell cell, bool allowZero, string rangeMessage)
    {
        if (!CellParser.TryNumber(cell, maxDecimals: 0, out var number, out var error))
        {
            Add(sheet, row, column, cell.Display, error);
            return null;
        }

        if (number is null)
        {
            return null;
        }

        if (number != decimal.Truncate(number.Value) || number < 0 || (!allowZero && number == 0) || number > int.MaxValue)
        {
            Add(sheet, row, column, cell.Display, rangeMessage);
            return null;
        }

        return (long)number.Value;
    }

    private void Add(string sheet, int row, ImportColumn column, string? value, string? message)
    {
        IssueCount++;
        if (issues.Count < maxKeptIssues)
        {
            issues.Add(new ImportIssue(sheet, row, column.Header, Shorten(value), message ?? "Valeur refusée."));
        }
    }

    // How much of a refused value an issue keeps: enough to find the cell, never a copy of a huge one.
    private static string? Shorten(string? value) => value is { Length: > RawCell.MaxDisplayLength } ? value[..RawCell.MaxDisplayLength] + "…" : value;

    private static string Required(ImportColumn column) => $"« {column.Header} » est obligatoire.";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

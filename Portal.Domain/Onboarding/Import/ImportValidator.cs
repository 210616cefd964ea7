using System.Globalization;
using Portal.Domain.Common;
using Portal.Domain.Sales;
using Portal.Domain.Spreadsheets;

namespace Portal.Domain.Onboarding.Import;

/// <summary>
/// The seed's business rules, applied row by row while the file streams by. Every problem is collected
/// (not just the first); the file is importable only when there are none. Products must be fed first.
/// In append mode (<see cref="AppendContext"/>) a known code updates its product instead of being refused, the sales may
/// name any product of the company, and a sale identical to a stored line is a duplicate: counted, and skipped unless
/// the user confirmed it.
/// </summary>
public sealed class ImportValidator
{
    public const int HistoryMonths = SalesRules.HistoryMonths;

    /// <summary>How many duplicate lines a run keeps as examples for the user.</summary>
    public const int DuplicateExamplesKept = 20;

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
    private readonly AppendContext? append;
    private readonly Dictionary<string, int> referenced = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<Guid> storedIds = [];
    private readonly List<ProductLine> updates = [];
    private readonly HashSet<Guid> costChanged = [];
    private readonly List<DuplicateSale> duplicateExamples = [];

    public ImportValidator(Currency currency, DateOnly today, IReadOnlySet<string>? existingCodes = null, int maxKeptIssues = 10_000)
    {
        this.currency = currency;
        this.today = today;
        this.existingCodes = existingCodes ?? new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        this.maxKeptIssues = maxKeptIssues;
    }

    /// <summary>An append import: known codes are updates, sales may name any stored product, duplicates are found.</summary>
    public ImportValidator(Currency currency, DateOnly today, AppendContext append, int maxKeptIssues = 10_000)
        : this(currency, today, existingCodes: null, maxKeptIssues) => this.append = append;

    public bool Appends => append is not null;

    /// <summary>Ids among <see cref="Products"/> that are already stored (updated, unchanged or only named by a sale): not inserted.</summary>
    public IReadOnlySet<Guid> StoredIds => storedIds;

    /// <summary>Stored products whose line in the file changes them, with their new values.</summary>
    public IReadOnlyList<ProductLine> Updates => updates;

    /// <summary>Updated products whose cost price changed (the daily sums of their past sales are costed again).</summary>
    public IReadOnlySet<Guid> CostChanged => costChanged;

    /// <summary>Products of the Produits sheet that are new to the company.</summary>
    public int Created { get; private set; }

    /// <summary>Products of the Produits sheet identical to what the company already has.</summary>
    public int Unchanged { get; private set; }

    /// <summary>Stored products that only the sales name; they sit at the end of <see cref="Products"/>.</summary>
    public int ReferencedProducts => referenced.Count;

    /// <summary>Sales lines identical to a stored line (imported only when the user confirmed them).</summary>
    public int Duplicates { get; private set; }

    /// <summary>The first duplicates, in file order.</summary>
    public IReadOnlyList<DuplicateSale> DuplicateExamples => duplicateExamples;

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
            else if (append is null && existingCodes.Contains(code))
            {
                Add(sheet, row, ImportSchema.ProductCode, code, $"Le code « {code} » existe déjà pour cette entreprise.");
                codes[code] = (index, row);
            }
            else
            {
                codes[code] = (index, row);
            }
        }

        if (IssueCount != before)
        {
            products.Add(null);
        }
        else if (append?.Products.GetValueOrDefault(code!) is { } stored)
        {
            products.Add(Update(stored, row, name!, category, price!.Value, cost, stock, reorder));
        }
        else
        {
            Created++;
            products.Add(new ProductLine(Guid.CreateVersion7(), row, code!, name!, category, price!.Value, cost, (int)(stock ?? 0), (int?)reorder));
        }
    }

    // A blank optional cell keeps what the company has: a file listing only codes, names and prices changes only prices.
    private ProductLine Update(StoredProduct stored, int row, string name, string? category, long price, long? cost, long? stock, long? reorder)
    {
        storedIds.Add(stored.Id);
        var line = new ProductLine(stored.Id, row, stored.Code, name, category ?? stored.Category, price, cost ?? stored.CostPrice,
            stock is null ? stored.Stock : (int)stock, reorder is null ? stored.ReorderPoint : (int)reorder);
        if (line == Line(stored, line.Row))
        {
            Unchanged++;
            return line;
        }

        updates.Add(line);
        if (line.CostPrice != stored.CostPrice)
        {
            costChanged.Add(stored.Id);
        }

        return line;
    }

    private static ProductLine Line(StoredProduct stored, int row) =>
        new(stored.Id, row, stored.Code, stored.Name, stored.Category, stored.UnitPrice, stored.CostPrice, stored.Stock, stored.ReorderPoint);

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
            else if (referenced.TryGetValue(code, out var index))
            {
                productIndex = index;
            }
            else if (append?.Products.GetValueOrDefault(code) is { } stored)
            {
                productIndex = products.Count;
                referenced[code] = productIndex;
                storedIds.Add(stored.Id);
                products.Add(Line(stored, 0));
            }
            else
            {
                Add(sheet, row, ImportSchema.SaleProductCode, code, append is null
                    ? $"Le code produit « {code} » n'existe pas dans l'onglet Produits."
                    : $"Le code produit « {code} » n'existe ni dans l'onglet Produits ni parmi vos produits.");
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

        var line = new SaleLine(productIndex, date!.Value, (int)quantity.Value, price, total ?? expected);
        if (append is not null && IsDuplicate(row, line) && !append.IncludeDuplicates)
        {
            return;
        }

        sales.Add(line);
    }

    // Only a stored product can have stored lines: a new product's sales are never looked up.
    private bool IsDuplicate(int row, in SaleLine line)
    {
        var product = products[line.ProductIndex]!;
        if (!storedIds.Contains(product.Id) || !append!.Sales.Match(new SaleKey(line.Date, product.Id, line.Quantity, line.UnitPrice)))
        {
            return false;
        }

        Duplicates++;
        if (duplicateExamples.Count < DuplicateExamplesKept)
        {
            duplicateExamples.Add(new DuplicateSale(row, line.Date, product.Code, line.Quantity, line.UnitPrice));
        }

        return true;
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

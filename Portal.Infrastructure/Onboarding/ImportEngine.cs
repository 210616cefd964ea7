using Portal.Domain.Common;
using Portal.Domain.Onboarding;
using Portal.Domain.Onboarding.Import;
using Portal.Infrastructure.Spreadsheets;

namespace Portal.Infrastructure.Onboarding;

/// <summary>
/// Reads a workbook in one streaming pass per sheet and validates as it goes. The share of the work is
/// measured in unpacked bytes, so progress is right before the row count is known.
/// </summary>
public static class ImportEngine
{
    /// <summary>Reading takes this share of an import's progress bar; writing the rest.</summary>
    public const int ReadShare = 60;

    public static StructureReport CheckStructure(WorkbookFile workbook) => ReadStructure(workbook).Report;

    /// <summary>
    /// Parses and validates both sheets; with a <paramref name="writer"/> that streams, valid rows are also sent to
    /// the database as they are read. Throws <see cref="ImportFileException"/> when the structure is wrong.
    /// </summary>
    internal static ImportAnalysis Analyze(
        WorkbookFile workbook,
        Currency currency,
        DateOnly today,
        IReadOnlySet<string> existingCodes,
        Action<ImportProgress>? progress = null,
        int readShare = ReadShare,
        ImportWriter? writer = null) =>
        Analyze(workbook, new ImportValidator(currency, today, existingCodes), progress, readShare, writer);

    /// <summary>The same pass with a validator built by the caller (an append import's).</summary>
    internal static ImportAnalysis Analyze(
        WorkbookFile workbook,
        ImportValidator validator,
        Action<ImportProgress>? progress = null,
        int readShare = ReadShare,
        ImportWriter? writer = null)
    {
        var (structure, headers) = ReadStructure(workbook);
        if (!structure.IsImportable)
        {
            throw new ImportFileException(string.Join(" ", structure.Problems));
        }

        var (products, sales) = (headers[0], headers[1]);
        var bytes = products.Sheet.Size + sales.Sheet.Size;
        var productShare = products.Sheet.Size / (double)Math.Max(1, bytes);
        var date1904 = workbook.Date1904;

        workbook.ReadRows(products, (row, cells) =>
        {
            if (ImportValidator.IsTotalsRow(cells))
            {
                validator.SkipTotalsRow(products.Sheet.Sheet.Name, row);
            }
            else if (!ImportValidator.IsBlankRow(cells) && !ImportValidator.IsExampleRow(cells[0]))
            {
                validator.AddProduct(row, cells);
            }
        }, share => progress?.Invoke(new ImportProgress(
            ImportPhase.ReadingProducts, (int)(readShare * productShare * share), validator.ProductRows, (long)(products.Sheet.Size * share), bytes)));

        var stream = writer is { Streams: true } && validator.IsValid;
        if (stream)
        {
            writer!.ProductsRead(validator.Products, validator.StoredIds, validator.Updates, validator.CostChanged);
        }

        workbook.ReadRows(sales, (row, cells) =>
        {
            if (ImportValidator.IsTotalsRow(cells))
            {
                validator.SkipTotalsRow(sales.Sheet.Sheet.Name, row);
            }
            else if (!ImportValidator.IsBlankRow(cells) && !ImportValidator.IsExampleRow(cells[1]))
            {
                var before = validator.Sales.Count;
                validator.AddSale(row, cells, date1904);
                if (stream && validator.IsValid && validator.Sales.Count > before)
                {
                    writer!.SaleRead(validator.Sales[before]);
                }
            }
        }, share => progress?.Invoke(new ImportProgress(
            ImportPhase.ReadingSales, (int)(readShare * (productShare + ((1 - productShare) * share))), validator.ProductRows + validator.SaleRows,
            products.Sheet.Size + (long)(sales.Sheet.Size * share), bytes)));

        return new ImportAnalysis(validator);
    }

    /// <summary>Finds both sheets and their header rows; the headers are returned in schema order when the file is importable.</summary>
    private static (StructureReport Report, List<SheetHeader> Headers) ReadStructure(WorkbookFile workbook)
    {
        var problems = new List<string>();
        var notes = new List<string>();
        var headers = new List<SheetHeader>();
        foreach (var sheet in new[] { ImportSchema.Products, ImportSchema.Sales })
        {
            var handle = workbook.Find(sheet);
            if (handle is null)
            {
                problems.Add($"L'onglet « {sheet.Name} » est introuvable (onglets du fichier : {string.Join(", ", workbook.SheetNames)}).");
                continue;
            }

            var header = workbook.ReadHeader(handle);
            if (header.Row == 0)
            {
                problems.Add($"L'onglet « {handle.Name} » est vide : la ligne d'en-tête manque.");
                continue;
            }

            headers.Add(header);
            problems.AddRange(header.Match.Problems);
            if (header.Match.MissingColumns.Count > 0)
            {
                var merged = workbook.MergedHeaderRanges(header);
                problems.Add(merged.Count > 0
                    ? $"L'en-tête de l'onglet « {handle.Name} » contient des cellules fusionnées ({string.Join(", ", merged)}) : utilisez une seule cellule par colonne."
                    : $"Colonne(s) manquante(s) dans l'onglet « {handle.Name} » : {string.Join(", ", header.Match.MissingColumns)}.");
            }

            if (header.Row > 1)
            {
                notes.Add($"Onglet « {handle.Name} » : en-tête trouvé à la ligne {header.Row}.");
            }
        }

        return (new StructureReport(problems, notes), headers);
    }
}

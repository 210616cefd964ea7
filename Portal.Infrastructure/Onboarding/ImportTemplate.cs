using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Portal.Domain.Common;
using Portal.Domain.Onboarding;
using Portal.Domain.Onboarding.Import;
using Portal.Infrastructure.Spreadsheets;

namespace Portal.Infrastructure.Onboarding;

/// <summary>
/// The Excel template of step 3: Instructions, Produits and Ventes sheets with a styled frozen header,
/// one marked example row each, and in-sheet validation (category list, number ranges, the 24-month date
/// window, a product-code list that follows the Produits sheet). Written with <see cref="OpenXmlWriter"/>
/// so the same code can also produce large filled workbooks (tests, benchmark).
/// </summary>
public static class ImportTemplate
{
    private const string CodesName = "CodesProduits";
    private const int LastRow = 1048576;

    // Cell formats, in the order of the stylesheet below.
    private const uint Header = 1;
    private const uint ExampleText = 2;
    private const uint ExampleDate = 3;
    private const uint DateFormat = 4;
    private const uint Amount = 5;
    private const uint ExampleAmount = 6;
    private const uint Title = 7;
    private const uint Wrapped = 8;

    public static string FileName(string companyName, DateOnly today) =>
        $"modele-import-{Files.FileNames.Slug(companyName)}-{today:yyyy-MM-dd}.xlsx";

    public static void Write(Stream output, TemplateRequest request, IEnumerable<TemplateProduct>? products = null, IEnumerable<TemplateSale>? sales = null)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        var strings = new SharedStrings();

        var instructions = workbookPart.AddNewPart<WorksheetPart>();
        WriteInstructions(instructions, request, strings);
        var productsPart = workbookPart.AddNewPart<WorksheetPart>();
        WriteProducts(productsPart, request, products ?? [], strings);
        var salesPart = workbookPart.AddNewPart<WorksheetPart>();
        WriteSales(salesPart, request, sales ?? [], strings);
        strings.WriteTo(workbookPart.AddNewPart<SharedStringTablePart>());

        workbookPart.Workbook = new Workbook(
            new BookViews(new WorkbookView { ActiveTab = 0 }),
            new Sheets(
                new Sheet { Name = ImportSchema.InstructionsSheet, SheetId = 1, Id = workbookPart.GetIdOfPart(instructions) },
                new Sheet { Name = ImportSchema.Products.Name, SheetId = 2, Id = workbookPart.GetIdOfPart(productsPart) },
                new Sheet { Name = ImportSchema.Sales.Name, SheetId = 3, Id = workbookPart.GetIdOfPart(salesPart) }),
            new DefinedNames(new DefinedName($"OFFSET({ImportSchema.Products.Name}!$A$2,0,0,MAX(1,COUNTA({ImportSchema.Products.Name}!$A:$A)-1),1)") { Name = CodesName }));
        workbookPart.Workbook.Save();
    }

    private static void WriteInstructions(WorksheetPart part, TemplateRequest request, SharedStrings strings)
    {
        var earliest = request.Today.AddMonths(-ImportValidator.HistoryMonths);
        var categories = string.Join(", ", SectorCatalog.Categories(request.Sector));
        string[] lines =
        [
            $"Modèle d'import — {request.CompanyName}",
            $"Généré le {request.Today:dd/MM/yyyy} · secteur : {Labels.Of(request.Sector)}",
            string.Empty,
            "Comment remplir ce fichier",
            "1. Onglet « Produits » : une ligne par article. Code, Nom et Prix Vente sont obligatoires.",
            "2. Onglet « Ventes » : une ligne par vente (date, code produit, quantité, prix unitaire).",
            $"3. La ligne dont le code est « {ImportSchema.ExampleCode} » est un exemple : elle n'est jamais importée, vous pouvez la laisser ou l'effacer.",
            "4. Ne renommez pas les onglets et gardez une seule ligne d'en-tête (l'ordre des colonnes peut changer).",
            "5. Enregistrez au format .xlsx (10 Mo au plus), puis déposez le fichier à l'étape 4 de l'onboarding.",
            string.Empty,
            "Règles vérifiées à l'import (toutes les erreurs sont listées, rien n'est importé tant qu'il en reste)",
            "• Code produit unique dans le fichier et pour l'entreprise (50 caractères au plus).",
            "• Prix Vente supérieur à 0 ; Prix Achat, Stock Initial et Seuil Alerte positifs ou nuls.",
            "• Montants en francs CFA entiers : « 23 795 », « 23795 », « 23.795 » ou « 23 795 FCFA » sont acceptés.",
            "• Séparateurs : les milliers peuvent être séparés par des espaces, des points ou des virgules (« 85.000 » = 85 000). Un séparateur suivi de 3 chiffres qui pourrait aussi être décimal (« 1.500 » en euros) est refusé : écrivez 1500 ou 1,50.",
            $"• Date de vente au format AAAA-MM-JJ (ou JJ/MM/AAAA), entre le {earliest:dd/MM/yyyy} et le {request.Today:dd/MM/yyyy}.",
            "• Quantité vendue : nombre entier supérieur à 0.",
            "• Chaque code produit d'une vente doit exister dans l'onglet Produits.",
            "• Si vous ajoutez une colonne « Montant Total », elle doit valoir Quantité × Prix Unitaire.",
            "• Prix Unitaire vide : le prix de vente du produit est utilisé.",
            string.Empty,
            $"Catégories proposées : {categories} (une autre catégorie reste possible).",
            $"Conseil : {DataQuality.RecommendedMonths} mois d'historique de ventes au moins donnent des tableaux de bord fiables.",
        ];

        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new Columns(new Column { Min = 1, Max = 1, Width = 120, CustomWidth = true }));
        writer.WriteStartElement(new SheetData());
        for (var i = 0; i < lines.Length; i++)
        {
            var style = i == 0 ? Title : lines[i].StartsWith("Comment", StringComparison.Ordinal) || lines[i].StartsWith("Règles", StringComparison.Ordinal) ? Header : Wrapped;
            WriteRow(writer, (uint)(i + 1), [Text(strings, lines[i], lines[i].Length == 0 ? 0 : style)]);
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteProducts(WorksheetPart part, TemplateRequest request, IEnumerable<TemplateProduct> products, SharedStrings strings)
    {
        var columns = ImportSchema.Products.Columns.Where(c => c.InTemplate).ToList();
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(FrozenHeader());
        writer.WriteElement(new Columns(
            Width(1, 14), Width(2, 36), Width(3, 22), Width(4, 14, Amount), Width(5, 14, Amount), Width(6, 14), Width(7, 14)));
        writer.WriteStartElement(new SheetData());
        WriteRow(writer, 1, columns.Select(c => Text(strings, c.Header, Header)).ToArray());
        var category = SectorCatalog.Categories(request.Sector)[0];
        WriteRow(writer, 2,
        [
            Text(strings, ImportSchema.ExampleCode, ExampleText), Text(strings, "Exemple : cette ligne n'est pas importée", ExampleText),
            Text(strings, category, ExampleText), Number(5000, ExampleAmount), Number(3500, ExampleAmount), Number(24, ExampleText), Number(5, ExampleText),
        ]);
        uint row = 3;
        foreach (var p in products)
        {
            WriteRow(writer, row++,
            [
                Text(strings, p.Code, 0), Text(strings, p.Name, 0), p.Category is null ? null : Text(strings, p.Category, 0),
                Number(p.Price, Amount), p.Cost is { } cost ? Number(cost, Amount) : null,
                p.Stock is { } stock ? Number(stock, 0) : null, p.ReorderPoint is { } reorder ? Number(reorder, 0) : null,
            ]);
        }

        writer.WriteEndElement();
        var categoryList = "\"" + string.Join(",", SectorCatalog.Categories(request.Sector)) + "\"";
        writer.WriteElement(new DataValidations(
            List("C", categoryList, "Catégorie", "Choisissez une catégorie de la liste (une autre valeur reste acceptée).", strict: false),
            Range("D", DataValidationValues.Decimal, DataValidationOperatorValues.GreaterThan, "0", null, "Prix Vente", "Le prix de vente doit être supérieur à 0."),
            Range("E", DataValidationValues.Decimal, DataValidationOperatorValues.GreaterThanOrEqual, "0", null, "Prix Achat", "Le prix d'achat ne peut pas être négatif."),
            Range("F", DataValidationValues.Whole, DataValidationOperatorValues.GreaterThanOrEqual, "0", null, "Stock Initial", "Le stock initial doit être un nombre entier positif ou nul."),
            Range("G", DataValidationValues.Whole, DataValidationOperatorValues.GreaterThanOrEqual, "0", null, "Seuil Alerte", "Le seuil d'alerte doit être un nombre entier positif ou nul."))
        { Count = 5 });
        writer.WriteEndElement();
    }

    private static void WriteSales(WorksheetPart part, TemplateRequest request, IEnumerable<TemplateSale> sales, SharedStrings strings)
    {
        var columns = ImportSchema.Sales.Columns.Where(c => c.InTemplate).ToList();
        var earliest = request.Today.AddMonths(-ImportValidator.HistoryMonths);
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(FrozenHeader());
        writer.WriteElement(new Columns(Width(1, 20, DateFormat), Width(2, 16), Width(3, 12), Width(4, 14, Amount)));
        writer.WriteStartElement(new SheetData());
        WriteRow(writer, 1, columns.Select(c => Text(strings, c.Header, Header)).ToArray());
        WriteRow(writer, 2,
        [
            Number(Serial(request.Today.AddDays(-7)), ExampleDate), Text(strings, ImportSchema.ExampleCode, ExampleText),
            Number(10, ExampleText), Number(5000, ExampleAmount),
        ]);
        uint row = 3;
        foreach (var s in sales)
        {
            WriteRow(writer, row++,
            [
                Number(Serial(s.Date), DateFormat), Text(strings, s.Code, 0), Number(s.Quantity, 0),
                s.UnitPrice is { } price ? Number(price, Amount) : null,
            ]);
        }

        writer.WriteEndElement();
        writer.WriteElement(new DataValidations(
            Range("A", DataValidationValues.Date, DataValidationOperatorValues.Between, Serial(earliest).ToString(CultureInfo.InvariantCulture), Serial(request.Today).ToString(CultureInfo.InvariantCulture),
                "Date", $"La date doit être comprise entre le {earliest:dd/MM/yyyy} et le {request.Today:dd/MM/yyyy}."),
            List("B", CodesName, "Code Produit", "Choisissez un code de l'onglet Produits.", strict: true),
            Range("C", DataValidationValues.Whole, DataValidationOperatorValues.GreaterThan, "0", null, "Quantité", "La quantité doit être un nombre entier supérieur à 0."),
            Range("D", DataValidationValues.Decimal, DataValidationOperatorValues.GreaterThan, "0", null, "Prix Unitaire", "Le prix unitaire doit être supérieur à 0."))
        { Count = 4 });
        writer.WriteEndElement();
    }

    private static SheetViews FrozenHeader() => new(new SheetView(
        new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
        new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
    { WorkbookViewId = 0 });

    private static Column Width(uint index, double width, uint style = 0)
    {
        var column = new Column { Min = index, Max = index, Width = width, CustomWidth = true };
        if (style != 0)
        {
            column.Style = style;
        }

        return column;
    }

    private static DataValidation List(string column, string formula, string title, string message, bool strict) => new(new Formula1(formula))
    {
        Type = DataValidationValues.List,
        AllowBlank = true,
        ShowInputMessage = true,
        ShowErrorMessage = true,
        ErrorStyle = strict ? DataValidationErrorStyleValues.Stop : DataValidationErrorStyleValues.Warning,
        PromptTitle = title,
        Prompt = message,
        ErrorTitle = title,
        Error = message,
        SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{column}2:{column}{LastRow}" },
    };

    private static DataValidation Range(string column, DataValidationValues type, DataValidationOperatorValues op, string formula1, string? formula2, string title, string message)
    {
        var validation = new DataValidation(new Formula1(formula1))
        {
            Type = type,
            Operator = op,
            AllowBlank = true,
            ShowErrorMessage = true,
            ErrorTitle = title,
            Error = message,
            SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{column}2:{column}{LastRow}" },
        };
        if (formula2 is not null)
        {
            validation.Append(new Formula2(formula2));
        }

        return validation;
    }

    private static void WriteRow(OpenXmlWriter writer, uint index, Cell?[] cells)
    {
        writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", string.Empty, index.ToString(CultureInfo.InvariantCulture))]);
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i] is { } cell)
            {
                cell.CellReference = WorkbookFile.ColumnName(i) + index.ToString(CultureInfo.InvariantCulture);
                writer.WriteElement(cell);
            }
        }

        writer.WriteEndElement();
    }

    private static Cell Text(SharedStrings strings, string text, uint style) => new()
    {
        DataType = CellValues.SharedString,
        CellValue = new CellValue(strings.IndexOf(text).ToString(CultureInfo.InvariantCulture)),
        StyleIndex = style == 0 ? null : style,
    };

    private static Cell Number(decimal value, uint style) => new()
    {
        CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)),
        StyleIndex = style == 0 ? null : style,
    };

    private static int Serial(DateOnly date) => (int)date.ToDateTime(TimeOnly.MinValue).ToOADate();

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            // The schema's order: b, i, sz, color, name (Excel repairs a file that breaks it).
            new Font(new Bold(), new FontSize { Val = 11 }, new Color { Rgb = "FFFFFFFF" }, new FontName { Val = "Calibri" }),
            new Font(new Italic(), new FontSize { Val = 11 }, new Color { Rgb = "FF595959" }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Calibri" }))
        { Count = 4 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FF1F4E79" }) { PatternType = PatternValues.Solid }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFFFF2CC" }) { PatternType = PatternValues.Solid }))
        { Count = 4 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true },
            new CellFormat { FontId = 2, FillId = 3, ApplyFont = true, ApplyFill = true },
            new CellFormat { FontId = 2, FillId = 3, NumberFormatId = 164, ApplyFont = true, ApplyFill = true, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 3, ApplyNumberFormat = true },
            new CellFormat { FontId = 2, FillId = 3, NumberFormatId = 3, ApplyFont = true, ApplyFill = true, ApplyNumberFormat = true },
            new CellFormat { FontId = 3, ApplyFont = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true })
        { Count = 9 });

    /// <summary>Collects the workbook's distinct strings, as Excel stores them.</summary>
    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
        private readonly List<string> items = [];

        public int IndexOf(string text)
        {
            if (!index.TryGetValue(text, out var i))
            {
                i = items.Count;
                index[text] = i;
                items.Add(text);
            }

            return i;
        }

        public void WriteTo(SharedStringTablePart part)
        {
            using var writer = OpenXmlWriter.Create(part);
            writer.WriteStartElement(new SharedStringTable { Count = (uint)items.Count, UniqueCount = (uint)items.Count });
            foreach (var item in items)
            {
                writer.WriteElement(new SharedStringItem(new Text(item) { Space = SpaceProcessingModeValues.Preserve }));
            }

            writer.WriteEndElement();
        }
    }
}

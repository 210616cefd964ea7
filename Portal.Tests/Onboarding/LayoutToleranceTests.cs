using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Portal.Domain.Onboarding;
using Portal.Tests.Support;

namespace Portal.Tests.Onboarding;

/// <summary>Layouts people really send: title rows above the header, totals under the data.</summary>
public class LayoutToleranceTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Title_rows_above_the_header_even_merged_are_skipped(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var harness = await OnboardingHarness.CreateAsync(database);
        var sessionId = await harness.CompanyWithUsersAsync();
        var today = Workbooks.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var file = Build(
            ("Produits", ["Code", "Nom", "Catégorie", "Prix Vente", "Prix Achat", "Stock Initial", "Seuil Alerte"], [["P1", "Riz", "Alimentation", "1500", "1000", "4", "1"]]),
            ("Ventes", ["Date (AAAA-MM-JJ)", "Code Produit", "Quantité", "Prix Unitaire"], [[today, "P1", "2", "1500"]]));

        var (report, job) = await harness.UploadAndRunAsync(sessionId, file, dryRun: false);

        Assert.True(report.IsImportable, string.Join(" ", report.Problems));
        Assert.Equal(ImportStatus.Succeeded, job!.Status);
        Assert.Equal((1, 1), (job.Stats!.Products, job.Stats.Sales));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_totals_row_under_the_data_is_skipped_with_one_warning(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var harness = await OnboardingHarness.CreateAsync(database);
        var sessionId = await harness.CompanyWithUsersAsync();
        object?[][] sales = [.. Workbooks.SampleSales, ["TOTAL", null, new Formula("SUM(C3:C7)", 9), null]];
        var file = Workbooks.Fill(Workbooks.Template(), Workbooks.SampleProducts, sales);

        var (report, job) = await harness.UploadAndRunAsync(sessionId, file, dryRun: true);

        Assert.True(report.IsImportable, string.Join(" ", report.Problems));
        Assert.Equal(ImportStatus.Succeeded, job!.Status);
        Assert.Equal(5, job.Stats!.Sales);
        Assert.Matches(@"^Onglet Ventes, ligne \d+ : ligne de total ignorée", Assert.Single(job.Stats.Warnings!));
    }

    // Each sheet: a merged title on row 1, an empty row 2, the header on row 3, data from row 4.
    private static byte[] Build(params (string Name, string[] Header, string[][] Rows)[] sheets)
    {
        using var output = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook(new Sheets());
            uint id = 1;
            foreach (var (name, header, rows) in sheets)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                var data = new SheetData(Row(1, ["Boutique Keur Yaay : inventaire et ventes"]), Row(3, header));
                for (var i = 0; i < rows.Length; i++)
                {
                    data.Append(Row((uint)(4 + i), rows[i]));
                }

                part.Worksheet = new Worksheet(data, new MergeCells(new MergeCell { Reference = "A1:D1" }));
                workbookPart.Workbook.Sheets!.Append(new Sheet { Name = name, SheetId = id++, Id = workbookPart.GetIdOfPart(part) });
            }
        }

        return output.ToArray();
    }

    private static Row Row(uint index, string[] values)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < values.Length; i++)
        {
            row.Append(new Cell
            {
                CellReference = (char)('A' + i) + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(values[i])),
            });
        }

        return row;
    }
}

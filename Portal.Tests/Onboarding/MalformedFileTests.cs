using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Onboarding;
using Portal.Tests.Support;

namespace Portal.Tests.Onboarding;

/// <summary>Bad files are refused with a precise French message, and nothing reaches the database.</summary>
public class MalformedFileTests
{
    public static TheoryData<string, string> RejectedAtUpload() => Cases(
        "missing-sheet", "missing-column", "docx", "zip-bomb", "11-mb", "empty", "password", "merged-header", "csv", "xls", "duplicate-column", "macro", "external-link", "dtd", "huge-cell");

    public static TheoryData<string, string> RejectedByRules() => Cases(
        "text-in-number", "future-date", "unknown-code", "duplicate-code", "formula-error", "too-old", "bad-total", "negative-stock", "uncalculated-formula", "empty-value-formula");

    [Theory]
    [MemberData(nameof(RejectedAtUpload))]
    public async Task Is_refused_at_upload_with_a_clear_message(string provider, string name)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var harness = await OnboardingHarness.CreateAsync(database);
        var sessionId = await harness.CompanyWithUsersAsync();

        var (report, job) = await harness.UploadAndRunAsync(sessionId, Build(name), dryRun: false);

        Assert.False(report.IsImportable);
        Assert.Null(job);
        Assert.Contains(Expected[name], string.Join(" ", report.Problems), StringComparison.Ordinal);
        await AssertNothingWrittenAsync(database);
    }

    [Theory]
    [MemberData(nameof(RejectedByRules))]
    public async Task Fails_the_import_with_the_rule_broken_and_writes_nothing(string provider, string name)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var harness = await OnboardingHarness.CreateAsync(database);
        var sessionId = await harness.CompanyWithUsersAsync();

        var (report, job) = await harness.UploadAndRunAsync(sessionId, Build(name), dryRun: false);

        Assert.True(report.IsImportable, string.Join(" ", report.Problems));
        Assert.Equal(ImportStatus.Failed, job!.Status);
        var (issues, _, total) = await harness.AsStaffAsync(s => s.GetIssuesAsync(job.Id, 0, 50));
        Assert.True(total >= 1);
        Assert.Contains(issues, i => i.Message.Contains(Expected[name], StringComparison.Ordinal));
        await AssertNothingWrittenAsync(database);

        var (_, report2) = await harness.AsStaffAsync(s => s.ErrorReportAsync(job.Id));
        await using (report2)
        {
            Assert.True(report2.Length > 0);
        }
    }

    private static readonly Dictionary<string, string> Expected = new()
    {
        ["missing-sheet"] = "L'onglet « Ventes » est introuvable",
        ["missing-column"] = "Colonne(s) manquante(s) dans l'onglet « Produits » : Prix Vente.",
        ["docx"] = "Ce fichier est un document Word, pas un classeur Excel (.xlsx).",
        ["zip-bomb"] = "Le fichier est anormalement compressé (archive piégée) : il est refusé.",
        ["11-mb"] = "Le fichier dépasse la taille maximale de 10 Mo.",
        ["empty"] = "Le fichier est vide.",
        ["password"] = "Le classeur est protégé par un mot de passe",
        ["merged-header"] = "contient des cellules fusionnées (A1:B1)",
        ["csv"] = "Ce fichier n'est pas un classeur Excel (.xlsx).",
        ["xls"] = "format Excel 97-2003 (.xls)",
        ["duplicate-column"] = "La colonne « Nom » apparaît deux fois dans l'onglet Produits.",
        ["text-in-number"] = "« beaucoup » n'est pas un nombre.",
        ["future-date"] = "La date de vente est dans le futur.",
        ["unknown-code"] = "Le code produit « P999 » n'existe pas dans l'onglet Produits.",
        ["duplicate-code"] = "apparaît déjà à la ligne 3 : chaque code doit être unique.",
        ["formula-error"] = "La cellule contient une erreur de formule (#DIV/0!).",
        ["too-old"] = "La date de vente a plus de 24 mois",
        ["bad-total"] = "Le montant total ne correspond pas à Quantité × Prix unitaire",
        ["negative-stock"] = "Le stock initial doit être un nombre entier positif ou nul.",
        ["uncalculated-formula"] = "Formule non calculée : ouvrez et enregistrez le fichier dans Excel",
        ["empty-value-formula"] = "Formule non calculée : ouvrez et enregistrez le fichier dans Excel",
        ["macro"] = "Le classeur contient des macros, des liens externes ou des objets incorporés",
        ["external-link"] = "Le classeur contient des macros, des liens externes ou des objets incorporés",
        ["dtd"] = "Le fichier est endommagé : ce n'est pas un classeur Excel lisible.",
        ["huge-cell"] = "Une cellule contient plus de 32 767 caractères (la limite d'Excel) : le fichier est refusé.",
    };

    private static byte[] Build(string name) => name switch
    {
        "missing-sheet" => Workbooks.Edit(Workbooks.Valid(), d => d.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Ventes").Remove()),
        "missing-column" => Workbooks.Edit(Workbooks.Valid(), d => Workbooks.SetHeader(d, "Produits", 4, null)),
        "duplicate-column" => Workbooks.Edit(Workbooks.Valid(), d => Workbooks.SetHeader(d, "Produits", 3, "nom")),
        "merged-header" => Workbooks.Edit(Workbooks.Valid(), d =>
        {
            Workbooks.SetHeader(d, "Produits", 2, null);
            Workbooks.SheetData(d, "Produits").InsertAfterSelf(new MergeCells(new MergeCell { Reference = "A1:B1" }) { Count = 1 });
        }),
        "docx" => Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")),
        "zip-bomb" => WithEntry(Workbooks.Valid(), "xl/media/image1.bin", new byte[64 * 1024 * 1024], CompressionLevel.Optimal),
        "11-mb" => WithEntry(Workbooks.Valid(), "xl/media/photo.bin", RandomBytes(11 * 1024 * 1024), CompressionLevel.NoCompression),
        "empty" => [],
        "password" => CompoundFile("EncryptionInfo"),
        "xls" => CompoundFile("Workbook"),
        "csv" => Encoding.UTF8.GetBytes("Code;Nom;Prix Vente\nP001;Riz;17500\n"),
        "text-in-number" => Workbooks.Fill(Workbooks.Template(), [["P001", "Riz", null, "beaucoup", null, null, null]], []),
        "future-date" => Workbooks.Fill(Workbooks.Template(), Workbooks.SampleProducts, [[Workbooks.Today.AddDays(2), "P001", 1, null]]),
        "unknown-code" => Workbooks.Fill(Workbooks.Template(), Workbooks.SampleProducts, [[Workbooks.Today, "P999", 1, null]]),
        "duplicate-code" => Workbooks.Fill(Workbooks.Template(), [["P001", "Riz", null, 1000, null, null, null], ["P001", "Riz bis", null, 1000, null, null, null]], []),
        "formula-error" => Workbooks.Fill(Workbooks.Template(), [["P001", "Riz", null, new Formula("1/0", "#DIV/0!", IsError: true), null, null, null]], []),
        "uncalculated-formula" => Workbooks.Fill(Workbooks.Template(), [["P001", "Riz", null, new Formula("1000*2", null), null, null, null]], []),
        "empty-value-formula" => Workbooks.Fill(Workbooks.Template(), [["P001", "Riz", null, new Formula("1000*2", string.Empty), null, null, null]], []),
        "too-old" => Workbooks.Fill(Workbooks.Template(), Workbooks.SampleProducts, [[Workbooks.Today.AddMonths(-25), "P001", 1, null]]),
        "bad-total" => Workbooks.Edit(Workbooks.Fill(Workbooks.Template(), Workbooks.SampleProducts, [[Workbooks.Today, "P001", 2, 17500, 99999]]),
            d => Workbooks.SheetData(d, "Ventes").Elements<Row>().First().Append(new Cell { CellReference = "E1", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("Montant Total")) })),
        "macro" => WithEntry(Workbooks.Valid(), "xl/vbaProject.bin", [0xD0, 0xCF, 0x11, 0xE0], CompressionLevel.Optimal),
        "external-link" => WithEntry(Workbooks.Valid(), "xl/externalLinks/externalLink1.xml", Encoding.UTF8.GetBytes("<externalLink/>"), CompressionLevel.Optimal),
        "dtd" => WithDoctype(Workbooks.Valid()),
        "huge-cell" => Workbooks.Fill(Workbooks.Template(), [["P001", new string('x', 40_000), null, 1000, null, null, null]], []),
        "negative-stock" => Workbooks.Fill(Workbooks.Template(), [["P001", "Riz", null, 1000, null, -4, null]], []),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static async Task AssertNothingWrittenAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        Assert.Equal(0, await db.Products.CountAsync());
        Assert.Equal(0, await db.Sales.CountAsync());
        Assert.False(await db.Tenants.AnyAsync(t => t.Name == "Keur Commerce SARL" && t.IsActive));
    }

    private static TheoryData<string, string> Cases(params string[] names)
    {
        var data = new TheoryData<string, string>();
        foreach (var provider in Providers.All)
        {
            foreach (var name in names)
            {
                data.Add(provider, name);
            }
        }

        return data;
    }

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (entryName, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(entryName).Open());
                writer.Write(content);
            }
        }

        return output.ToArray();
    }

    // An entity-expansion attempt in every worksheet: the reader prohibits DTDs, and the user must read why the file is refused.
    private static byte[] WithDoctype(byte[] workbook)
    {
        using var output = new MemoryStream();
        output.Write(workbook);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
        {
            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).ToList())
            {
                string xml;
                using (var reader = new StreamReader(entry.Open()))
                {
                    xml = reader.ReadToEnd();
                }

                var name = entry.FullName;
                entry.Delete();
                var start = xml.IndexOf("?>", StringComparison.Ordinal) + 2;
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(xml[..start] + "<!DOCTYPE lol [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>" + xml[start..]);
            }
        }

        return output.ToArray();
    }

    private static byte[] WithEntry(byte[] workbook, string entryName, byte[] content, CompressionLevel level)
    {
        using var output = new MemoryStream();
        output.Write(workbook);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var entry = zip.CreateEntry(entryName, level).Open();
            entry.Write(content);
        }

        return output.ToArray();
    }

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        new Random(42).NextBytes(bytes);
        return bytes;
    }

    // Office saves an encrypted .xlsx (and an old .xls) as an OLE compound file; an encrypted one carries an "EncryptionInfo" stream.
    private static byte[] CompoundFile(string streamName)
    {
        var file = new byte[4096];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(file, 0);
        Encoding.Unicode.GetBytes(streamName).CopyTo(file, 1024);
        return file;
    }
}

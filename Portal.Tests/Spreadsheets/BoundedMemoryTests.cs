using System.IO.Compression;
using Portal.Domain.Onboarding.Import;
using Portal.Domain.Spreadsheets;
using Portal.Infrastructure.Onboarding;
using Portal.Infrastructure.Spreadsheets;
using Portal.Tests.Onboarding;
using Portal.Tests.Support;

namespace Portal.Tests.Spreadsheets;

/// <summary>
/// Checking an upload and building its error report keep a bounded amount of memory, whatever the size of the sheets.
/// Measured, not timed: the live managed heap (after a full collection) is sampled as the bytes flow, and its growth
/// must stay far below what a document model of the sheets would hold (several times their XML).
/// </summary>
[Collection(MemoryCollection.Name)]
public class BoundedMemoryTests
{
    private const long Megabyte = 1024 * 1024;

    [Fact]
    public void The_error_report_streams_the_sheets_instead_of_loading_them()
    {
        var upload = OnboardingServiceTests.Generated(products: 5_000, sales: 150_000);
        var sheetXml = UnpackedSize(upload, "xl/worksheets/sheet3.xml");
        Assert.True(sheetXml > 20 * Megabyte, $"the sales sheet unpacks to {sheetXml / Megabyte} MB only");
        var issues = Enumerable.Range(0, 10_000).Select(i => new ImportIssue("Ventes", 3 + (i * 15), "Quantité", "0", "La quantité doit être un nombre entier supérieur à 0.")).ToList();
        using var input = new MemoryStream(upload);
        using var output = new SamplingStream(null);

        output.Start();
        ErrorReport.Build(input, output, [ImportSchema.Products, ImportSchema.Sales], issues, 20_000);
        output.Sample();

        Assert.True(output.Written > 4 * Megabyte);
        Assert.True(output.Growth < 8 * Megabyte, $"the report build held {output.Growth / Megabyte} MB for a sheet of {sheetXml / Megabyte} MB of XML");
    }

    [Fact]
    public void Checking_an_upload_reads_only_the_header_texts_it_needs()
    {
        // 120,000 distinct texts: loading the whole shared string table held 6 MB (measured before the header read only its own).
        var upload = OnboardingServiceTests.Generated(products: 60_000, sales: 1_000);
        Assert.True(UnpackedSize(upload, "xl/sharedStrings.xml") > 4 * Megabyte);
        using var input = new SamplingStream(new MemoryStream(upload));

        input.Start();
        using (var workbook = WorkbookFile.Open(input, UploadLimits.Upload))
        {
            Assert.True(ImportEngine.CheckStructure(workbook).IsImportable);
            input.Sample();
        }

        Assert.True(input.Growth < 2 * Megabyte, $"the structure check held {input.Growth / Megabyte} MB");
    }

    private static long UnpackedSize(byte[] workbook, string entry)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        return zip.GetEntry(entry)!.Length;
    }

    /// <summary>
    /// Passes reads through (or swallows writes) and, every 256 KB, notes the live heap after a full collection.
    /// </summary>
    private sealed class SamplingStream(Stream? inner) : Stream
    {
        private const long Every = 256 * 1024;
        private long baseline;
        private long peak;
        private long next = Every;
        private long moved;

        public long Written { get; private set; }

        public long Growth => peak - baseline;

        public override bool CanRead => inner is not null;

        public override bool CanSeek => inner?.CanSeek ?? false;

        public override bool CanWrite => inner is null;

        public override long Length => inner?.Length ?? Written;

        public override long Position
        {
            get => inner?.Position ?? Written;
            set => inner!.Position = value;
        }

        public void Start()
        {
            baseline = GC.GetTotalMemory(forceFullCollection: true);
            peak = baseline;
        }

        public void Sample() => peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));

        public override int Read(byte[] buffer, int offset, int count) => Moved(inner!.Read(buffer, offset, count));

        public override long Seek(long offset, SeekOrigin origin) => inner!.Seek(offset, origin);

        public override void Write(byte[] buffer, int offset, int count)
        {
            Written += count;
            Moved(count);
        }

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner?.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Moved(int count)
        {
            moved += count;
            if (moved >= next)
            {
                Sample();
                next = moved + Every;
            }

            return count;
        }
    }
}

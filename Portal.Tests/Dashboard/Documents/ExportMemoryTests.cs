using System.Diagnostics;
using Portal.Infrastructure.Dashboard.Documents;
using Portal.Tests.Support;
using Xunit.Abstractions;

namespace Portal.Tests.Dashboard.Documents;

/// <summary>
/// Large exports stream: the live heap (after a full collection, sampled as the bytes leave) stays flat whatever the row
/// count. Measured, not timed: the elapsed time is printed for the record (the README's figures come from the benchmark,
/// in Release, without the sampling's collections).
/// </summary>
[Collection(MemoryCollection.Name)]
public class ExportMemoryTests(ITestOutputHelper output)
{
    private const long Megabyte = 1024 * 1024;

    [Fact]
    public async Task A_million_row_csv_streams_in_flat_memory()
    {
        const int Rows = 1_000_000;
        var (written, bytes, growth, elapsed, allocated) = await MeasureAsync(ExportFormat.Csv, Rows, sampleEvery: 8 * Megabyte);

        output.WriteLine($"CSV {Rows:N0} rows: {bytes / (double)Megabyte:F1} MB in {elapsed.TotalSeconds:F2} s, live heap +{growth / (double)Megabyte:F2} MB, {allocated / Rows} bytes allocated per row");
        Assert.Equal(Rows, written);
        Assert.True(bytes > 35 * Megabyte, $"{bytes} bytes");
        Assert.True(growth < 4 * Megabyte, $"the export held {growth / Megabyte} MB");
    }

    [Fact]
    public async Task A_large_workbook_streams_in_flat_memory()
    {
        const int Rows = 150_000;
        var (written, bytes, growth, elapsed, _) = await MeasureAsync(ExportFormat.Xlsx, Rows, sampleEvery: Megabyte);

        output.WriteLine($"Excel {Rows:N0} rows: {bytes / (double)Megabyte:F1} MB in {elapsed.TotalSeconds:F2} s, live heap +{growth / (double)Megabyte:F2} MB");
        Assert.Equal(Rows, written);
        Assert.True(growth < 6 * Megabyte, $"the export held {growth / Megabyte} MB");
    }

    private static async Task<(long Written, long Bytes, long Growth, TimeSpan Elapsed, long Allocated)> MeasureAsync(ExportFormat format, int rows, long sampleEvery)
    {
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = baseline;
        using var sink = new SinkStream(keep: false, sampleEvery, () => peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true)));
        var allocatedTotal = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();

        var written = await GridExport.WriteAsync(sink, format, ExportFixtures.Request(Enumerable.Range(0, rows).Select(ExportFixtures.Line)));

        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedTotal;
        peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
        return (written, sink.Written, peak - baseline, clock.Elapsed, allocated);
    }
}

using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.Onboarding.Import;
using Portal.Domain.Spreadsheets;
using Portal.Domain.Tenancy;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Onboarding;
using Portal.Infrastructure.Spreadsheets;

// Import benchmark: generates workbooks with the product's own template writer, then measures the import on
// SQLite and PostgreSQL. "read+val" is reading and validating the file (on PostgreSQL the rows stream into
// COPY meanwhile); "write" is the rest of the write and the commit. Usage: dotnet run -c Release --project benchmarks/Portal.Benchmarks
//   [--cases a,b,c] [--providers sqlite,postgres]   PostgreSQL: PORTAL_BENCH_POSTGRES or PORTAL_TEST_POSTGRES (admin connection).
//   --ui [--pages 100] [--paths /admin,/app] [--web other/Portal.Web.dll]: the interface benchmark instead (time to
//   interactive, memory per live circuit; see CircuitBenchmark). --web measures another build, e.g. an older commit's.
//   --report: only the error report line (a 10 MB upload with 10,000 faulty cells), which the import run also prints.
//   --messages [--count 100000] [--providers sqlite,postgres]: the messaging benchmark (outbox throughput, commit to bell).
//   --exports [--rows 1000000]: the dashboard's documents (CSV, Excel and PDF grid exports, the monthly report).
//   --dashboard [--sales 1000000] [--products 5000] [--others 20] [--other-sales 50000] [--providers sqlite,postgres]:
//   the client dashboard at the issue's size (overview, stock, forecasts, report; see DashboardBenchmark).
//   --sales-grid [--count 1000000] [--providers sqlite,postgres] [--keep] [--only text]: the sales grid benchmark (page, totals, stream).
if (args.Contains("--ui"))
{
    await Portal.Benchmarks.CircuitBenchmark.RunAsync(
        int.Parse(Option("--pages", "100"), CultureInfo.InvariantCulture),
        Option("--paths", string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries),
        args.Contains("--web") ? Path.GetFullPath(Option("--web", string.Empty)) : null);
    return;
}

if (args.Contains("--exports"))
{
    await Portal.Benchmarks.ExportBenchmark.RunAsync(int.Parse(Option("--rows", "1000000"), CultureInfo.InvariantCulture));
    return;
}

var today = DateOnly.FromDateTime(DateTime.UtcNow);
var work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "portal-bench")).FullName;
var postgres = Environment.GetEnvironmentVariable("PORTAL_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("PORTAL_TEST_POSTGRES");
if (args.Contains("--messages"))
{
    await Portal.Benchmarks.MessagingBenchmark.RunAsync(int.Parse(Option("--count", "100000"), CultureInfo.InvariantCulture), Option("--providers", "sqlite,postgres").Split(','), postgres, work);
    return;
}

if (args.Contains("--dashboard"))
{
    await Portal.Benchmarks.DashboardBenchmark.RunAsync(
        int.Parse(Option("--sales", "1000000"), CultureInfo.InvariantCulture), int.Parse(Option("--products", "5000"), CultureInfo.InvariantCulture),
        int.Parse(Option("--others", "20"), CultureInfo.InvariantCulture), int.Parse(Option("--other-sales", "50000"), CultureInfo.InvariantCulture),
        Option("--providers", "sqlite,postgres").Split(','), postgres, work);
    return;
}

if (args.Contains("--sales-grid"))
{
    await Portal.Benchmarks.SalesGridBenchmark.RunAsync(int.Parse(Option("--count", "1000000"), CultureInfo.InvariantCulture), Option("--providers", "sqlite,postgres").Split(','), postgres, work, args.Contains("--keep"), args.Contains("--only") ? Option("--only", string.Empty) : null);
    return;
}

if (args.Contains("--report"))
{
    Console.WriteLine($"Portal error report benchmark · {Environment.ProcessorCount} CPU · .NET {Environment.Version} · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
    MeasureReport(today, work);
    return;
}

var cases = new Dictionary<string, (int Products, int Sales)>
{
    ["a"] = (150, 2_000),
    ["b"] = (5_000, 100_000),
    ["c"] = (5_000, 1_000_000),
};
var selectedCases = Option("--cases", "a,b,c").Split(',');
var providers = Option("--providers", "sqlite,postgres").Split(',');

Console.WriteLine($"Portal import benchmark · {Environment.ProcessorCount} CPU · .NET {Environment.Version} · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
MeasureTemplate(today);
MeasureReport(today, work);
Console.WriteLine();
Console.WriteLine($"{"case",-4} {"db",-9} {"products",9} {"sales",10} {"file MB",8} {"read+val s",11} {"write s",8} {"total s",8} {"rows/s",10} {"peak +MB",9}");

foreach (var name in selectedCases)
{
    var (productCount, saleCount) = cases[name];
    var file = Path.Combine(work, $"case-{name}.xlsx");
    if (!File.Exists(file))
    {
        await using var output = File.Create(file);
        ImportTemplate.Write(output, new TemplateRequest("Benchmark SARL", Sector.Retail, today),
            Enumerable.Range(1, productCount).Select(i => new TemplateProduct($"P{i:00000}", $"Produit {i}", "Divers", 500 + (i % 20_000), 400 + (i % 20_000), i % 50, 5)),
            Enumerable.Range(0, saleCount).Select(i => new TemplateSale(today.AddDays(-(i % 700)), $"P{(i % productCount) + 1:00000}", 1 + (i % 9), null)));
    }

    foreach (var provider in providers)
    {
        if (provider == "postgres" && string.IsNullOrWhiteSpace(postgres))
        {
            Console.WriteLine($"{name,-4} {provider,-9} skipped: set PORTAL_BENCH_POSTGRES (or PORTAL_TEST_POSTGRES) to an admin connection string");
            continue;
        }

        await RunAsync(name, provider, file, productCount + saleCount);
    }
}

async Task RunAsync(string name, string provider, string file, int rows)
{
    await using var database = await Portal.Benchmarks.BenchDatabase.CreateAsync(provider, postgres, work);
    await using var node = database.Node();
    var services = node.Services;
    await using var scope = services.CreateAsyncScope();
    var portalDb = scope.ServiceProvider.GetRequiredService<PortalDb>();
    var now = DateTime.UtcNow;
    var tenant = new Tenant(CompanyName.Create("Benchmark SARL"), null, Sector.Retail, Country.Senegal, "bench");
    var site = new Site(tenant.Id, "Siège", "Dakar", SiteType.Main);
    await using (var setup = portalDb.ForSystem("benchmark setup"))
    {
        await setup.Database.MigrateAsync();
        setup.Tenants.Add(tenant);
        setup.Sites.Add(site);
        await setup.SaveChangesAsync();
    }

    GC.Collect();
    GC.WaitForPendingFinalizers();
    using var memory = new PeakMemory();
    var total = Stopwatch.StartNew();
    var parsed = TimeSpan.Zero;
    ImportAnalysis analysis;
    await using (var db = portalDb.ForJob(tenant.Id, "benchmark"))
    {
        // The same path as the import job: on PostgreSQL the rows stream into COPY while the file is read.
        using var writer = ImportWriter.Start(db, tenant.Id, site.Id, now, _ => { });
        await using (var stream = File.OpenRead(file))
        using (var workbook = WorkbookFile.Open(stream, UploadLimits.Trusted))
        {
            analysis = ImportEngine.Analyze(workbook, Currency.Xof, today, new HashSet<string>(), writer: writer);
        }

        if (!analysis.Validator.IsValid)
        {
            throw new InvalidOperationException("Generated workbook is invalid: " + analysis.Validator.Issues[0]);
        }

        parsed = total.Elapsed;
        writer.Complete(analysis);
        await writer.Transaction!.CommitAsync();
    }

    total.Stop();
    var commit = total.Elapsed - parsed;
    await using (var check = portalDb.ForJob(tenant.Id, "benchmark check"))
    {
        var stored = await check.Sales.CountAsync();
        if (stored != analysis.SaleCount)
        {
            throw new InvalidOperationException($"Expected {analysis.SaleCount} sales, found {stored}");
        }
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-4} {provider,-9} {analysis.ProductCount,9:N0} {analysis.SaleCount,10:N0} {new FileInfo(file).Length / 1048576.0,8:0.0} {parsed.TotalSeconds,11:0.000} {commit.TotalSeconds,8:0.000} {total.Elapsed.TotalSeconds,8:0.000} {rows / total.Elapsed.TotalSeconds,10:N0} {memory.PeakGrowthMegabytes,9:0}"));

}

static void MeasureTemplate(DateOnly today)
{
    using (var warm = new MemoryStream())
    {
        ImportTemplate.Write(warm, new TemplateRequest("Warm-up", Sector.Retail, today));
    }

    const int runs = 20;
    var watch = Stopwatch.StartNew();
    long bytes = 0;
    for (var i = 0; i < runs; i++)
    {
        using var output = new MemoryStream();
        ImportTemplate.Write(output, new TemplateRequest("Boutique Benchmark", (Sector)(i % 4), today));
        bytes = output.Length;
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"template generation: {watch.Elapsed.TotalMilliseconds / runs:0.0} ms per workbook ({bytes / 1024.0:0.0} KB), mean of {runs}"));
}

// The error report of a 10 MB upload (just under the upload limit) with as many faulty cells as a run keeps (10,000):
// the first build of the process (as after a restart: code not yet optimised by the runtime, heap not yet grown), then
// three more. Memory: peak working-set growth sampled every 20 ms, and the managed heap left after each build.
static void MeasureReport(DateOnly today, string work)
{
    var file = Path.Combine(work, "report-10mb.xlsx");
    if (!File.Exists(file))
    {
        using var output = File.Create(file);
        ImportTemplate.Write(output, new TemplateRequest("Benchmark SARL", Sector.Retail, today),
            Enumerable.Range(1, 5_000).Select(i => new TemplateProduct($"P{i:00000}", $"Produit {i}", "Divers", 500 + i, 400, i % 50, 5)),
            Enumerable.Range(0, 500_000).Select(i => new TemplateSale(today.AddDays(-(i % 700)), $"P{(i % 5_000) + 1:00000}", 1 + (i % 9), i % 3 == 0 ? 1_000 + (i % 77) : null)));
    }

    var issues = Enumerable.Range(0, 10_000)
        .Select(i => new ImportIssue(ImportSchema.Sales.Name, 3 + (i * 50), i % 2 == 0 ? "Quantité" : "Prix Unitaire", "0", "Valeur refusée."))
        .ToList();
    var runs = new List<(double Seconds, double PeakMegabytes, double HeapMegabytes, long Size)>();
    for (var run = 0; run < 4; run++)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var heap = GC.GetTotalMemory(true);
        using var memory = new PeakMemory();
        var watch = Stopwatch.StartNew();
        using var upload = File.OpenRead(file);
        using var report = new FileStream(Path.Combine(work, $"report-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        ErrorReport.Build(upload, report, [ImportSchema.Products, ImportSchema.Sales], issues, 250_000);
        watch.Stop();
        runs.Add((watch.Elapsed.TotalSeconds, memory.PeakGrowthMegabytes, (GC.GetTotalMemory(true) - heap) / 1048576.0, report.Length));
    }

    var (first, then) = (runs[0], runs.Skip(1).ToList());
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"error report: {new FileInfo(file).Length / 1048576.0:0.0} MB upload, {issues.Count:N0} marked cells -> {first.Size / 1048576.0:0.0} MB report; first build {first.Seconds:0.00} s (peak +{first.PeakMegabytes:0} MB), then {then.Min(r => r.Seconds):0.00}-{then.Max(r => r.Seconds):0.00} s (peak +{then.Max(r => r.PeakMegabytes):0} MB); heap left +{runs.Max(r => r.HeapMegabytes):0.0} MB; target < 2 s, < 100 MB"));
}

string Option(string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}

/// <summary>Samples the working set every 20 ms; reports the peak above the level when sampling started.</summary>
internal sealed class PeakMemory : IDisposable
{
    private readonly long baseline = Environment.WorkingSet;
    private readonly Timer timer;
    private long peak;

    public PeakMemory()
    {
        peak = baseline;
        timer = new Timer(_ => peak = Math.Max(peak, Environment.WorkingSet), null, 0, 20);
    }

    public double PeakGrowthMegabytes => (Math.Max(peak, Environment.WorkingSet) - baseline) / 1048576.0;

    public void Dispose() => timer.Dispose();
}

using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Playwright;
using Portal.Domain.Common;
using Portal.Domain.Onboarding;
using Portal.Domain.Tenancy;
using Portal.Infrastructure;
using Portal.Infrastructure.Data;

namespace Portal.Benchmarks;

/// <summary>
/// The interface benchmark: starts the real app (Release build, SQLite, demo data) as its own process and drives Debian's
/// Chromium. Prints time to interactive (sign-in page loaded; /admin and /app with their circuit connected), cold (first
/// visit after start) and warm (median of five), and the server's memory per live circuit: the slope of its live managed
/// heap (after a full collection) while 10 to 100 pages of one kind stay open.
/// </summary>
internal static partial class CircuitBenchmark
{
    private const string AdminPassword = "Bench2026admin";
    private const string ClientPassword = "Bench2026client";

    public static async Task RunAsync(int maxPages, IReadOnlyCollection<string> paths, string? web)
    {
        var webDll = web ?? Path.Combine(FindRepositoryRoot(), "Portal.Web", "bin", "Release", "net10.0", "Portal.Web.dll");
        if (!File.Exists(webDll))
        {
            Console.WriteLine($"{webDll} is missing: run `dotnet build -c Release Portal.Web` first.");
            return;
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });

        Console.WriteLine($"Portal interface benchmark · {Environment.ProcessorCount} CPU · .NET {Environment.Version} · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine();
        Console.WriteLine($"{"time to interactive",-24} {"cold s",8} {"warm s (median of 5)",22}");
        await WithServerAsync(webDll, async (baseUrl, _, passwords) =>
        {
            var visitor = await browser.NewContextAsync();
            await TimeToInteractiveAsync("/account/login", async () =>
            {
                // A fresh profile each run (nothing cached, no cookie), closed before the next one.
                await visitor.CloseAsync();
                return visitor = await browser.NewContextAsync();
            }, baseUrl, interactive: false);
            var admin = await SignedInContextAsync(browser, baseUrl, "admin@portal.local", passwords["admin@portal.local"], AdminPassword);
            var client = await SignedInContextAsync(browser, baseUrl, "77 123 45 67", passwords["+221771234567"], ClientPassword);
            foreach (var (path, context) in new[] { ("/admin", admin), ("/app", client) }.Where(p => paths.Count == 0 || paths.Contains(p.Item1)))
            {
                await TimeToInteractiveAsync(path, () => Task.FromResult(context), baseUrl, interactive: true);
            }
        });

        // One server per kind of page, and pages are never closed during a series: a closed page leaves a disconnected
        // circuit that the server keeps for three minutes, then frees, which would blur the slope.
        Console.WriteLine();
        Console.WriteLine($"{"memory per live circuit",-24} {"pages",6} {"heap MB at 10",14} {"at last",8} {"KB per circuit",15}");
        foreach (var (path, staff) in new[] { ("/admin", true), ("/admin/onboarding", true), ("/admin/onboarding/new", true), ("/app", false), ("/app/sales", false), ("/app/stock", false), ("/app/forecasts", false) }.Where(p => paths.Count == 0 || paths.Contains(p.Item1)))
        {
            await WithServerAsync(webDll, async (baseUrl, server, passwords) =>
            {
                var context = staff
                    ? await SignedInContextAsync(browser, baseUrl, "admin@portal.local", passwords["admin@portal.local"], AdminPassword)
                    : await SignedInContextAsync(browser, baseUrl, "77 123 45 67", passwords["+221771234567"], ClientPassword);
                await MemoryPerCircuitAsync(path, context, baseUrl, server, maxPages);
                await context.CloseAsync();
            });
        }
    }

    private static async Task WithServerAsync(string webDll, Func<string, Process, IReadOnlyDictionary<string, string>, Task> measure)
    {
        var data = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "portal-ui-bench", Guid.NewGuid().ToString("N"))).FullName;
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var passwords = new ConcurrentDictionary<string, string>();
        await SeedOnboardingsAsync(Path.Combine(data, "portal.db"));
        using var server = Start(webDll, baseUrl, data, passwords);
        try
        {
            await WaitHealthyAsync(baseUrl, passwords);
            await measure(baseUrl, server, passwords);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    // The onboarding list shows a full page (20 of 25 companies), as an operator's list soon does: an empty list would
    // leave the rows' cost out of the figure.
    private static async Task SeedOnboardingsAsync(string sqlitePath)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:SqlitePath"] = sqlitePath,
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddPortalInfrastructure(configuration).BuildServiceProvider();
        await using var db = services.GetRequiredService<PortalDb>().ForSystem("benchmark setup");
        await db.Database.MigrateAsync();
        var staff = Guid.NewGuid();
        for (var i = 1; i <= 25; i++)
        {
            var tenant = new Tenant(CompanyName.Create($"Entreprise {i:00} SARL"), null, Sector.Retail, Country.Senegal, "bench");
            var session = new OnboardingSession(tenant.Id, staff, "Agent Benchmark");
            session.Reach((OnboardingStep)(1 + (i % 4)));
            db.Tenants.Add(tenant);
            db.OnboardingSessions.Add(session);
        }

        await db.SaveChangesAsync();
    }

    private static async Task<double> TimeToInteractiveAsync(string path, Func<Task<IBrowserContext>> context, string baseUrl, bool interactive)
    {
        var times = new List<double>();
        for (var run = 0; run < 6; run++)
        {
            var page = await (await context()).NewPageAsync();
            var watch = Stopwatch.StartNew();
            await page.GotoAsync(baseUrl + path);
            if (interactive)
            {
                await page.Locator("main[data-interactive]").WaitForAsync();
            }

            times.Add(watch.Elapsed.TotalSeconds);
            await page.CloseAsync();
        }

        var warm = times.Skip(1).Order().ElementAt(2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path,-24} {times[0],8:0.000} {warm,22:0.000}"));
        return warm;
    }

    private static async Task MemoryPerCircuitAsync(string path, IBrowserContext context, string baseUrl, Process server, int maxPages)
    {
        var pages = new List<IPage>();
        var samples = new List<(int Pages, double Kb)>();
        foreach (var target in new[] { 10, 25, 50, 75, 100 }.Where(t => t <= maxPages))
        {
            while (pages.Count < target)
            {
                var page = await context.NewPageAsync();
                await page.GotoAsync(baseUrl + path);
                await page.Locator("main[data-interactive]").WaitForAsync();
                pages.Add(page);
            }

            samples.Add((target, await ManagedHeapKbAsync(server)));
        }

        // Least-squares slope of resident memory against live pages.
        var meanX = samples.Average(s => s.Pages);
        var meanY = samples.Average(s => s.Kb);
        var slope = samples.Sum(s => (s.Pages - meanX) * (s.Kb - meanY)) / samples.Sum(s => (s.Pages - meanX) * (s.Pages - meanX));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{path,-24} {samples[^1].Pages,6} {samples[0].Kb / 1024,14:0.0} {samples[^1].Kb / 1024,8:0.0} {slope,15:0}"));
    }

    private static async Task<IBrowserContext> SignedInContextAsync(IBrowser browser, string baseUrl, string typed, string temporary, string chosen)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(baseUrl + "/account/login");
        await page.FillAsync("#identifier", typed);
        await page.FillAsync("#password", temporary);
        await page.ClickAsync("main button[type=submit]");
        await page.FillAsync("#current", temporary);
        await page.FillAsync("#new", chosen);
        await page.FillAsync("#confirm", chosen);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
        await page.CloseAsync();
        return context;
    }

    /// <summary>
    /// The server's live managed heap, after a full blocking collection that the runtime performs when a diagnostics
    /// session asks for the GC heap (the way dotnet-gcdump does): what circuits keep, without garbage.
    /// </summary>
    private static async Task<double> ManagedHeapKbAsync(Process server)
    {
        var client = new DiagnosticsClient(server.Id);
        var keywords = (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect);
        using var session = client.StartEventPipeSession(new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, keywords), requestRundown: false);
        using var source = new EventPipeEventSource(session.EventStream);
        var heap = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
        source.Clr.GCHeapStats += stats => heap.TrySetResult(
            (stats.GenerationSize0 + stats.GenerationSize1 + stats.GenerationSize2 + stats.GenerationSize3 + stats.GenerationSize4) / 1024.0);
        var reading = Task.Run(source.Process);
        var kb = await heap.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await session.StopAsync(CancellationToken.None);
        await reading;
        return kb;
    }

    private static Process Start(string webDll, string baseUrl, string data, ConcurrentDictionary<string, string> passwords)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(webDll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { webDll, "--demo", "--urls", baseUrl })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__SqlitePath"] = Path.Combine(data, "portal.db");
        start.Environment["Portal__Storage__Path"] = Path.Combine(data, "files");
        start.Environment["Portal__SignIn__RateLimitPerMinute"] = "1000";
        start.Environment["Portal__Bootstrap__AdminEmail"] = "admin@portal.local";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start Portal.Web");
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null && Login().Match(e.Data) is { Success: true } match)
            {
                passwords[match.Groups["id"].Value] = match.Groups["password"].Value;
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitHealthyAsync(string baseUrl, ConcurrentDictionary<string, string> passwords)
    {
        using var http = new HttpClient();
        for (var attempt = 0; attempt < 240; attempt++)
        {
            try
            {
                if ((await http.GetAsync(baseUrl + "/health")).StatusCode == HttpStatusCode.OK && passwords.Count >= 5)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        throw new InvalidOperationException("Portal.Web did not become healthy.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Portal.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Portal.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"identifiant:\s+(?<id>\S+)\s+mot de passe:\s+(?<password>\S+)")]
    private static partial Regex Login();
}

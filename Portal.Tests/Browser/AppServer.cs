using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Tests.Support;

namespace Portal.Tests.Browser;

/// <summary>
/// The real app, started as its own process on a loopback port with a fresh SQLite file and the demo
/// accounts, plus Debian's Chromium driven by Playwright. Logins are read from what the app prints.
/// </summary>
public partial class AppServer : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, string> passwords = new(StringComparer.Ordinal);
    private readonly string dataFile = Path.Combine(Path.GetTempPath(), "portal-browser", Guid.NewGuid().ToString("N") + ".db");
    private readonly List<IBrowserContext> contexts = [];
    private Process? process;

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>The server's SQLite file.</summary>
    public string DataFile => dataFile;

    public IBrowser Browser { get; private set; } = default!;

    protected virtual int SignInAttemptsPerMinute => 1000;

    /// <summary>Content-Security-Policy violations the browser reported on any page of this server.</summary>
    public ConcurrentBag<string> CspViolations { get; } = [];

    public string PasswordOf(string identifier) => passwords[identifier];

    public void PasswordChanged(string identifier, string password) => passwords[identifier] = password;

    public async Task InitializeAsync()
    {
        if (!TestEnvironment.RunBrowser)
        {
            return;
        }

        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var webDll = Path.Combine(TestEnvironment.RepositoryRoot, "Portal.Web", "bin", Configuration, "net10.0", "Portal.Web.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(webDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { webDll, "--demo", "--urls", BaseUrl })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Portal__Bootstrap__AdminEmail"] = "admin@portal.local";
        start.Environment["Portal__Sessions__RevalidateSeconds"] = "2";
        start.Environment["Database__SqlitePath"] = dataFile;
        start.Environment["Portal__Storage__Path"] = dataFile + ".files";
        start.Environment["Portal__SignIn__RateLimitPerMinute"] = SignInAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var output = new ConcurrentQueue<string>();
        process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start Portal.Web");
        process.OutputDataReceived += (_, e) => Collect(e.Data, output);
        process.ErrorDataReceived += (_, e) => Collect(e.Data, output);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient();
        var ready = false;
        for (var attempt = 0; attempt < 240 && !ready && !process.HasExited; attempt++)
        {
            try
            {
                ready = (await http.GetAsync(BaseUrl + "/health")).StatusCode == HttpStatusCode.OK && passwords.Count >= 5;
            }
            catch (HttpRequestException)
            {
            }

            if (!ready)
            {
                await Task.Delay(250);
            }
        }

        if (!ready)
        {
            throw new InvalidOperationException("Portal.Web did not become healthy:\n" + string.Join('\n', output));
        }

        Browser = await SharedBrowser.Value;
    }

    // One Chromium for the whole run (each test opens its own context, so nothing leaks between tests); it ends with the test process.
    private static readonly Lazy<Task<IBrowser>> SharedBrowser = new(async () =>
    {
        var playwright = await Playwright.CreateAsync();
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestEnvironment.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    });

    /// <summary>A page in a fresh browser profile; <paramref name="colorScheme"/> is the system theme the browser reports.</summary>
    public async Task<IPage> NewPageAsync(int width, int height = 900, ColorScheme colorScheme = ColorScheme.Light)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "fr-FR",
            ColorScheme = colorScheme,
        });
        contexts.Add(context);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                CspViolations.Add($"{page.Url}: {message.Text}");
            }
        };
        return page;
    }

    public async Task SignInAsync(IPage page, string identifier, string password)
    {
        await page.GotoAsync(BaseUrl + "/account/login");
        await page.FillAsync("#identifier", identifier);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    public async Task ChangePasswordAsync(IPage page, string current, string next)
    {
        await page.FillAsync("#current", current);
        await page.FillAsync("#new", next);
        await page.FillAsync("#confirm", next);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>Picks an option, by its text, of the select a person finds by its label.</summary>
    public static async Task ChooseAsync(IPage page, string label, string option) =>
        await page.GetByRole(AriaRole.Combobox, new() { Name = label, Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = option });

    /// <summary>Picks a theme in the top bar's theme choices ("Clair", "Sombre", "Comme l'appareil").</summary>
    public static async Task ChooseThemeAsync(IPage page, string name)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Thème d'affichage" }).ClickAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Thème d'affichage" }).GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).ClickAsync();
    }

    /// <summary>
    /// Waits for the sign-in form after a sign-out. The page's circuit may learn of the ended session before the browser
    /// follows the sign-out's redirect, and leave itself with a returnUrl: either way the person is on the sign-in form.
    /// </summary>
    public static Task WaitForSignInPageAsync(IPage page) => page.WaitForURLAsync(SignInPage());

    /// <summary>Waits until the back-office page is interactive (its circuit is connected).</summary>
    public static Task WaitInteractiveAsync(IPage page) => page.Locator("main[data-interactive]").WaitForAsync();

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsDirectory, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        foreach (var context in contexts)
        {
            await context.DisposeAsync();
        }

        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        File.Delete(dataFile);
    }

    private void Collect(string? line, ConcurrentQueue<string> output)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        var match = LoginLine().Match(line);
        if (match.Success)
        {
            passwords[match.Groups["id"].Value] = match.Groups["password"].Value;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [GeneratedRegex(@"/account/login(\?returnUrl=[^&]*)?$")]
    private static partial Regex SignInPage();

    [GeneratedRegex(@"identifiant:\s+(?<id>\S+)\s+mot de passe:\s+(?<password>\S+)")]
    private static partial Regex LoginLine();
}

/// <summary>The same app with the production sign-in rate limit (5 posts a minute per address).</summary>
public sealed class RateLimitedAppServer : AppServer
{
    protected override int SignInAttemptsPerMinute => 5;
}

[CollectionDefinition("browser", DisableParallelization = true)]
public sealed class BrowserCollection;

using Microsoft.Playwright;
using Portal.Tests.Support;

namespace Portal.Tests.Browser;

[Collection("browser")]
public class ClientShellTests(AppServer app) : IClassFixture<AppServer>
{
    [BrowserFact]
    public async Task A_tenant_user_signs_in_with_a_local_phone_number_and_lands_on_the_client_dashboard_at_390px()
    {
        var page = await app.NewPageAsync(390, 844);
        var temporary = app.PasswordOf("+221771234567");

        await app.SignInAsync(page, "77 123 45 67", temporary);
        Assert.EndsWith("/account/change-password", page.Url, StringComparison.Ordinal);
        await app.ChangePasswordAsync(page, temporary, "Ndiaye2026x");
        app.PasswordChanged("+221771234567", "Ndiaye2026x");

        Assert.EndsWith("/app", page.Url, StringComparison.Ordinal);
        // The demo company's two years of sales: KPIs, the trend chart, tops and sites on the first start.
        await page.GetByRole(AriaRole.Heading, new() { Name = "Vue d'ensemble" }).WaitForAsync();
        await page.GetByRole(AriaRole.Img, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Chiffre d'affaires par jour") }).WaitForAsync();
        await page.Locator(".rank-name", new() { HasText = "Boutique Plateau" }).WaitForAsync();
        await page.Locator(".rank-name", new() { HasText = "Dépôt Pikine" }).WaitForAsync();
        Assert.Matches(@"^\d[\d\s\u202F]* FCFA$", (await page.Locator(".dash-kpi-value").First.InnerTextAsync()).Replace('\u00A0', ' '));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "horizontal scrolling at 390 px");
        await AppServer.ScreenshotAsync(page, "client-390-light");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "client overview, light");

        // Stock: out-of-stock products from the overview's card, as a card list on the phone.
        await page.Locator("a.dash-kpi-link[href='app/stock?status=rupture']").ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Stock" }).WaitForAsync();
        await page.Locator(".stock-outofstock").First.WaitForAsync();
        Assert.Equal(await page.Locator("tbody tr").CountAsync(), await page.Locator("tbody .stock-outofstock").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "horizontal scrolling on the stock page");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "client stock, light");

        // The filtered list as CSV for French Excel: BOM, ";" and only out-of-stock rows.
        await AppServer.WaitInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Rupture") }).ClickAsync();
        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "CSV", Exact = true }).ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await csv.PathAsync())!);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Code;Produit;", lines[0], StringComparison.Ordinal);
        Assert.True(lines.Length > 1);
        Assert.All(lines.Skip(1), l => Assert.Contains(";Rupture;", l, StringComparison.Ordinal));

        await page.GotoAsync(app.BaseUrl + "/app/forecasts");
        await page.GetByText("Chiffre d'affaires attendu (30 jours)").WaitForAsync();
        await page.Locator("tbody tr").First.WaitForAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "horizontal scrolling on the forecasts page");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "client forecasts, light");

        // Staff pages are not for tenant users.
        await page.GotoAsync(app.BaseUrl + "/admin");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Accès refusé" }).WaitForAsync();

        await page.GotoAsync(app.BaseUrl + "/app");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await AppServer.WaitInteractiveAsync(page);
        await AppServer.ChooseThemeAsync(page, "Sombre");
        await page.WaitForSelectorAsync("body.portal-dark");
        await page.ReloadAsync(new() { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "horizontal scrolling at 390 px, dark");
        await AppServer.ScreenshotAsync(page, "client-390-dark");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "client shell, dark");
    }

    [BrowserFact]
    public async Task The_owner_downloads_the_monthly_pdf_report_at_1440px()
    {
        var page = await app.NewPageAsync(1440);
        var identifier = "awa.diop@demo.sn";
        await app.SignInAsync(page, identifier, app.PasswordOf(identifier));
        if (page.Url.EndsWith("/account/change-password", StringComparison.Ordinal))
        {
            await app.ChangePasswordAsync(page, app.PasswordOf(identifier), "DiopAwa2026x");
            app.PasswordChanged(identifier, "DiopAwa2026x");
        }

        await page.GotoAsync(app.BaseUrl + "/app/reports", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.GetByRole(AriaRole.Heading, new() { Name = "Rapports" }).WaitForAsync();
        var pdf = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "PDF" }).First.ClickAsync());
        Assert.Matches(@"^rapport-\d{4}-\d{2}\.pdf$", pdf.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await pdf.PathAsync())!);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Contains(Portal.Tests.Dashboard.Documents.PdfTextReader.Pages(bytes), p => p.Contains("Démo Commerce SARL", StringComparison.Ordinal));
        await Accessibility.AssertNoSeriousViolationsAsync(page, "client reports, light");
    }

    [BrowserFact]
    public async Task The_key_ring_in_the_database_is_encrypted_and_the_data_file_is_private()
    {
        // The server signed people in (other tests of this class), so its key ring exists.
        var page = await app.NewPageAsync(390, 844);
        await page.GotoAsync(app.BaseUrl + "/account/login");

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={app.DataFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Xml FROM DataProtectionKeys";
        var keys = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                keys.Add(reader.GetString(0));
            }
        }

        Assert.NotEmpty(keys);
        Assert.All(keys, xml => Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal));
        Assert.DoesNotContain(keys, xml => xml.Contains("<masterKey", StringComparison.Ordinal) && !xml.Contains("encryptedSecret", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(app.DataFile));
        }
    }

    [BrowserFact]
    public async Task Unknown_addresses_get_a_friendly_French_404()
    {
        var page = await app.NewPageAsync(390, 844);
        var response = await page.GotoAsync(app.BaseUrl + "/cette-page-n-existe-pas");
        Assert.Equal(404, response!.Status);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Page introuvable" }).WaitForAsync();
    }

    [BrowserFact]
    public async Task The_error_page_shows_a_reference_and_no_technical_detail()
    {
        var page = await app.NewPageAsync(390, 844);
        await page.GotoAsync(app.BaseUrl + "/error");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Une erreur est survenue" }).WaitForAsync();
        Assert.Matches("^[0-9a-f]{32}$", await page.TextContentAsync("#correlation-id"));
        Assert.DoesNotContain("Exception", await page.ContentAsync(), StringComparison.Ordinal);
    }
}

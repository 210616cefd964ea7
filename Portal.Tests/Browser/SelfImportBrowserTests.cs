using System.Globalization;
using Microsoft.Playwright;
using Portal.Tests.Onboarding;
using Portal.Tests.Support;

namespace Portal.Tests.Browser;

[Collection("browser")]
public class SelfImportBrowserTests(AppServer app) : IClassFixture<AppServer>
{
    [BrowserFact]
    public async Task The_demo_manager_imports_a_new_product_and_a_new_price_and_sees_the_duplicate_skipped_at_390px()
    {
        // One of the demo's stored sales at the main site, sent again, and its product given a new price.
        var (date, code, name, quantity, unitPrice, productPrice) = await LatestMainSiteSaleAsync();
        var page = await app.NewPageAsync(390, 844);
        var temporary = app.PasswordOf("+221771234567");
        await app.SignInAsync(page, "77 123 45 67", temporary);
        await app.ChangePasswordAsync(page, temporary, "Import2026x");
        app.PasswordChanged("+221771234567", "Import2026x");

        // The menu offers the page to a manager (the drawer stays open over the page after a tap, so go by address).
        await page.GetByRole(AriaRole.Button, new() { Name = "Ouvrir le menu" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Importer des données" }).WaitForAsync();
        await page.GotoAsync(app.BaseUrl + "/app/import");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Importer des données" }).WaitForAsync();
        await AppServer.WaitInteractiveAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-template"));
        var template = await File.ReadAllBytesAsync((await download.PathAsync())!);
        var filled = Path.Combine(TestEnvironment.ArtifactsDirectory, "self-import-filled.xlsx");
        await File.WriteAllBytesAsync(filled, Workbooks.Fill(template,
            [
                ["NOUV-001", "Bissap séché 500 g", "Boissons", 1500, 1000, 20, 5],
                [code, name, null, productPrice + 100, null, null, null],
            ],
            [
                [Workbooks.Today.AddDays(-1), "NOUV-001", 2, 1500],
                [date, code, quantity, unitPrice],
            ]));

        await page.SetInputFilesAsync("#import-file", filled);
        await page.Locator("#upload-info").WaitForAsync();
        await page.ClickAsync("#test-import");
        await page.Locator("#import-result", new() { HasText = "Test réussi" }).WaitForAsync(new() { Timeout = 60_000 });
        Assert.Equal(["1", "1", "1", "1"], await page.Locator("#import-summary dd").AllInnerTextsAsync());
        await page.GetByText("Doublons à ignorer").WaitForAsync();

        await page.ClickAsync("#run-import");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Importer" }).ClickAsync();
        await page.Locator("#import-result", new() { HasText = "Import terminé" }).WaitForAsync(new() { Timeout = 60_000 });
        Assert.Equal(["Produits créés", "Produits mis à jour", "Ventes ajoutées", "Doublons ignorés"], await page.Locator("#import-summary dt").AllInnerTextsAsync());
        Assert.Equal(["1", "1", "1", "1"], await page.Locator("#import-summary dd").AllInnerTextsAsync());
        Assert.Contains(code, await page.Locator(".duplicates-table tbody").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "horizontal scrolling at 390 px");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.mud-snackbar').length === 0", null, new() { Timeout = 20_000 });
        await AppServer.ScreenshotAsync(page, "self-import-390");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "self-service import, 390 px");

        // The new price and the new product are in the stock grid.
        await page.GotoAsync(app.BaseUrl + "/app/stock");
        await AppServer.WaitInteractiveAsync(page);
        await page.GetByLabel("Rechercher un produit").FillAsync("Bissap séché");
        await page.Locator("tbody tr", new() { HasText = "Bissap séché 500 g" }).WaitForAsync();

        // Opened again, wide: the last run's summary is still there.
        var wide = await app.NewPageAsync(1440, 900);
        await app.SignInAsync(wide, "77 123 45 67", "Import2026x");
        await wide.GotoAsync(app.BaseUrl + "/app/import");
        await wide.Locator("#import-summary").WaitForAsync();
        await AppServer.ScreenshotAsync(wide, "self-import-1440");
        await Accessibility.AssertNoSeriousViolationsAsync(wide, "self-service import, 1440 px");
    }

    private async Task<(DateOnly Date, string Code, string Name, int Quantity, long UnitPrice, long ProductPrice)> LatestMainSiteSaleAsync()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={app.DataFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText =
            """
            SELECT s."Date", p."Code", p."Name", s."Quantity", s."UnitPrice", p."UnitPrice"
            FROM "Sales" s JOIN "Products" p ON p."Id" = s."ProductId" JOIN "Sites" t ON t."Id" = s."SiteId"
            WHERE t."Type" = 'Main' ORDER BY s."Date" DESC, s."Id" DESC LIMIT 1
            """;
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (DateOnly.ParseExact(reader.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt64(4), reader.GetInt64(5));
    }
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Tests.Support;

namespace Portal.Tests.Browser;

[Collection("browser")]
public partial class SalesBrowserTests(AppServer app) : IClassFixture<AppServer>
{
    [BrowserFact]
    public async Task The_demo_manager_filters_the_sales_by_category_on_a_phone_and_opens_a_products_history()
    {
        var phone = await app.NewPageAsync(390, 844);
        var temporary = app.PasswordOf("+221771234567");
        await app.SignInAsync(phone, "77 123 45 67", temporary);
        await app.ChangePasswordAsync(phone, temporary, "Ventes2026x");
        app.PasswordChanged("+221771234567", "Ventes2026x");

        // The navigation lists the page right after the overview.
        Assert.Equal(["Vue d'ensemble", "Ventes", "Stock"], (await phone.Locator("#client-nav .mud-nav-link-text").AllTextContentsAsync()).Select(t => t.Trim()).Take(3));
        await phone.GotoAsync(app.BaseUrl + "/app/sales");
        await AppServer.WaitInteractiveAsync(phone);
        var rows = phone.Locator(".sales-grid tbody tr");
        await rows.First.Locator(".sale-product a").WaitForAsync();
        var revenue = await Kpi(phone, "Chiffre d'affaires");
        Assert.Matches(CurrencyAmount(), revenue);
        Assert.Equal(1, await phone.GetByText("Marge brute", new() { Exact = true }).CountAsync());

        // Phone width: no header row, each line a card whose cells say what they are.
        Assert.False(await phone.Locator(".sales-grid thead").IsVisibleAsync());
        Assert.Equal("grid", await rows.First.EvaluateAsync<string>("tr => getComputedStyle(tr).display"));
        Assert.Equal("Montant", await rows.First.Locator("td.sale-total").GetAttributeAsync("data-label"));
        Assert.Equal(20, await rows.CountAsync());

        await AppServer.ChooseAsync(phone, "Catégorie", "Boissons");
        await phone.WaitForURLAsync(new Regex("categorie=Boissons"));
        await phone.WaitForFunctionAsync("() => [...document.querySelectorAll('.sales-grid tbody .sale-product .cell-sub')].every(c => c.textContent.endsWith('Boissons'))");
        Assert.NotEqual(revenue, await Kpi(phone, "Chiffre d'affaires"));
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "horizontal scrolling at 390 px");
        // The filtered lines as CSV for French Excel: BOM, ";" and only Boissons, as many as the totals count.
        var csv = await phone.RunAndWaitForDownloadAsync(() => phone.GetByRole(AriaRole.Link, new() { Name = "CSV", Exact = true }).ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await csv.PathAsync())!);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Date;Site;Code;Produit;Catégorie;Quantité;", lines[0], StringComparison.Ordinal);
        Assert.Equal(Amount(await Kpi(phone, "Lignes de vente")), lines.Length - 1);
        Assert.All(lines.Skip(1), l => Assert.Contains(";Boissons;", l, StringComparison.Ordinal));
        // A mistyped link is refused in French before anything is written.
        var refused = await phone.APIRequest.GetAsync(app.BaseUrl + "/app/downloads/sales.csv?from=hier&to=2026-11-30");
        Assert.Equal((400, "application/problem+json"), (refused.Status, refused.Headers["content-type"]));
        Assert.Contains("n'est pas une date au format AAAA-MM-JJ", await refused.TextAsync(), StringComparison.Ordinal);
        await AppServer.ScreenshotAsync(phone, "sales-390");
        await Accessibility.AssertNoSeriousViolationsAsync(phone, "sales, 390 px");

        // A product's history: key figures and two charts; back to its own lines.
        var name = await rows.First.Locator(".sale-product a").InnerTextAsync();
        await rows.First.Locator(".sale-product a").ClickAsync();
        await phone.WaitForURLAsync(new Regex("/app/sales/product/[0-9a-f-]{36}"));
        await phone.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 }).WaitForAsync();
        Assert.Equal(2, await phone.Locator("figure.bar-chart").CountAsync());
        Assert.Matches(CurrencyAmount(), await Kpi(phone, "Chiffre d'affaires"));
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "horizontal scrolling at 390 px, product");
        await AppServer.ScreenshotAsync(phone, "sales-product-390");
        await Accessibility.AssertNoSeriousViolationsAsync(phone, "product history, 390 px");

        await phone.ClickAsync("#product-lines");
        await phone.WaitForURLAsync(new Regex("produit="));
        await phone.Locator(".sales-product-filter").GetByText(name).WaitForAsync();
        await phone.WaitForFunctionAsync($"() => [...document.querySelectorAll('.sales-grid tbody .sale-product a')].every(a => a.textContent === {System.Text.Json.JsonSerializer.Serialize(name)})");

        // Nothing matches: the grid says so and offers to start again.
        await phone.FillAsync("#sales-min", "999999999");
        await phone.PressAsync("#sales-min", "Enter");
        await phone.GetByText("Aucune vente ne correspond à ces filtres.").WaitForAsync();
        Assert.Equal("0", await Kpi(phone, "Lignes de vente"));
        await AppServer.ScreenshotAsync(phone, "sales-empty-390");
        await phone.ClickAsync("#reset-filters");
        await phone.WaitForURLAsync(new Regex("/app/sales$"));
        await rows.Nth(19).WaitForAsync();

        // On a phone the menu lies over the page: tapping a link takes there and closes it.
        var menu = phone.Locator(".client-menu-button");
        Assert.Equal("false", await menu.GetAttributeAsync("aria-expanded"));
        await menu.ClickAsync();
        await phone.Locator("#client-nav").GetByText("Stock", new() { Exact = true }).ClickAsync();
        await phone.WaitForURLAsync(new Regex("/app/stock$"));
        await phone.Locator(".client-menu-button[aria-expanded=false]").WaitForAsync();
        await phone.Locator(".client-drawer.mud-drawer--closed").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        // Desktop: a table with sortable headers.
        var desktop = await app.NewPageAsync(1440);
        await app.SignInAsync(desktop, "77 123 45 67", "Ventes2026x");
        await desktop.GotoAsync(app.BaseUrl + "/app/sales");
        await AppServer.WaitInteractiveAsync(desktop);
        await desktop.Locator(".client-drawer.mud-drawer--open").WaitForAsync(); // wide enough: the menu stays open beside the page
        await desktop.Locator(".sales-grid tbody tr").Nth(19).WaitForAsync();
        await desktop.GetByRole(AriaRole.Button, new() { Name = "Montant" }).ClickAsync();
        await desktop.Locator(".sales-grid th[aria-sort=descending]").GetByText("Montant").WaitForAsync();
        var amounts = await desktop.Locator(".sales-grid tbody td.sale-total").AllInnerTextsAsync();
        Assert.Equal(amounts.Select(Amount).OrderDescending(), amounts.Select(Amount));
        await AppServer.ScreenshotAsync(desktop, "sales-1440");
        await Accessibility.AssertNoSeriousViolationsAsync(desktop, "sales, 1440 px");
        await desktop.Locator(".sales-grid tbody .sale-product a").First.ClickAsync();
        await desktop.Locator("figure.bar-chart").Nth(1).WaitForAsync();
        await AppServer.ScreenshotAsync(desktop, "sales-product-1440");
    }

    private static async Task<string> Kpi(IPage page, string label) =>
        (await page.Locator(".dash-kpi", new() { Has = page.GetByText(label, new() { Exact = true }) }).Locator(".dash-kpi-value").InnerTextAsync()).Trim();

    private static long Amount(string text) => long.Parse(Regex.Replace(text, "[^0-9]", string.Empty), System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d[\d\s\u202f\u00a0]*FCFA$")]
    private static partial Regex CurrencyAmount();
}

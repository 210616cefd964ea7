using Microsoft.Playwright;
using Portal.Tests.Support;

namespace Portal.Tests.Browser;

[Collection("browser")]
public class AlertsBrowserTests(AppServer app) : IClassFixture<AppServer>
{
    [BrowserFact]
    public async Task The_demo_manager_switches_an_alert_on_at_390px_and_finds_it_saved_after_a_reload()
    {
        var page = await app.NewPageAsync(390, 844);
        var temporary = app.PasswordOf("+221771234567");
        await app.SignInAsync(page, "77 123 45 67", temporary);
        await app.ChangePasswordAsync(page, temporary, "Alertes2026x");
        app.PasswordChanged("+221771234567", "Alertes2026x");

        await page.GotoAsync(app.BaseUrl + "/app/alerts");
        await AppServer.WaitInteractiveAsync(page);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Alertes", Exact = true }).WaitForAsync();
        var reorder = page.GetByLabel("Stock sous le seuil d'alerte", new() { Exact = true });
        Assert.False(await reorder.IsCheckedAsync());
        await page.GetByText("Aucune alerte : activez une règle ci-dessus pour être prévenu.").WaitForAsync();

        // Switch the reorder-point alert on, tune the stock-out one, save.
        await page.GetByText("Stock sous le seuil d'alerte", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("Rupture dans (jours)").FillAsync("10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await page.GetByText("Alertes enregistrées").WaitForAsync();

        // The save re-runs the company's insights and alerts: the firings arrive without a reload.
        await page.Locator(".alerts-grid tbody tr", new() { HasText = "Stock sous le seuil d'alerte" }).First.WaitForAsync(new() { Timeout = 60_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "horizontal scrolling on the alerts page");
        await page.GetByText("Alertes enregistrées").WaitForAsync(new() { State = WaitForSelectorState.Hidden, Timeout = 15_000 });
        await AppServer.ScreenshotAsync(page, "alerts-390");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "alerts, 390 px");

        await page.ReloadAsync(new() { WaitUntil = WaitUntilState.NetworkIdle });
        await AppServer.WaitInteractiveAsync(page);
        Assert.True(await page.GetByLabel("Stock sous le seuil d'alerte", new() { Exact = true }).IsCheckedAsync());
        Assert.Equal("10", await page.GetByLabel("Rupture dans (jours)").InputValueAsync());
        Assert.False(await page.GetByLabel("Rupture prévue", new() { Exact = true }).IsCheckedAsync());

        // A product's link opens the stock page on that product.
        var firstProduct = page.Locator(".alerts-grid tbody tr td[data-label='Produit'] a").First;
        var name = await firstProduct.InnerTextAsync();
        await firstProduct.ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Stock" }).WaitForAsync();
        await page.Locator("tbody tr", new() { HasText = name }).First.WaitForAsync();

        await page.SetViewportSizeAsync(1440, 900);
        await page.GotoAsync(app.BaseUrl + "/app/alerts");
        await AppServer.WaitInteractiveAsync(page);
        await page.Locator(".alerts-grid tbody tr").First.WaitForAsync();
        await AppServer.ScreenshotAsync(page, "alerts-1440");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "alerts, 1440 px");
    }
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Tests.Support;
using Portal.Web.Components.Theme;

namespace Portal.Tests.Browser;

/// <summary>
/// The page gallery: every page at phone and desktop width, light and dark, saved as artifacts/gallery/{page}-{width}-{theme}.png
/// (git-ignored) for people to look at, and checked with axe in both themes.
/// </summary>
[Collection("browser")]
public partial class PageGalleryTests(AppServer app) : IClassFixture<AppServer>
{
    [BrowserFact]
    public async Task Every_page_is_photographed_at_390_and_1440_px_in_both_themes_and_passes_axe()
    {
        var admin = await SignInAsync("admin@portal.local", "Galerie2026x");
        var client = await SignInAsync("+221771234567", "Galerie2026y", "77 123 45 67");
        var visitor = await app.NewPageAsync(1440);

        // A company half-way through its onboarding, so the wizard's users step has a page of its own.
        await admin.GotoAsync(app.BaseUrl + "/admin/onboarding/new");
        await AppServer.WaitInteractiveAsync(admin);
        await admin.FillAsync("#company-name", "Galerie Commerce");
        await admin.FillAsync("#site-name", "Boutique Médina");
        await admin.FillAsync("#site-address", "Rue 11, Médina, Dakar");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Créer l'entreprise" }).ClickAsync();
        await admin.WaitForURLAsync(SessionUrl());
        var usersStep = new Uri(admin.Url).AbsolutePath;

        // The first product of the sales grid, for its history page.
        await client.GotoAsync(app.BaseUrl + "/app/sales");
        await AppServer.WaitInteractiveAsync(client);
        var productHistory = "/" + await client.Locator(".sales-grid .sale-product a").First.GetAttributeAsync("href");

        var pages = new (string Name, IPage Page, string Path, bool Interactive)[]
        {
            ("sign-in", visitor, "/account/login", false),
            ("not-found", visitor, "/page-inconnue", false),
            ("error", visitor, "/error", false),
            ("admin-home", admin, "/admin", true),
            ("onboarding-list", admin, "/admin/onboarding", true),
            ("onboarding-new", admin, "/admin/onboarding/new", true),
            ("onboarding-users", admin, usersStep, true),
            ("messages", admin, "/admin/messages", true),
            ("admin-notifications", admin, "/admin/notifications", true),
            ("admin-preferences", admin, "/admin/profile/notifications", true),
            ("client-home", client, "/app", true),
            ("client-sales", client, "/app/sales", true),
            ("client-product-sales", client, productHistory, true),
            ("client-stock", client, "/app/stock", true),
            ("client-forecasts", client, "/app/forecasts", true),
            ("client-reports", client, "/app/reports", true),
            ("client-alerts", client, "/app/alerts", true),
            ("client-notifications", client, "/app/notifications", true),
            ("client-preferences", client, "/app/profile/notifications", true),
            ("access-denied", client, "/admin", false),
        };
        var directory = Path.Combine(TestEnvironment.RepositoryRoot, "artifacts", "gallery");
        Directory.CreateDirectory(directory);
        foreach (var theme in new[] { ThemePreference.Light, ThemePreference.Dark })
        {
            foreach (var page in pages.Select(p => p.Page).Distinct())
            {
                await page.Context.AddCookiesAsync([new Cookie { Name = ThemePreference.Cookie, Value = theme, Url = app.BaseUrl }]);
            }

            foreach (var width in new[] { 1440, 390 })
            {
                foreach (var (name, page, path, interactive) in pages)
                {
                    await page.SetViewportSizeAsync(width, width == 390 ? 844 : 900);
                    await page.GotoAsync(app.BaseUrl + path, new() { WaitUntil = WaitUntilState.NetworkIdle });
                    if (interactive)
                    {
                        await AppServer.WaitInteractiveAsync(page);
                    }

                    Assert.Equal(theme == ThemePreference.Dark, (await page.GetAttributeAsync("body", "class") ?? string.Empty).Contains(PortalTheme.DarkClass, StringComparison.Ordinal));
                    Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{name} scrolls sideways at {width} px");
                    await page.ScreenshotAsync(new() { Path = Path.Combine(directory, $"{name}-{width}-{theme}.png"), FullPage = true });
                    if (width == 1440)
                    {
                        await Accessibility.AssertNoSeriousViolationsAsync(page, $"{name}, {theme}");
                    }
                }
            }
        }
    }

    private async Task<IPage> SignInAsync(string identifier, string password, string? typed = null)
    {
        var page = await app.NewPageAsync(1440);
        await app.SignInAsync(page, typed ?? identifier, app.PasswordOf(identifier));
        await app.ChangePasswordAsync(page, app.PasswordOf(identifier), password);
        app.PasswordChanged(identifier, password);
        return page;
    }

    [GeneratedRegex(@"/admin/onboarding/[0-9a-f-]{36}$")]
    private static partial Regex SessionUrl();
}

using Microsoft.Playwright;
using Portal.Tests.Support;

namespace Portal.Tests.Browser;

[Collection("browser")]
public class AdminShellTests(AppServer app) : IClassFixture<AppServer>
{
    [BrowserFact]
    public async Task Bootstrap_admin_is_forced_to_change_password_then_reaches_the_back_office()
    {
        var page = await app.NewPageAsync(1440);
        const string admin = "admin@portal.local";
        var temporary = app.PasswordOf(admin);

        await app.SignInAsync(page, admin, temporary);
        Assert.EndsWith("/account/change-password", page.Url, StringComparison.Ordinal);

        // Any other page leads back to the change-password page until it is done.
        await page.GotoAsync(app.BaseUrl + "/admin");
        Assert.EndsWith("/account/change-password", page.Url, StringComparison.Ordinal);

        await app.ChangePasswordAsync(page, temporary, temporary);
        Assert.Contains("différent de l'ancien", await page.TextContentAsync("#change-password-errors"), StringComparison.Ordinal);

        await app.ChangePasswordAsync(page, temporary, "Teranga2026");
        app.PasswordChanged(admin, "Teranga2026");
        Assert.EndsWith("/admin", page.Url, StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Tableau de bord" }).WaitForAsync();
        await page.GetByText("Changement de mot de passe").First.WaitForAsync();
        await page.GetByText("Connexion", new() { Exact = true }).First.WaitForAsync();
        Assert.Equal("Admin Plateforme", await page.TextContentAsync(".user-name"));
        await AppServer.ScreenshotAsync(page, "admin-1440-light");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "admin shell, light");

        // The theme toggle is remembered: reload the page, then sign in again in a fresh browser.
        await AppServer.ChooseThemeAsync(page, "Sombre");
        await page.WaitForSelectorAsync("body.portal-dark");
        await page.ReloadAsync(new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.WaitForSelectorAsync("body.portal-dark[data-theme=dark]");
        await AppServer.WaitInteractiveAsync(page);
        await AppServer.ScreenshotAsync(page, "admin-1440-dark");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "admin shell, dark");

        var fresh = await app.NewPageAsync(1440);
        await app.SignInAsync(fresh, admin, "Teranga2026");
        Assert.EndsWith("/admin", fresh.Url, StringComparison.Ordinal);
        Assert.Equal("dark", await fresh.GetAttributeAsync("body", "data-theme"));
        Assert.Contains("portal-dark", await fresh.GetAttributeAsync("body", "class"), StringComparison.Ordinal);

        await fresh.ClickAsync("button.portal-signout");
        await AppServer.WaitForSignInPageAsync(fresh);
        await fresh.GotoAsync(app.BaseUrl + "/admin");
        Assert.Contains("/account/login", fresh.Url, StringComparison.Ordinal);
    }
}

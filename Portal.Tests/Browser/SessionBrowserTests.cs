using Microsoft.Playwright;
using Portal.Tests.Support;

namespace Portal.Tests.Browser;

[Collection("browser")]
public class SessionBrowserTests(AppServer app) : IClassFixture<AppServer>
{
    [BrowserFact]
    public async Task A_cookie_saved_before_sign_out_opens_nothing_after_it()
    {
        var page = await app.NewPageAsync(390, 844);
        await SignInAsync(page, "awa.diop@demo.sn", "Diop2026xyz");
        var saved = await page.Context.CookiesAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await AppServer.WaitForSignInPageAsync(page);

        // Someone who copied the cookie before the sign-out replays it in another browser.
        var replay = await app.NewPageAsync(390, 844);
        await replay.Context.AddCookiesAsync(saved.Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path }));
        await replay.GotoAsync(app.BaseUrl + "/app");
        Assert.Contains("/account/login", replay.Url, StringComparison.Ordinal);
        await replay.GetByRole(AriaRole.Heading, new() { Name = "Connexion" }).WaitForAsync();
    }

    [BrowserFact]
    public async Task A_page_left_open_leaves_on_its_own_when_the_person_signs_out_in_another_tab()
    {
        var page = await app.NewPageAsync(1440);
        await SignInAsync(page, "fatou.sarr@demo.sn", "Sarr2026xyz");
        await AppServer.WaitInteractiveAsync(page);

        var other = await page.Context.NewPageAsync();
        await other.GotoAsync(app.BaseUrl + "/app");
        await other.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await AppServer.WaitForSignInPageAsync(other);

        // The open page's circuit revalidates its session and sends the person to the sign-in form.
        await page.WaitForURLAsync("**/account/login?returnUrl=*");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Connexion" }).WaitForAsync();
    }

    [BrowserFact]
    public async Task A_new_password_signs_out_the_other_browsers_and_a_known_browser_is_not_locked_out_by_guesses()
    {
        var phone = await app.NewPageAsync(390, 844);
        await SignInAsync(phone, "+221771234567", "Ndiaye2026xy");
        var laptop = await app.NewPageAsync(1440);
        await app.SignInAsync(laptop, "77 123 45 67", "Ndiaye2026xy");
        Assert.EndsWith("/app", laptop.Url, StringComparison.Ordinal);

        // Someone elsewhere guesses five times: new browsers are locked out, the person's own are not.
        var stranger = await app.NewPageAsync(1440);
        for (var guess = 1; guess <= 5; guess++)
        {
            await app.SignInAsync(stranger, "77 123 45 67", $"Devine{guess}abc");
        }

        Assert.Contains("Compte verrouillé", await stranger.TextContentAsync("#login-error"), StringComparison.Ordinal);

        await phone.GotoAsync(app.BaseUrl + "/account/change-password");
        await app.ChangePasswordAsync(phone, "Ndiaye2026xy", "Ndiaye2027xy");
        app.PasswordChanged("+221771234567", "Ndiaye2027xy");
        Assert.EndsWith("/app", phone.Url, StringComparison.Ordinal);

        await laptop.GotoAsync(app.BaseUrl + "/app");
        Assert.Contains("/account/login", laptop.Url, StringComparison.Ordinal);
        await app.SignInAsync(laptop, "77 123 45 67", "Ndiaye2027xy");
        Assert.EndsWith("/app", laptop.Url, StringComparison.Ordinal);

        // The bell tells the owner that their account was locked.
        await AppServer.WaitInteractiveAsync(laptop);
        await laptop.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Notifications") }).ClickAsync();
        await laptop.GetByText("Votre compte a été verrouillé").WaitForAsync();
        await AppServer.ScreenshotAsync(laptop, "lock-notice-1440");

        // The panel reads well in the dark theme and on a phone too.
        await laptop.Keyboard.PressAsync("Escape");
        await AppServer.ChooseThemeAsync(laptop, "Sombre");
        await laptop.WaitForSelectorAsync("body.portal-dark");
        await laptop.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Notifications") }).ClickAsync();
        await laptop.GetByText("Votre compte a été verrouillé").WaitForAsync();
        await AppServer.ScreenshotAsync(laptop, "lock-notice-1440-dark");
        await Accessibility.AssertNoSeriousViolationsAsync(laptop, "notification panel, dark");
        await AppServer.WaitInteractiveAsync(phone);
        await phone.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Notifications") }).ClickAsync();
        await phone.GetByText("Votre compte a été verrouillé").WaitForAsync();
        await AppServer.ScreenshotAsync(phone, "lock-notice-390");
        await Accessibility.AssertNoSeriousViolationsAsync(phone, "notification panel, 390 px");
    }

    // Signs in with the temporary password and sets the person's own, as on a first visit.
    private async Task SignInAsync(IPage page, string identifier, string password)
    {
        var temporary = app.PasswordOf(identifier);
        await app.SignInAsync(page, identifier, temporary);
        await app.ChangePasswordAsync(page, temporary, password);
        app.PasswordChanged(identifier, password);
        Assert.EndsWith("/app", page.Url, StringComparison.Ordinal);
    }
}

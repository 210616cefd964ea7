using Microsoft.Playwright;
using Portal.Web.Components.Theme;
using Portal.Tests.Support;

namespace Portal.Tests.Browser;

[Collection("browser")]
public class SignInTests(AppServer app) : IClassFixture<AppServer>
{
    [BrowserFact]
    public async Task Five_wrong_passwords_lock_the_account_with_a_clear_message()
    {
        var page = await app.NewPageAsync(390, 844);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await app.SignInAsync(page, "76 555 12 34", "Mauvais1x");
            Assert.Equal("Identifiant ou mot de passe incorrect.", await page.TextContentAsync("#login-error"));
        }

        await app.SignInAsync(page, "76 555 12 34", "Mauvais1x");
        Assert.Contains("Compte verrouillé après 5 tentatives échouées. Réessayez dans 15 minutes.", await page.TextContentAsync("#login-error"), StringComparison.Ordinal);

        // Even the right password is refused while locked.
        await app.SignInAsync(page, "+221 76 555 12 34", app.PasswordOf("+221765551234"));
        Assert.Contains("Compte verrouillé", await page.TextContentAsync("#login-error"), StringComparison.Ordinal);
        await AppServer.ScreenshotAsync(page, "sign-in-locked-390");
    }

    [BrowserFact]
    public async Task Bad_input_gets_field_level_French_messages()
    {
        var page = await app.NewPageAsync(1440);
        await page.GotoAsync(app.BaseUrl + "/account/login");
        await page.ClickAsync("button[type=submit]");
        await page.GetByText("Saisissez votre adresse e-mail ou votre numéro de téléphone.").First.WaitForAsync();
        await page.GetByText("Saisissez votre mot de passe.").First.WaitForAsync();

        await app.SignInAsync(page, "77 12", "Quelconque1");
        Assert.Contains("9 chiffres", await page.TextContentAsync("#login-error"), StringComparison.Ordinal);
        Assert.Equal("77 12", await page.InputValueAsync("#identifier"));
    }

    [BrowserFact]
    public async Task A_deep_link_survives_the_sign_in()
    {
        var page = await app.NewPageAsync(1440);
        await page.GotoAsync(app.BaseUrl + "/app");
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);

        await page.FillAsync("#identifier", "fatou.sarr@demo.sn");
        await page.FillAsync("#password", app.PasswordOf("fatou.sarr@demo.sn"));
        await page.ClickAsync("button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await app.ChangePasswordAsync(page, app.PasswordOf("fatou.sarr@demo.sn"), "Sarr2026abc");
        app.PasswordChanged("fatou.sarr@demo.sn", "Sarr2026abc");

        await page.GotoAsync(app.BaseUrl + "/account/login?returnUrl=%2Fapp");
        await app.SignInAsync(page, "fatou.sarr@demo.sn", "Sarr2026abc");
        Assert.EndsWith("/app", page.Url, StringComparison.Ordinal);

        // A return URL pointing off-site is ignored.
        var other = await app.NewPageAsync(1440);
        await other.GotoAsync(app.BaseUrl + "/account/login?returnUrl=%2F%2Fevil.example");
        await other.FillAsync("#identifier", "fatou.sarr@demo.sn");
        await other.FillAsync("#password", "Sarr2026abc");
        await other.ClickAsync("button[type=submit]");
        await other.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(app.BaseUrl + "/app", other.Url);
    }

    [BrowserFact]
    public async Task A_forged_sign_out_is_refused_and_a_non_ascii_return_url_signs_in()
    {
        var page = await app.NewPageAsync(1440);
        await page.GotoAsync(app.BaseUrl + "/account/login?returnUrl=%2Fcaf%C3%A9");
        await page.FillAsync("#identifier", "awa.diop@demo.sn");
        await page.FillAsync("#password", app.PasswordOf("awa.diop@demo.sn"));
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button[type=submit]"), r => r.Url.Contains("/account/login", StringComparison.Ordinal) && r.Request.Method == "POST");
        Assert.True(response.Status < 500, $"sign-in answered {response.Status}");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await app.ChangePasswordAsync(page, app.PasswordOf("awa.diop@demo.sn"), "Diop2026abc");
        app.PasswordChanged("awa.diop@demo.sn", "Diop2026abc");

        await app.SignInAsync(page, "awa.diop@demo.sn", "Diop2026abc");
        await page.GotoAsync(app.BaseUrl + "/account/login?returnUrl=%2Fcaf%C3%A9");
        await page.FillAsync("#identifier", "awa.diop@demo.sn");
        await page.FillAsync("#password", "Diop2026abc");
        response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button[type=submit]"), r => r.Url.Contains("/account/login", StringComparison.Ordinal) && r.Request.Method == "POST");
        Assert.Equal(302, response.Status);
        Assert.EndsWith("/caf%C3%A9", response.Headers["location"], StringComparison.Ordinal);

        // A post without the antiforgery token (what another page of the same site could send) does not sign out.
        var form = page.APIRequest.CreateFormData();
        form.Set("reason", "forged");
        var forged = await page.APIRequest.PostAsync(app.BaseUrl + "/account/logout", new() { Form = form, MaxRedirects = 0 });
        Assert.Equal(400, forged.Status);
        await page.GotoAsync(app.BaseUrl + "/app");
        Assert.EndsWith("/app", page.Url, StringComparison.Ordinal);

        // The real button still signs out.
        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await AppServer.WaitForSignInPageAsync(page);
    }

    [BrowserFact]
    public async Task The_sign_in_page_is_light_to_load_follows_the_system_theme_and_passes_axe_in_both()
    {
        // First visit, empty cache: everything the browser downloads, compressed, as its network log counts it.
        var page = await app.NewPageAsync(390, 844);
        var sizes = new List<Task<long>>();
        page.RequestFinished += (_, request) => sizes.Add(TransferredAsync(request));
        await page.GotoAsync(app.BaseUrl + "/account/login", new() { WaitUntil = WaitUntilState.NetworkIdle });
        var transferred = (await Task.WhenAll(sizes)).Sum();
        await File.WriteAllTextAsync(Path.Combine(TestEnvironment.ArtifactsDirectory, "first-visit-bytes.txt"), $"{transferred} bytes in {sizes.Count} requests");
        Assert.True(transferred < 300_000, $"the first visit to the sign-in page transferred {transferred} bytes ({sizes.Count} requests)");
        Assert.DoesNotContain("portal-dark", await page.GetAttributeAsync("body", "class") ?? string.Empty, StringComparison.Ordinal);
        await AppServer.ScreenshotAsync(page, "sign-in-390-light");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "sign-in page, light");

        // A phone set to dark mode gets the dark theme without choosing anything.
        var dark = await app.NewPageAsync(390, 844, ColorScheme.Dark);
        await dark.GotoAsync(app.BaseUrl + "/account/login");
        await dark.WaitForSelectorAsync("body.portal-dark[data-theme=system]");
        await AppServer.ScreenshotAsync(dark, "sign-in-390-dark");
        await Accessibility.AssertNoSeriousViolationsAsync(dark, "sign-in page, dark");

        // A choice made in the portal wins over the system's.
        await dark.Context.AddCookiesAsync([new Cookie { Name = ThemePreference.Cookie, Value = ThemePreference.Light, Url = app.BaseUrl }]);
        await dark.ReloadAsync(new() { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.Equal("light", await dark.GetAttributeAsync("body", "data-theme"));
        Assert.DoesNotContain("portal-dark", await dark.GetAttributeAsync("body", "class") ?? string.Empty, StringComparison.Ordinal);
    }

    private static async Task<long> TransferredAsync(IRequest request)
    {
        var sizes = await request.SizesAsync();
        return sizes.ResponseBodySize + sizes.ResponseHeadersSize;
    }
}

[Collection("browser")]
public class SignInRateLimitTests(RateLimitedAppServer app) : IClassFixture<RateLimitedAppServer>
{
    [BrowserFact]
    public async Task Sign_in_is_limited_per_address_and_identifier_so_colleagues_behind_one_address_still_sign_in()
    {
        var page = await app.NewPageAsync(1440);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            // The fifth is answered "locked", as a real account would be.
            await app.SignInAsync(page, "inconnu@demo.sn", "Mauvais1x");
            Assert.DoesNotContain("Trop de tentatives", await page.TextContentAsync("#login-error"), StringComparison.Ordinal);
        }

        await app.SignInAsync(page, "inconnu@demo.sn", "Mauvais1x");
        Assert.StartsWith("Trop de tentatives pour cet identifiant", await page.TextContentAsync("#login-error"), StringComparison.Ordinal);

        // A colleague at the same address is not blocked by it.
        var colleague = await app.NewPageAsync(1440);
        await app.SignInAsync(colleague, "autre@demo.sn", "Mauvais1x");
        Assert.Equal("Identifiant ou mot de passe incorrect.", await colleague.TextContentAsync("#login-error"));

        // One address trying many identifiers meets the address-wide limit (six times higher) within two windows at most.
        var throttled = false;
        for (var attempt = 0; attempt < 60 && !throttled; attempt++)
        {
            await app.SignInAsync(page, $"essai{attempt}@demo.sn", "Mauvais1x");
            throttled = page.Url.Contains("throttled=1", StringComparison.Ordinal);
        }

        Assert.True(throttled, "the address-wide limit never applied");
        await page.GetByText("Trop de tentatives de connexion").WaitForAsync();
    }
}

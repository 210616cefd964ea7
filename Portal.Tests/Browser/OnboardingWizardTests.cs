using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Tests.Onboarding;
using Portal.Tests.Support;

namespace Portal.Tests.Browser;

[Collection("browser")]
public partial class OnboardingWizardTests(AppServer app) : IClassFixture<AppServer>
{
    [BrowserFact]
    public async Task Staff_onboard_a_company_end_to_end_and_its_phone_user_signs_in()
    {
        var page = await SignInAsAdminAsync();

        // Step 1: the company.
        await page.GotoAsync(app.BaseUrl + "/admin/onboarding");
        // The list and the form share the layout's <main>: wait for the list's circuit, then for the form's URL, so the
        // click is not made while the page is still being prerendered and the form is really the one filled.
        await AppServer.WaitInteractiveAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Nouvelle entreprise" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/admin/onboarding/new$"));
        await page.Locator("#company-name:enabled").WaitForAsync();
        await page.FillAsync("#company-name", "Téranga Distribution");
        await page.FillAsync("#company-ninea", "0098765 2G3");
        await AppServer.ChooseAsync(page, "Secteur", "Commerce de gros");
        await page.FillAsync("#site-name", "Dépôt Thiaroye");
        await page.FillAsync("#site-address", "Route de Rufisque, Thiaroye");
        await AppServer.ScreenshotAsync(page, "onboarding-step1-1440");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer l'entreprise" }).ClickAsync();
        await page.WaitForURLAsync(SessionUrl());

        // Step 2: two users, one by email, one by phone.
        await page.FillAsync("#user-1-first", "Ndèye");
        await page.FillAsync("#user-1-last", "Sow");
        await page.FillAsync("#user-1-id", "ndeye.sow@teranga.sn");
        await AppServer.ChooseAsync(page, "Rôle, ligne 1", "Propriétaire");

        // Back shows the company as created, and coming forward again keeps what was typed.
        // The keyboard focus follows to the heading of the step shown.
        await page.GetByRole(AriaRole.Button, new() { Name = "Retour" }).ClickAsync();
        await page.Locator("#company-facts", new() { HasText = "Dépôt Thiaroye" }).WaitForAsync();
        await page.WaitForFunctionAsync("() => document.activeElement?.id === 'company-step-title'");
        await page.GetByRole(AriaRole.Button, new() { Name = "Suivant : les utilisateurs" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.activeElement?.id === 'users-step-title'");
        Assert.Equal("ndeye.sow@teranga.sn", await page.InputValueAsync("#user-1-id"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter une personne" }).ClickAsync();
        await page.FillAsync("#user-2-first", "Cheikh");
        await page.FillAsync("#user-2-last", "Gueye");
        await page.FillAsync("#user-2-id", "78 555 66 77");
        await AppServer.ChooseAsync(page, "Rôle, ligne 2", "Gérant");

        // A reload keeps the rows typed (one more row added and removed first: its render comes after the draft is saved).
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter une personne" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Retirer la ligne 3" }).ClickAsync();
        await page.Locator("#user-3-first").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.ReloadAsync();
        await AppServer.WaitInteractiveAsync(page);
        await page.Locator("#user-2-id").WaitForAsync();
        Assert.Equal(("Ndèye", "78 555 66 77"), (await page.InputValueAsync("#user-1-first"), await page.InputValueAsync("#user-2-id")));
        Assert.Equal("Manager", await page.InputValueAsync("#user-2-role"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer les comptes" }).ClickAsync();
        var phoneRow = page.Locator("#temporary-passwords tr", new() { HasText = "+221 78 555 66 77" });
        var temporary = (await phoneRow.Locator("code.password").TextContentAsync())!.Trim();
        await AppServer.ScreenshotAsync(page, "onboarding-step2-passwords-1440");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "onboarding, users step");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer : modèle Excel" }).ClickAsync();

        // Step 3: the template, filled here the way the client would fill it.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-template"));
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var template = await File.ReadAllBytesAsync((await download.PathAsync())!);
        var products = Enumerable.Range(1, 2000).Select(i => new object?[] { $"A{i:0000}", $"Article {i}", "Alimentation", 1000 + i, 800, 10, 2 });
        var sales = Enumerable.Range(0, 60_000).Select(i => new object?[] { Workbooks.Today.AddDays(-(i % 200)), $"A{(i % 2000) + 1:0000}", 1 + (i % 5), null });
        var filled = Path.Combine(TestEnvironment.ArtifactsDirectory, "onboarding-filled.xlsx");
        await File.WriteAllBytesAsync(filled, Workbooks.Fill(template, products, sales));
        await page.GetByRole(AriaRole.Button, new() { Name = "J'ai le fichier rempli : passer à l'import" }).ClickAsync();

        // Step 4: upload, test, import with visible progress.
        await page.SetInputFilesAsync("#import-file", filled);
        await page.Locator("#upload-info").WaitForAsync();
        await page.ClickAsync("#test-import");
        await page.Locator("#import-result", new() { HasText = "Test réussi" }).WaitForAsync(new() { Timeout = 60_000 });
        await AppServer.ScreenshotAsync(page, "onboarding-step4-tested-1440");
        await page.ClickAsync("#run-import");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Importer" }).ClickAsync();
        await page.Locator("#import-phase").WaitForAsync();
        await AppServer.ScreenshotAsync(page, "onboarding-step4-progress-1440");
        await page.Locator("#onboarding-summary").WaitForAsync(new() { Timeout = 60_000 });
        Assert.Equal(2000.ToString("N0", CultureInfo.GetCultureInfo("fr-FR")), await page.TextContentAsync("#summary-products"));
        Assert.Equal(60000.ToString("N0", CultureInfo.GetCultureInfo("fr-FR")), await page.TextContentAsync("#summary-sales"));
        Assert.EndsWith("/account/login", (await page.TextContentAsync("#sign-in-url"))!, StringComparison.Ordinal);
        await AppServer.ScreenshotAsync(page, "onboarding-summary-1440");
        // Step 2's "comptes créés" snackbar may still be fading out beside the import's: axe would measure their half-transparent text.
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.mud-snackbar').length === 0", null, new() { Timeout = 20_000 });
        await Accessibility.AssertNoSeriousViolationsAsync(page, "onboarding summary");

        // The staff member is notified in the app.
        await page.GetByRole(AriaRole.Button, new() { Name = "Notifications", Exact = false }).First.ClickAsync();
        await page.GetByText("Import terminé : Téranga Distribution").WaitForAsync();

        await page.GotoAsync(app.BaseUrl + "/admin/onboarding");
        await page.GetByRole(AriaRole.Link, new() { Name = "Téranga Distribution", Exact = true }).WaitForAsync();
        await AppServer.WaitInteractiveAsync(page);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await AppServer.ScreenshotAsync(page, "onboarding-list-1440");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "onboarding list");

        // The new phone user signs in, must change the temporary password, then reaches the client dashboard.
        var client = await app.NewPageAsync(390, 844);
        await app.SignInAsync(client, "78 555 66 77", temporary);
        Assert.EndsWith("/account/change-password", client.Url, StringComparison.Ordinal);
        await app.ChangePasswordAsync(client, temporary, "Gueye2026x");
        Assert.EndsWith("/app", client.Url, StringComparison.Ordinal);
        await client.GetByText("Téranga Distribution").First.WaitForAsync();

        // The whole journey ran under the Content-Security-Policy without a single violation.
        Assert.True(app.CspViolations.IsEmpty, string.Join("\n", app.CspViolations.Distinct()));
        var response = await client.APIRequest.GetAsync(app.BaseUrl + "/account/login");
        Assert.Equal(Portal.Web.Security.SecurityHeaders.ContentSecurityPolicy, response.Headers["content-security-policy"]);
        Assert.Equal("nosniff", response.Headers["x-content-type-options"]);
        Assert.False(response.Headers.ContainsKey("server"), "the Server header is dropped");
    }

    [BrowserFact]
    public async Task A_broken_file_gets_French_errors_in_a_paged_grid_and_a_report()
    {
        var page = await SignInAsAdminAsync();

        await page.GotoAsync(app.BaseUrl + "/admin/onboarding/new");
        await AppServer.WaitInteractiveAsync(page);
        await page.FillAsync("#company-name", "Sahel Quincaillerie");
        await page.FillAsync("#site-name", "Magasin central");
        await page.FillAsync("#site-address", "Avenue Blaise Diagne, Dakar");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer l'entreprise" }).ClickAsync();
        await page.WaitForURLAsync(SessionUrl());
        await page.FillAsync("#user-1-first", "Omar");
        await page.FillAsync("#user-1-last", "Diallo");
        await page.FillAsync("#user-1-id", "omar.diallo@sahel.sn");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer les comptes" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer : modèle Excel" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "J'ai le fichier rempli : passer à l'import" }).ClickAsync();

        var broken = Path.Combine(TestEnvironment.ArtifactsDirectory, "onboarding-broken.xlsx");
        var sales = Enumerable.Range(0, 40).Select(i => new object?[] { Workbooks.Today.AddDays(5), "INCONNU", 0, null });
        await File.WriteAllBytesAsync(broken, Workbooks.Fill(Workbooks.Template(), Workbooks.SampleProducts, sales));
        await page.SetInputFilesAsync("#import-file", broken);
        await page.Locator("#upload-info").WaitForAsync();
        await page.ClickAsync("#test-import");
        await page.Locator("#import-result").WaitForAsync(new() { Timeout = 60_000 });
        await AppServer.ScreenshotAsync(page, "onboarding-errors-1440");
        Assert.Contains("120 erreur(s)", await page.TextContentAsync("#import-result"), StringComparison.Ordinal);
        await page.GetByText("La date de vente est dans le futur.").First.WaitForAsync();
        await page.GetByText("Le code produit « INCONNU » n'existe pas dans l'onglet Produits.").First.WaitForAsync();
        await AppServer.ScreenshotAsync(page, "onboarding-errors-1440");

        var report = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#error-report"));
        Assert.StartsWith("erreurs-", report.SuggestedFilename, StringComparison.Ordinal);
    }

    private async Task<IPage> SignInAsAdminAsync()
    {
        const string admin = "admin@portal.local";
        var page = await app.NewPageAsync(1440, 900);
        await app.SignInAsync(page, admin, app.PasswordOf(admin));
        if (page.Url.EndsWith("/account/change-password", StringComparison.Ordinal))
        {
            await app.ChangePasswordAsync(page, app.PasswordOf(admin), "Onboard2026x");
            app.PasswordChanged(admin, "Onboard2026x");
        }

        return page;
    }

    [GeneratedRegex(@"/admin/onboarding/[0-9a-f-]{36}$")]
    private static partial Regex SessionUrl();
}

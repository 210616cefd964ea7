using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Domain.Notifications;
using Portal.Domain.Tenancy;
using Portal.Infrastructure.Onboarding;
using Portal.Tests.Onboarding;
using Portal.Tests.Support;
using Portal.Web.Components.Imports;
using Portal.Web.Components.Layout;
using Portal.Web.Components.Onboarding;

namespace Portal.Tests.Components;

/// <summary>The onboarding screens' own logic, rendered without a browser against the real services on SQLite.</summary>
public sealed class OnboardingComponentTests : IAsyncLifetime
{
    private TestDatabase database = default!;
    private OnboardingHarness harness = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(Providers.Sqlite);
        harness = await OnboardingHarness.CreateAsync(database);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task The_company_step_refuses_an_empty_form_in_French_and_creates_nothing()
    {
        await using var scope = harness.Staff();
        await using var ctx = ComponentTest.Create(scope.ServiceProvider);
        var step = ctx.Render<CompanyStep>();

        await step.Find("form").SubmitAsync();

        Assert.Contains("Le nom de l'entreprise est obligatoire.", step.Markup, StringComparison.Ordinal);
        Assert.Contains("L'adresse du site principal est obligatoire.", step.Markup, StringComparison.Ordinal);
        var sessions = await harness.AsStaffAsync(s => s.ListAsync(new OnboardingFilter(), new(0, 10)));
        Assert.Equal(0, sessions.Total);
    }

    [Fact]
    public async Task The_company_step_of_a_created_company_shows_its_facts_and_goes_on()
    {
        var sessionId = await harness.AsStaffAsync(s => s.CreateCompanyAsync(new CompanyInput("Baobab Services", null, Sector.Services, "CI", "Siège", "Plateau, Abidjan")));
        var view = await harness.AsStaffAsync(s => s.GetAsync(sessionId));
        await using var scope = harness.Staff();
        await using var ctx = ComponentTest.Create(scope.ServiceProvider);
        var next = 0;
        var step = ctx.Render<CompanyStep>(p => p.Add(c => c.View, view).Add(c => c.Next, () => next++));

        Assert.Contains("Côte d'Ivoire", step.Find("#company-facts").TextContent, StringComparison.Ordinal);
        Assert.Empty(step.FindAll("form"));
        await step.Find("button").ClickAsync(new());
        Assert.Equal(1, next);
    }

    [Fact]
    public async Task The_users_step_adds_and_removes_rows_up_to_the_maximum_and_keeps_them_in_the_draft()
    {
        var sessionId = await harness.AsStaffAsync(s => s.CreateCompanyAsync(new CompanyInput("Keur Ndiaye", null, Sector.Retail, "SN", "Boutique", "Dakar")));
        var view = await harness.AsStaffAsync(s => s.GetAsync(sessionId));
        await using var scope = harness.Staff();
        await using var ctx = ComponentTest.Create(scope.ServiceProvider);
        ctx.Render<MudPopoverProvider>();
        var draft = new UsersDraft();
        var step = ctx.Render<UsersStep>(p => p.Add(c => c.View, view).Add(c => c.Draft, draft));

        Assert.Empty(step.FindAll("button[aria-label^='Retirer']"));
        for (var i = 1; i < OnboardingService.MaxUsers; i++)
        {
            await AddPersonButton(step).ClickAsync(new());
        }

        Assert.Equal(OnboardingService.MaxUsers, draft.Rows.Count);
        Assert.True(AddPersonButton(step).HasAttribute("disabled"));
        await step.Find("button[aria-label='Retirer la ligne 2']").ClickAsync(new());
        Assert.Equal(OnboardingService.MaxUsers - 1, draft.Rows.Count);
        Assert.False(AddPersonButton(step).HasAttribute("disabled"));

        step.Find("#user-1-first").Change("Awa");
        Assert.Equal("Awa", draft.Rows[0].FirstName);
    }

    [Fact]
    public async Task The_users_step_shows_the_services_refusals_then_the_temporary_passwords_once()
    {
        var sessionId = await harness.AsStaffAsync(s => s.CreateCompanyAsync(new CompanyInput("Sahel Textile", null, Sector.Retail, "SN", "Atelier", "Thiès")));
        var view = await harness.AsStaffAsync(s => s.GetAsync(sessionId));
        await using var scope = harness.Staff();
        await using var ctx = ComponentTest.Create(scope.ServiceProvider);
        ctx.Render<MudPopoverProvider>();
        ctx.Render<MudSnackbarProvider>();
        var draft = new UsersDraft();
        draft.Rows[0].FirstName = "Binta";
        draft.Rows[0].LastName = "Kane";
        draft.Rows[0].Identifier = "pas un identifiant";
        var step = ctx.Render<UsersStep>(p => p.Add(c => c.View, view).Add(c => c.Draft, draft));

        await step.Find("form").SubmitAsync();
        Assert.Contains("Ligne 1", step.Find("#users-errors").TextContent, StringComparison.Ordinal);
        Assert.Empty(step.FindAll("#temporary-passwords"));

        draft.Rows[0].Identifier = "77 321 00 99";
        await step.Find("form").SubmitAsync();
        step.WaitForAssertion(() => Assert.Contains("+221 77 321 00 99", step.Find("#temporary-passwords").TextContent, StringComparison.Ordinal));
        Assert.Matches("^[A-Za-z0-9]{12}$", step.Find("code.password").TextContent);
    }

    [Fact]
    public async Task The_users_step_issues_a_new_temporary_password_after_a_confirmation()
    {
        var sessionId = await harness.AsStaffAsync(s => s.CreateCompanyAsync(new CompanyInput("Diallo Frères", null, Sector.Retail, "SN", "Dépôt", "Kaolack")));
        await harness.AsStaffAsync(s => s.CreateUsersAsync(sessionId, [new UserInput("Mamadou", "Diallo", "76 123 00 11", Portal.Domain.Identity.Roles.Owner)]));
        var view = await harness.AsStaffAsync(s => s.GetAsync(sessionId));
        await using var scope = harness.Staff();
        await using var ctx = ComponentTest.Create(scope.ServiceProvider);
        ctx.Render<MudPopoverProvider>();
        var dialogs = ctx.Render<MudDialogProvider>();
        var step = ctx.Render<UsersStep>(p => p.Add(c => c.View, view).Add(c => c.Draft, new UsersDraft()));

        // The click's handler waits for the confirmation, so answer the dialog before awaiting it.
        var clicking = step.Find("button[aria-label='Nouveau mot de passe temporaire pour Mamadou Diallo']").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("cessera de fonctionner", dialogs.Markup, StringComparison.Ordinal));
        await dialogs.FindAll("button").Single(b => b.TextContent.Contains("Générer", StringComparison.Ordinal)).ClickAsync(new());
        await clicking;

        step.WaitForAssertion(() => Assert.Matches("^[A-Za-z0-9]{12}$", step.Find("#regenerated-password code.password").TextContent));
        Assert.Contains("+221 76 123 00 11", step.Find("#regenerated-password").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_error_grid_pages_a_failed_test_from_the_server_in_French()
    {
        var sessionId = await harness.CompanyWithUsersAsync();
        var sales = Enumerable.Range(0, 40).Select(i => new object?[] { Workbooks.Today.AddDays(5), "INCONNU", 0, null });
        var (_, job) = await harness.UploadAndRunAsync(sessionId, Workbooks.Fill(Workbooks.Template(), Workbooks.SampleProducts, sales), dryRun: true);
        await using var scope = harness.Staff();
        await using var ctx = ComponentTest.Create(scope.ServiceProvider);
        ctx.Render<MudPopoverProvider>();
        var grid = ctx.Render<ImportIssuesGrid>(p => p.Add(c => c.Runs, scope.ServiceProvider.GetRequiredService<OnboardingService>()).Add(c => c.JobId, job!.Id));

        grid.WaitForAssertion(() => Assert.Equal(25, grid.FindAll("tbody tr").Count));
        Assert.Contains("1-25 sur 120", grid.Markup, StringComparison.Ordinal);
        await grid.Find("button[aria-label='Page suivante']").ClickAsync(new());
        grid.WaitForAssertion(() => Assert.Contains("26-50 sur 120", grid.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_bell_counts_unread_notifications_and_opening_it_marks_them_read()
    {
        await using (var db = database.NewContext())
        {
            db.Notifications.Add(new Notification(Guid.NewGuid(), harness.StaffId, "Import terminé : Keur", "2 000 produits", "admin/onboarding", Portal.Domain.Messaging.MessagePriority.Normal, null));
            db.Notifications.Add(new Notification(Guid.NewGuid(), harness.StaffId, "Import en échec : Sahel", "120 erreurs", null, Portal.Domain.Messaging.MessagePriority.High, null));
            await db.SaveChangesAsync();
        }

        await using var scope = harness.Staff();
        await using var ctx = ComponentTest.Create(scope.ServiceProvider);
        var popovers = ctx.Render<MudPopoverProvider>();
        var bell = ctx.Render<NotificationBell>();

        bell.WaitForAssertion(() => Assert.Equal("Notifications, 2 non lue(s)", bell.Find("button").GetAttribute("aria-label")));
        await bell.Find("button").ClickAsync(new());
        popovers.WaitForAssertion(() => Assert.Contains("Import en échec : Sahel", popovers.Markup, StringComparison.Ordinal));
        bell.WaitForAssertion(() => Assert.Equal("Notifications", bell.Find("button").GetAttribute("aria-label")));
        var (_, unread) = await scope.ServiceProvider.GetRequiredService<Portal.Infrastructure.Notifications.NotificationService>().GetAsync();
        Assert.Equal(0, unread);
    }

    private static AngleSharp.Dom.IElement AddPersonButton(IRenderedComponent<UsersStep> step) =>
        step.FindAll("button").Single(b => b.TextContent.Contains("Ajouter une personne", StringComparison.Ordinal));
}

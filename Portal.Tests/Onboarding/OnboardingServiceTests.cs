using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.Identity;
using Portal.Domain.Onboarding;
using Portal.Domain.Tenancy;
using Portal.Infrastructure.Onboarding;
using Portal.Infrastructure.Spreadsheets;
using Portal.Tests.Support;

namespace Portal.Tests.Onboarding;

public class OnboardingServiceTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_failure_half_way_through_the_write_leaves_no_row_and_a_failed_job(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var harness = await OnboardingHarness.CreateAsync(database);
        var sessionId = await harness.CompanyWithUsersAsync();
        var file = Generated(products: 1000, sales: 45_000);

        var (_, job) = await harness.UploadAndRunAsync(sessionId, file, dryRun: false, observe: progress =>
        {
            // SQLite writes after reading; PostgreSQL streams the rows into COPY while reading.
            var writing = provider == Providers.Postgres ? ImportPhase.ReadingSales : ImportPhase.Saving;
            if (progress.Phase == writing && progress.RowsDone >= 20_000)
            {
                throw new IOException("disk unplugged");
            }
        });

        Assert.Equal(ImportStatus.Failed, job!.Status);
        await using var db = database.NewContext();
        Assert.Equal(0, await db.Products.CountAsync());
        Assert.Equal(0, await db.Sales.CountAsync());
        var session = await db.OnboardingSessions.SingleAsync(s => s.Id == sessionId);
        Assert.Equal(OnboardingStatus.InProgress, session.Status);
        Assert.Contains("rien n'a été enregistré", session.Error, StringComparison.Ordinal);
        Assert.False((await db.Tenants.SingleAsync(t => t.Id == session.TenantId)).IsActive);

        // The staff member who ran it hears of the failure in the app and by e-mail (the rolled-back write took no message with it).
        var told = await db.OutboxMessages.Where(m => m.UserId == harness.StaffId).OrderBy(m => m.Channel).ToListAsync();
        Assert.Equal([Portal.Domain.Messaging.MessageChannel.InApp, Portal.Domain.Messaging.MessageChannel.Email], told.Select(m => m.Channel).Order());
        Assert.All(told, m => Assert.Equal("import.failed", m.Type));
        Assert.Contains("rien n'a été enregistré", told.Single(m => m.Channel == Portal.Domain.Messaging.MessageChannel.Email).Body, StringComparison.Ordinal);

        // The staff member fixes nothing and simply retries: the import goes through once.
        var retry = await harness.AsStaffAsync(s => s.StartAsync(sessionId, dryRun: false));
        await using (var scope = database.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ImportRunner>().RunAsync(retry);
        }

        Assert.Equal(45_000, await db.Sales.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Running_a_finished_job_again_inserts_nothing_twice(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var harness = await OnboardingHarness.CreateAsync(database);
        var sessionId = await harness.CompanyWithUsersAsync();
        var (_, job) = await harness.UploadAndRunAsync(sessionId, Workbooks.Valid(), dryRun: false);

        await using (var scope = database.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ImportRunner>().RunAsync(job!.Id);
        }

        await using var db = database.NewContext();
        Assert.Equal(3, await db.Products.CountAsync());
        Assert.Equal(5, await db.Sales.CountAsync());
        await Assert.ThrowsAsync<DomainException>(() => harness.AsStaffAsync(s => s.StartAsync(sessionId, dryRun: false)));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Two_companies_may_use_the_same_codes_and_never_see_each_others_data(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var harness = await OnboardingHarness.CreateAsync(database);
        var first = await harness.CompanyWithUsersAsync("Alpha Commerce");
        var second = await harness.CompanyWithUsersAsync("Beta Commerce");

        Assert.Equal(ImportStatus.Succeeded, (await harness.UploadAndRunAsync(first, Workbooks.Valid(), false)).Job!.Status);
        Assert.Equal(ImportStatus.Succeeded, (await harness.UploadAndRunAsync(second, Workbooks.Valid(), false)).Job!.Status);

        Guid alpha;
        await using (var db = database.NewContext())
        {
            alpha = await db.OnboardingSessions.Where(s => s.Id == first).Select(s => s.TenantId).SingleAsync();
            Assert.Equal(6, await db.Products.CountAsync());
        }

        await using (var scoped = database.NewTenantContext(alpha))
        {
            Assert.Equal(3, await scoped.Products.CountAsync());
            Assert.Equal(5, await scoped.Sales.CountAsync());
            Assert.Empty(await scoped.OnboardingSessions.ToListAsync());
        }

        // A tenant user cannot reach the onboarding at all.
        await using var tenantScope = database.ActAs(Guid.NewGuid(), Roles.Owner, alpha);
        var onboarding = tenantScope.ServiceProvider.GetRequiredService<OnboardingService>();
        await Assert.ThrowsAsync<ForbiddenException>(() => onboarding.ListAsync(new OnboardingFilter(), new PageRequest(0, 20)));
        await Assert.ThrowsAsync<ForbiddenException>(() => onboarding.GetAsync(first));
        await Assert.ThrowsAsync<ForbiddenException>(() => onboarding.TemplateAsync(first));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Creating_the_same_company_twice_points_to_the_existing_session(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var harness = await OnboardingHarness.CreateAsync(database);
        var sessionId = await harness.AsStaffAsync(s => s.CreateCompanyAsync(Company("Keur Yaay SARL", "0012345 2G3")));

        var byName = await Assert.ThrowsAsync<DuplicateCompanyException>(() => harness.AsStaffAsync(s => s.CreateCompanyAsync(Company("  keur yaay sarl ", null))));
        var byNinea = await Assert.ThrowsAsync<DuplicateCompanyException>(() => harness.AsStaffAsync(s => s.CreateCompanyAsync(Company("Autre nom", "0012345 2G3"))));

        Assert.Equal(sessionId, byName.SessionId);
        Assert.Equal(sessionId, byNinea.SessionId);
        Assert.Contains("a déjà un onboarding en cours (étape 2 : Utilisateurs)", byName.Message, StringComparison.Ordinal);
        Assert.Contains("le NINEA 0012345 2G3", byNinea.Message, StringComparison.Ordinal);
        await using var db = database.NewContext();
        Assert.Equal(1, await db.Tenants.CountAsync());

        // Words in parentheses count: a second shop of the same owner in another town is another company.
        await harness.AsStaffAsync(s => s.CreateCompanyAsync(Company("Keur Yaay SARL (Thiès)", null)));
        Assert.Equal(2, await db.Tenants.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Users_step_names_the_faulty_rows_and_creates_nobody_on_error(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var harness = await OnboardingHarness.CreateAsync(database);
        var sessionId = await harness.AsStaffAsync(s => s.CreateCompanyAsync(Company("Dioum Frères", null)));

        var noOwner = await Assert.ThrowsAsync<ValidationFailedException>(() => harness.AsStaffAsync(s => s.CreateUsersAsync(sessionId,
            [new UserInput("Awa", "Dioum", "77 000 11 22", Roles.Manager)])));
        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => harness.AsStaffAsync(s => s.CreateUsersAsync(sessionId,
        [
            new UserInput("Awa", "Dioum", "77 000 11 22", Roles.Owner),
            new UserInput("Ali", "Dioum", "+221 77 000 11 22", Roles.Member),
            new UserInput("Bob", "", "pas-un-email", Roles.Member),
        ])));
        var tooMany = await Assert.ThrowsAsync<ValidationFailedException>(() => harness.AsStaffAsync(s => s.CreateUsersAsync(sessionId,
            Enumerable.Range(0, 11).Select(i => new UserInput("A", "B", $"u{i}@x.sn", Roles.Owner)).ToList())));

        Assert.Equal(["Au moins un utilisateur doit avoir le rôle Propriétaire."], noOwner.Errors);
        Assert.Contains("Ligne 2 : l'identifiant +221770001122 est déjà saisi à la ligne 1.", invalid.Errors);
        Assert.Contains(invalid.Errors, e => e.StartsWith("Ligne 3 : le prénom et le nom sont obligatoires.", StringComparison.Ordinal));
        Assert.Contains(invalid.Errors, e => e.StartsWith("Ligne 3 : ", StringComparison.Ordinal) && e.Contains("e-mail", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["Saisissez entre 1 et 10 utilisateurs."], tooMany.Errors);

        // An identifier used by another company is refused, naming the row.
        var other = await harness.CompanyWithUsersAsync("Autre SARL");
        string taken;
        await using (var db = database.NewContext())
        {
            var otherTenant = await db.OnboardingSessions.Where(s => s.Id == other).Select(s => s.TenantId).SingleAsync();
            taken = await db.Users.Where(u => u.TenantId == otherTenant && u.PhoneNumber != null).Select(u => u.PhoneNumber!).FirstAsync();
        }

        var conflict = await Assert.ThrowsAsync<ValidationFailedException>(() => harness.AsStaffAsync(s => s.CreateUsersAsync(sessionId,
            [new UserInput("Awa", "Dioum", "awa@dioum.sn", Roles.Owner), new UserInput("Modou", "Dioum", taken, Roles.Manager)])));
        Assert.Equal([$"Ligne 2 (Modou Dioum) : l'identifiant {taken} est déjà utilisé par un autre compte."], conflict.Errors);

        // The type is recognised from what is typed: a phone number needs no "phone" choice.
        var created = await harness.AsStaffAsync(s => s.CreateUsersAsync(sessionId,
            [new UserInput("Awa", "Dioum", "Awa@Dioum.sn", Roles.Owner), new UserInput("Modou", "Dioum", "76 123 45 67", Roles.Manager)]));
        Assert.Equal(["awa@dioum.sn", "+221761234567"], created.Select(c => c.Identifier));
        Assert.All(created, c => Assert.True(PasswordPolicy.IsSatisfiedBy(c.TemporaryPassword)));
        await using (var db = database.NewContext())
        {
            var tenantId = await db.OnboardingSessions.Where(s => s.Id == sessionId).Select(s => s.TenantId).SingleAsync();
            var users = await db.Users.Where(u => u.TenantId == tenantId).ToListAsync();
            Assert.Equal(2, users.Count);
            Assert.All(users, u => Assert.True(u.MustChangePassword));
            Assert.Equal(OnboardingStep.Template, (await db.OnboardingSessions.SingleAsync(s => s.Id == sessionId)).CurrentStep);
        }

    }

    [Fact]
    public async Task Staff_may_create_five_companies_an_hour_and_upload_ten_files()
    {
        await using var database = await TestDatabase.CreateAsync(Providers.Sqlite);
        var harness = await OnboardingHarness.CreateAsync(database);
        for (var i = 0; i < OnboardingService.TenantCreationsPerHour; i++)
        {
            await harness.AsStaffAsync(s => s.CreateCompanyAsync(Company($"Société {i}", null)));
        }

        var refused = await Assert.ThrowsAsync<DomainException>(() => harness.AsStaffAsync(s => s.CreateCompanyAsync(Company("Société de trop", null))));
        Assert.StartsWith("Limite atteinte : 5 créations d'entreprise par heure et par personne.", refused.Message, StringComparison.Ordinal);

        var sessionId = (await harness.AsStaffAsync(s => s.ListAsync(new OnboardingFilter(), new PageRequest(0, 20)))).Items[0].Id;

        // Refused files do not use up the business limit: fixing and retrying is the normal loop.
        for (var i = 0; i < OnboardingService.UploadsPerHour + 5; i++)
        {
            await harness.AsStaffAsync(s => s.UploadAsync(sessionId, "vide.xlsx", new MemoryStream()));
        }

        for (var i = 0; i < OnboardingService.UploadsPerHour; i++)
        {
            Assert.True((await harness.AsStaffAsync(s => s.UploadAsync(sessionId, "ok.xlsx", new MemoryStream(Workbooks.Valid())))).IsImportable);
        }

        var tooMany = await Assert.ThrowsAsync<DomainException>(() => harness.AsStaffAsync(s => s.UploadAsync(sessionId, "x.xlsx", new MemoryStream(Workbooks.Valid()))));
        Assert.StartsWith("Limite atteinte : 10 fichiers acceptés par heure et par personne.", tooMany.Message, StringComparison.Ordinal);

        // Every attempt counts toward the abuse limit.
        for (var i = 0; i < OnboardingService.UploadAttemptsPerHour - (2 * OnboardingService.UploadsPerHour) - 5; i++)
        {
            await harness.AsStaffAsync(s => s.UploadAsync(sessionId, "vide.xlsx", new MemoryStream()));
        }

        var abuse = await Assert.ThrowsAsync<DomainException>(() => harness.AsStaffAsync(s => s.UploadAsync(sessionId, "vide.xlsx", new MemoryStream())));
        Assert.StartsWith("Limite atteinte : 60 tentatives de dépôt par heure et par personne.", abuse.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_upload_replaces_the_previous_file_so_importer_cannot_run_the_old_one()
    {
        await using var database = await TestDatabase.CreateAsync(Providers.Sqlite);
        var harness = await OnboardingHarness.CreateAsync(database);
        var sessionId = await harness.CompanyWithUsersAsync();
        Assert.True((await harness.AsStaffAsync(s => s.UploadAsync(sessionId, "v1.xlsx", new MemoryStream(Workbooks.Valid())))).IsImportable);

        Assert.False((await harness.AsStaffAsync(s => s.UploadAsync(sessionId, "v2.xlsx", new MemoryStream()))).IsImportable);

        Assert.Null((await harness.AsStaffAsync(s => s.GetAsync(sessionId))).Data.Upload);
        var refused = await Assert.ThrowsAsync<DomainException>(() => harness.AsStaffAsync(s => s.StartAsync(sessionId, dryRun: false)));
        Assert.Equal("Déposez d'abord le fichier rempli.", refused.Message);
    }

    [Fact]
    public async Task Error_reports_wait_for_a_free_slot_instead_of_piling_up_in_memory()
    {
        await using var database = await TestDatabase.CreateAsync(Providers.Sqlite);
        var harness = await OnboardingHarness.CreateAsync(database);
        var sessionId = await harness.CompanyWithUsersAsync();
        var (_, job) = await harness.UploadAndRunAsync(sessionId, Workbooks.Fill(Workbooks.Template(), [["P001", "Riz", null, "beaucoup", null, null, null]], []), dryRun: true);

        // Both slots busy: a third build waits (here until its caller gives up) rather than starting.
        await Portal.Infrastructure.Spreadsheets.ErrorReport.Builds.WaitAsync();
        await Portal.Infrastructure.Spreadsheets.ErrorReport.Builds.WaitAsync();
        try
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.AsStaffAsync(s => s.ErrorReportAsync(job!.Id, patience.Token)));
        }
        finally
        {
            Portal.Infrastructure.Spreadsheets.ErrorReport.Builds.Release(2);
        }

        var (_, report) = await harness.AsStaffAsync(s => s.ErrorReportAsync(job!.Id));
        await using (report)
        {
            Assert.True(report.Length > 0);
        }
    }

    [Fact]
    public void The_template_has_the_sheets_headers_example_rows_and_validations()
    {
        using var stream = new MemoryStream(Workbooks.Template(Sector.Services, "Cabinet Ndoye"));
        using var workbook = WorkbookFile.Open(stream, UploadLimits.Upload);
        Assert.Equal(["Instructions", "Produits", "Ventes"], workbook.SheetNames);
        Assert.True(ImportEngine.CheckStructure(workbook).IsImportable);

        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(Workbooks.Template(Sector.Services)), false);
        var products = Workbooks.Worksheet(document, "Produits");
        var validations = products.Descendants<DocumentFormat.OpenXml.Spreadsheet.DataValidation>().ToList();
        Assert.Contains(validations, v => v.Formula1!.Text.Contains("Prestations", StringComparison.Ordinal));
        Assert.Equal(5, validations.Count);
        Assert.Single(products.Descendants<DocumentFormat.OpenXml.Spreadsheet.Pane>(), p => p.State! == DocumentFormat.OpenXml.Spreadsheet.PaneStateValues.Frozen);
        var sales = Workbooks.Worksheet(document, "Ventes").Descendants<DocumentFormat.OpenXml.Spreadsheet.DataValidation>().ToList();
        Assert.Contains(sales, v => v.Formula1!.Text == "CodesProduits");
        Assert.Contains(sales, v => v.Type! == DocumentFormat.OpenXml.Spreadsheet.DataValidationValues.Date && v.Formula2 is not null);
        Assert.Contains("OFFSET(Produits!$A$2", document.WorkbookPart!.Workbook.DefinedNames!.InnerText, StringComparison.Ordinal);
        Assert.Equal("modele-import-cabinet-ndoye-2026-11-21.xlsx", ImportTemplate.FileName("Cabinet Ndoye", new DateOnly(2026, 11, 21)));
    }

    private static CompanyInput Company(string name, string? ninea) => new(name, ninea, Sector.Retail, "SN", "Siège", "Dakar");

    internal static byte[] Generated(int products, int sales)
    {
        using var output = new MemoryStream();
        ImportTemplate.Write(output, new TemplateRequest("Bench", Sector.Retail, Workbooks.Today),
            Enumerable.Range(1, products).Select(i => new TemplateProduct($"P{i:00000}", $"Produit {i}", "Divers", 1000 + i, 700, 5, 1)),
            Enumerable.Range(0, sales).Select(i => new TemplateSale(Workbooks.Today.AddDays(-(i % 300)), $"P{(i % products) + 1:00000}", 1 + (i % 4), null)));
        return output.ToArray();
    }
}

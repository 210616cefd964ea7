using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Auditing;
using Portal.Domain.Common;
using Portal.Domain.Identity;
using Portal.Domain.Onboarding;
using Portal.Domain.Spreadsheets;
using Portal.Domain.Tenancy;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Files;
using Portal.Infrastructure.Identity;

namespace Portal.Infrastructure.Onboarding;

/// <summary>
/// The four steps of taking a new company on (platform staff only): company, users, template, import.
/// Every step is audited with the caller's IP and user agent, and the session remembers where it stopped.
/// </summary>
public sealed class OnboardingService(
    PortalDb portalDb,
    UserManager<PortalUser> users,
    AccountFactory accounts,
    CurrentUser user,
    AuditTrail audit,
    ImportFileStore files,
    ImportScheduler scheduler,
    SessionStore sessions,
    TimeProvider clock) : IImportRuns
{
    public const int TenantCreationsPerHour = 5;
    /// <summary>Accepted files per staff member and hour: the business limit. A fix-and-retry loop on refused files does not use it up.</summary>
    public const int UploadsPerHour = 10;

    /// <summary>Every upload attempt, accepted or not, per staff member and hour: the abuse limit.</summary>
    public const int UploadAttemptsPerHour = 60;
    public const int MaxUsers = 10;

    /// <summary>The roles a company's people can be given at onboarding, in the order the form offers them.</summary>
    public static readonly IReadOnlyList<string> TenantRoles = [Roles.Owner, Roles.Manager, Roles.Member];

    /// <summary>The sessions, newest activity first unless another column is asked for, filtered and paged in the database.</summary>
    public async Task<Page<OnboardingListItem>> ListAsync(OnboardingFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = Platform();
        var rows = db.OnboardingSessions.AsNoTracking()
            .Join(db.Tenants, s => s.TenantId, t => t.Id, (s, t) => new { s, t.Name, t.NormalizedName });
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var search = CompanyName.Normalize(filter.Search);
            rows = rows.Where(x => x.NormalizedName.Contains(search));
        }

        if (filter.Status is { } status)
        {
            rows = rows.Where(x => x.s.Status == status);
        }

        var total = await rows.CountAsync(cancellationToken);
        rows = (page.SortBy, page.Descending) switch
        {
            (nameof(OnboardingListItem.TenantName), false) => rows.OrderBy(x => x.NormalizedName),
            (nameof(OnboardingListItem.TenantName), true) => rows.OrderByDescending(x => x.NormalizedName),
            (nameof(OnboardingListItem.Status), false) => rows.OrderBy(x => x.s.Status).ThenByDescending(x => x.s.UpdatedAt),
            (nameof(OnboardingListItem.Status), true) => rows.OrderByDescending(x => x.s.Status).ThenByDescending(x => x.s.UpdatedAt),
            (nameof(OnboardingListItem.Step), false) => rows.OrderBy(x => x.s.CurrentStep).ThenByDescending(x => x.s.UpdatedAt),
            (nameof(OnboardingListItem.Step), true) => rows.OrderByDescending(x => x.s.CurrentStep).ThenByDescending(x => x.s.UpdatedAt),
            (nameof(OnboardingListItem.CreatedByName), false) => rows.OrderBy(x => x.s.CreatedByName).ThenByDescending(x => x.s.UpdatedAt),
            (nameof(OnboardingListItem.CreatedByName), true) => rows.OrderByDescending(x => x.s.CreatedByName).ThenByDescending(x => x.s.UpdatedAt),
            (nameof(OnboardingListItem.UpdatedAt), false) => rows.OrderBy(x => x.s.UpdatedAt),
            _ => rows.OrderByDescending(x => x.s.UpdatedAt),
        };
        var items = await rows.Skip(page.SafeSkip).Take(page.SafeTake)
            .Select(x => new OnboardingListItem(x.s.Id, x.Name, x.s.Status, x.s.CurrentStep, x.s.CreatedByName, x.s.CreatedAt, x.s.UpdatedAt, x.s.Error))
            .ToListAsync(cancellationToken);
        return new Page<OnboardingListItem>(items, total);
    }

    public async Task<OnboardingView> GetAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        await using var db = Platform();
        var session = await FindSessionAsync(db, sessionId, cancellationToken);
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == session.TenantId, cancellationToken);
        await using var tenantDb = portalDb.ForOnboarding(tenant.Id);
        var site = await tenantDb.Sites.AsNoTracking().Where(s => s.Type == SiteType.Main).FirstAsync(cancellationToken);
        var jobs = await db.ImportJobs.AsNoTracking().Where(j => j.SessionId == sessionId).OrderByDescending(j => j.CreatedAt).ToListAsync(cancellationToken);
        return new OnboardingView(
            session.Id, tenant.Id, tenant.Name, tenant.Ninea, tenant.Sector, tenant.Country, tenant.IsActive, site.Name, site.Address,
            session.Status, session.CurrentStep, session.Error, session.CreatedByName, session.CreatedAt, session.CompletedAt, ReadData(session),
            jobs.Select(ToView).FirstOrDefault(), jobs.Where(j => !j.DryRun).Select(ToView).FirstOrDefault());
    }

    /// <summary>Step 1: the company (inactive until its data is imported), its main site and the session.</summary>
    public async Task<Guid> CreateCompanyAsync(CompanyInput input, CancellationToken cancellationToken = default)
    {
        await using var db = Platform();
        await EnsureWithinRateAsync(db, AuditActions.CreateTenant, TenantCreationsPerHour, "créations d'entreprise", acceptedOnly: false, cancellationToken);

        Ninea? ninea = null;
        if (!string.IsNullOrWhiteSpace(input.Ninea) && !Ninea.TryParse(input.Ninea, out ninea, out var nineaError))
        {
            throw new DomainException(nineaError);
        }

        if (string.IsNullOrWhiteSpace(input.SiteName) || string.IsNullOrWhiteSpace(input.SiteAddress))
        {
            throw new DomainException("Le nom et l'adresse du site principal sont obligatoires.");
        }

        var country = Country.Parse(string.IsNullOrWhiteSpace(input.Country) ? Country.DefaultCode : input.Country);
        var tenant = new Tenant(CompanyName.Create(input.Name), ninea, input.Sector, country, "wizard:" + user.Name);
        await EnsureNotDuplicateAsync(db, tenant, cancellationToken);

        await using var tenantDb = portalDb.ForOnboarding(tenant.Id);
        var site = new Site(tenant.Id, input.SiteName, input.SiteAddress, SiteType.Main);
        var session = new OnboardingSession(tenant.Id, user.UserId!.Value, user.Name ?? "?");
        tenantDb.Tenants.Add(tenant);
        tenantDb.Sites.Add(site);
        tenantDb.OnboardingSessions.Add(session);
        tenantDb.AuditEntries.Add(audit.Entry(AuditActions.CreateTenant, "tenant", tenant.Id,
            new { tenant.Name, tenant.Ninea, sector = tenant.Sector.ToString(), tenant.Country, site = site.Name, session = session.Id }, tenant.Id));
        try
        {
            await tenantDb.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two staff members registering the same company at once: the unique indexes (name, NINEA) decide; say which.
            await EnsureNotDuplicateAsync(db, tenant, cancellationToken);
            throw;
        }

        return session.Id;
    }

    /// <summary>
    /// A new temporary password for one of the session's people while the onboarding is open (the printed page was lost):
    /// returned once, the previous one stops working, the person chooses their own at the next sign-in. Audited.
    /// </summary>
    public async Task<CreatedUser> RegenerateTemporaryPasswordAsync(Guid sessionId, string identifier, CancellationToken cancellationToken = default)
    {
        Guid tenantId;
        await using (var db = Platform())
        {
            var session = await FindSessionAsync(db, sessionId, cancellationToken);
            session.EnsureOpen();
            if (!ReadData(session).Users.Any(u => u.Identifier == identifier))
            {
                throw new NotFoundException("Cette personne ne fait pas partie de cette mise en service.");
            }

            tenantId = session.TenantId;
        }

        await using var tenantDb = portalDb.ForOnboarding(tenantId);
        var account = await tenantDb.Users.SingleOrDefaultAsync(u => u.TenantId == tenantId && u.UserName == identifier, cancellationToken)
            ?? throw new NotFoundException("Ce compte n'existe plus.");
        var password = PasswordPolicy.GenerateTemporary();
        accounts.ResetToTemporary(account, password);
        tenantDb.AuditEntries.Add(audit.Entry(AuditActions.RegenerateTemporaryPassword, "user", account.Id, new { identifier }, tenantId));
        await tenantDb.SaveChangesAsync(cancellationToken);
        await sessions.EndAllAsync(account.Id, SessionEndReasons.TemporaryPassword, cancellationToken);
        return new CreatedUser(account.DisplayName, identifier, account.Role, password);
    }

    /// <summary>Step 2: 1 to 10 users with temporary passwords (returned once, never stored in clear).</summary>
    public async Task<IReadOnlyList<CreatedUser>> CreateUsersAsync(Guid sessionId, IReadOnlyList<UserInput> rows, CancellationToken cancellationToken = default)
    {
        Guid tenantId;
        string country;
        await using (var db = Platform())
        {
            var existing = await FindSessionAsync(db, sessionId, cancellationToken);
            existing.EnsureOpen();
            if (ReadData(existing).Users.Count > 0)
            {
                throw new DomainException("Les utilisateurs de cette entreprise ont déjà été créés.");
            }

            tenantId = existing.TenantId;
            country = await db.Tenants.Where(t => t.Id == tenantId).Select(t => t.Country).SingleAsync(cancellationToken);
        }

        var parsed = ValidateUsers(rows, country);
        var identifiers = parsed.Select(p => p.Identifier.Value).ToList();
        // Identifiers are unique platform-wide: Identity's store is the one place that sees every tenant's people.
        var taken = await users.Users.AsNoTracking().Where(u => identifiers.Contains(u.UserName!)).Select(u => u.UserName!).ToListAsync(cancellationToken);
        if (taken.Count > 0)
        {
            throw new ValidationFailedException(parsed.Where(p => taken.Contains(p.Identifier.Value))
                .Select(p => $"Ligne {p.Row} ({p.Input.FirstName} {p.Input.LastName}) : l'identifiant {p.Identifier.Value} est déjà utilisé par un autre compte.").ToList());
        }

        // The accounts, the session's progress and the audit entry commit together, or nothing does.
        await using var tenantDb = portalDb.ForOnboarding(tenantId);
        var created = new List<CreatedUser>();
        foreach (var row in parsed)
        {
            var password = PasswordPolicy.GenerateTemporary();
            var account = accounts.Create(tenantId, row.Input.FirstName, row.Input.LastName, row.Input.Role, row.Identifier, password);
            tenantDb.Users.Add(account);
            created.Add(new CreatedUser(account.DisplayName, row.Identifier.Value, row.Input.Role, password));
        }

        var session = await FindSessionAsync(tenantDb, sessionId, cancellationToken);
        var data = ReadData(session) with { Users = created.Select(c => new OnboardingUser(c.Name, c.Identifier, c.Role)).ToList() };
        session.SaveData(JsonSerializer.Serialize(data, ImportRunner.Json));
        session.Reach(OnboardingStep.Template);
        tenantDb.AuditEntries.Add(audit.Entry(AuditActions.CreateUsers, "tenant", tenantId,
            new { users = created.Select(c => new { c.Identifier, c.Role }) }, tenantId));
        try
        {
            await tenantDb.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new ValidationFailedException(["Un des identifiants vient d'être attribué à un autre compte : vérifiez la liste et réessayez."]);
        }

        return created;
    }

    /// <summary>Step 3: the personalised template.</summary>
    public async Task<(string FileName, byte[] Content)> TemplateAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        await using var db = Platform();
        var session = await FindSessionAsync(db, sessionId, cancellationToken);
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == session.TenantId, cancellationToken);
        var today = DateOnly.FromDateTime(Now);
        using var output = new MemoryStream();
        ImportTemplate.Write(output, new TemplateRequest(tenant.Name, tenant.Sector, today));
        db.AuditEntries.Add(audit.Entry(AuditActions.DownloadTemplate, "tenant", tenant.Id, new { session = session.Id }, tenant.Id));
        await db.SaveChangesAsync(cancellationToken);
        return (ImportTemplate.FileName(tenant.Name, today), output.ToArray());
    }

    /// <summary>The staff member has the filled file: the wizard moves to the import step.</summary>
    public async Task ContinueToImportAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        await using var db = Platform();
        var session = await FindSessionAsync(db, sessionId, cancellationToken);
        if (ReadData(session).Users.Count == 0)
        {
            throw new DomainException("Créez d'abord les utilisateurs (étape 2).");
        }

        session.Reach(OnboardingStep.Import);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Step 4, upload: content checks and the structure check answer at once; the file is kept for Test and Import.</summary>
    public async Task<StructureReport> UploadAsync(Guid sessionId, string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        await using var db = Platform();
        var session = await FindSessionAsync(db, sessionId, cancellationToken);
        session.EnsureOpen();
        await EnsureWithinRateAsync(db, AuditActions.UploadTemplate, UploadAttemptsPerHour, "tentatives de dépôt", acceptedOnly: false, cancellationToken);

        using var buffer = new MemoryStream();
        var report = await ImportRuns.ReadUploadAsync(content, buffer, cancellationToken);

        var name = Path.GetFileName(fileName);
        // The last upload is the one Test and Import use: a refused file replaces the previous one with nothing, so a
        // click on Importer can never run the file the staff member just tried to replace.
        UploadedFile? upload = null;
        if (report.IsImportable)
        {
            // The business limit counts accepted files only, so it is checked once the file is known to be good.
            await EnsureWithinRateAsync(db, AuditActions.UploadTemplate, UploadsPerHour, "fichiers acceptés", acceptedOnly: true, cancellationToken);
            var key = await files.SaveAsync(session.TenantId, buffer, cancellationToken);
            upload = new UploadedFile(key, name, buffer.Length, Now, report.Notes);
        }

        session.SaveData(JsonSerializer.Serialize(ReadData(session) with { Upload = upload }, ImportRunner.Json));

        db.AuditEntries.Add(audit.Entry(AuditActions.UploadTemplate, "tenant", session.TenantId,
            new { file = name, size = buffer.Length, accepted = report.IsImportable, problems = report.Problems }, session.TenantId));
        await db.SaveChangesAsync(cancellationToken);
        return report;
    }

    /// <summary>Test (validation only) or Import: queues a job over the last accepted upload.</summary>
    public async Task<Guid> StartAsync(Guid sessionId, bool dryRun, CancellationToken cancellationToken = default)
    {
        await using var db = Platform();
        var session = await FindSessionAsync(db, sessionId, cancellationToken);
        session.EnsureOpen();
        var data = ReadData(session);
        var upload = data.Upload ?? throw new DomainException("Déposez d'abord le fichier rempli.");
        if (data.Users.Count == 0)
        {
            throw new DomainException("Créez d'abord les utilisateurs (étape 2).");
        }

        if (await db.ImportJobs.AnyAsync(j => j.SessionId == sessionId && (j.Status == ImportStatus.Pending || j.Status == ImportStatus.Running), cancellationToken))
        {
            throw new DomainException("Un test ou un import est déjà en cours pour cette entreprise.");
        }

        var job = new ImportJob(session.TenantId, session.Id, dryRun, upload.Name, upload.Size, upload.Key, user.UserId!.Value, user.Name ?? "?");
        db.ImportJobs.Add(job);
        db.AuditEntries.Add(audit.Entry(dryRun ? AuditActions.TestImport : AuditActions.ImportData, "import_job", job.Id,
            new { file = upload.Name, status = "queued" }, session.TenantId));
        await db.SaveChangesAsync(cancellationToken);
        await scheduler.EnqueueAsync(job.Id, cancellationToken);
        return job.Id;
    }

    public async Task<ImportJobView> GetJobAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        await using var db = Platform();
        return ToView(await FindJobAsync(db, jobId, cancellationToken));
    }

    public async Task<(IReadOnlyList<ImportIssue> Issues, int Kept, int Total)> GetIssuesAsync(Guid jobId, int skip, int take, CancellationToken cancellationToken = default)
    {
        await using var db = Platform();
        return ImportRuns.Issues(await FindJobAsync(db, jobId, cancellationToken), skip, take);
    }

    public string ErrorReportUrl(Guid jobId) => $"admin/onboarding/imports/{jobId}/errors";

    /// <summary>The uploaded workbook with the faulty cells in red and an "Erreurs" sheet (a temporary file, gone once the stream is closed).</summary>
    public async Task<(string FileName, Stream Content)> ErrorReportAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        await using var db = Platform();
        return await ImportRuns.ErrorReportAsync(await FindJobAsync(db, jobId, cancellationToken), files, cancellationToken);
    }

    private List<(int Row, UserInput Input, UserIdentifier Identifier)> ValidateUsers(IReadOnlyList<UserInput> rows, string country)
    {
        var errors = new List<string>();
        if (rows.Count is 0 or > MaxUsers)
        {
            throw new ValidationFailedException([$"Saisissez entre 1 et {MaxUsers} utilisateurs."]);
        }

        var parsed = new List<(int, UserInput, UserIdentifier)>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var number = i + 1;
            if (string.IsNullOrWhiteSpace(row.FirstName) || string.IsNullOrWhiteSpace(row.LastName))
            {
                errors.Add($"Ligne {number} : le prénom et le nom sont obligatoires.");
            }
            else if (row.FirstName.Trim().Length > 100 || row.LastName.Trim().Length > 100)
            {
                errors.Add($"Ligne {number} : le prénom et le nom ne doivent pas dépasser 100 caractères.");
            }

            if (!TenantRoles.Contains(row.Role))
            {
                errors.Add($"Ligne {number} : rôle inconnu.");
            }

            // An email or a phone number, recognised from what was typed (an '@' makes it an email).
            if (!UserIdentifier.TryParse(row.Identifier, out var identifier, out var error, country))
            {
                errors.Add($"Ligne {number} : {error}");
                continue;
            }

            if (seen.TryGetValue(identifier.Value, out var first))
            {
                errors.Add($"Ligne {number} : l'identifiant {identifier.Value} est déjà saisi à la ligne {first}.");
                continue;
            }

            seen[identifier.Value] = number;
            parsed.Add((number, row, identifier));
        }

        if (!rows.Any(r => r.Role == Roles.Owner))
        {
            errors.Add("Au moins un utilisateur doit avoir le rôle Propriétaire.");
        }

        return errors.Count > 0 ? throw new ValidationFailedException(errors) : parsed;
    }

    private static async Task EnsureNotDuplicateAsync(PortalDbContext db, Tenant tenant, CancellationToken cancellationToken)
    {
        var existing = await db.Tenants.AsNoTracking()
            .Where(t => t.Id != tenant.Id && (t.NormalizedName == tenant.NormalizedName || (tenant.Ninea != null && t.Ninea == tenant.Ninea)))
            .Select(t => new { t.Id, t.Name, t.Ninea })
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is null)
        {
            return;
        }

        var session = await db.OnboardingSessions.AsNoTracking().Where(s => s.TenantId == existing.Id).OrderByDescending(s => s.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        var why = tenant.Ninea is not null && existing.Ninea == tenant.Ninea ? $"le NINEA {tenant.Ninea}" : "ce nom";
        throw new DuplicateCompanyException(
            session is null
                ? $"L'entreprise « {existing.Name} » ({why}) existe déjà sur la plateforme."
                : session.IsOpen
                    ? $"L'entreprise « {existing.Name} » ({why}) a déjà un onboarding en cours (étape {(int)session.CurrentStep} : {Labels.Of(session.CurrentStep)}) : reprenez-le plutôt que d'en créer un second."
                    : $"L'entreprise « {existing.Name} » ({why}) a déjà été intégrée.",
            session?.Id);
    }

    private Task EnsureWithinRateAsync(PortalDbContext db, string action, int perHour, string what, bool acceptedOnly, CancellationToken cancellationToken) =>
        ImportRuns.EnsureWithinRateAsync(db.AuditEntries, user.UserId, action, perHour, what, acceptedOnly, Now, cancellationToken);

    private static OnboardingData ReadData(OnboardingSession session) =>
        JsonSerializer.Deserialize<OnboardingData>(session.Data, ImportRunner.Json) is { Users: not null } data ? data : OnboardingData.Empty;

    private static ImportJobView ToView(ImportJob job) => ImportRuns.ToView(job);

    private static async Task<OnboardingSession> FindSessionAsync(PortalDbContext db, Guid sessionId, CancellationToken cancellationToken) =>
        await db.OnboardingSessions.SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken)
        ?? throw new NotFoundException("Cet onboarding est introuvable.");

    private static async Task<ImportJob> FindJobAsync(PortalDbContext db, Guid jobId, CancellationToken cancellationToken) =>
        await db.ImportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken)
        ?? throw new NotFoundException("Cet import est introuvable.");

    private PortalDbContext Platform() => portalDb.ForCurrentUser(Permissions.Onboarding.Manage);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}

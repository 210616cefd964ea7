using Microsoft.EntityFrameworkCore;
using Portal.Domain.Auditing;
using Portal.Domain.Common;
using Portal.Domain.Identity;
using Portal.Domain.Onboarding;
using Portal.Domain.Spreadsheets;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Files;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Onboarding;

namespace Portal.Infrastructure.Imports;

/// <summary>
/// The company's own imports (<c>/app/import</c>, Owner and Manager): the onboarding template and engine in append mode.
/// New products are created, known ones updated, sales appended, and lines identical to stored ones skipped unless the
/// user confirms them. Audited and rate-limited like the wizard (the same actions, with <c>mode = "append"</c>).
/// Import runs are platform records: this service reads them with an explicit filter on the caller's company, so another
/// company's run is "introuvable".
/// </summary>
public sealed class SelfImportService(
    PortalDb portalDb,
    CurrentUser user,
    AuditTrail audit,
    ImportFileStore files,
    ImportScheduler scheduler,
    TimeProvider clock) : IImportRuns
{
    private const string Mode = "append";

    public async Task<(string FileName, byte[] Content)> TemplateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = Open(out var tenantId);
        var tenant = await Tenants(db).SingleAsync(t => t.Id == tenantId, cancellationToken);
        var today = DateOnly.FromDateTime(Now);
        using var output = new MemoryStream();
        ImportTemplate.Write(output, new TemplateRequest(tenant.Name, tenant.Sector, today));
        db.AuditEntries.Add(audit.Entry(AuditActions.DownloadTemplate, "tenant", tenantId, new { mode = Mode }, tenantId));
        await db.SaveChangesAsync(cancellationToken);
        return (ImportTemplate.FileName(tenant.Name, today), output.ToArray());
    }

    /// <summary>Content checks and the structure check answer at once; an accepted file is kept for Test and Import.</summary>
    /// <returns>The report, and the stored file when it is importable.</returns>
    public async Task<(StructureReport Report, UploadedFile? Upload)> UploadAsync(string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        await using var db = Open(out var tenantId);
        await EnsureWithinRateAsync(db, OnboardingService.UploadAttemptsPerHour, "tentatives de dépôt", acceptedOnly: false, cancellationToken);

        using var buffer = new MemoryStream();
        var report = await ImportRuns.ReadUploadAsync(content, buffer, cancellationToken);
        var name = Path.GetFileName(fileName);
        UploadedFile? upload = null;
        if (report.IsImportable)
        {
            await EnsureWithinRateAsync(db, OnboardingService.UploadsPerHour, "fichiers acceptés", acceptedOnly: true, cancellationToken);
            var key = await files.SaveAsync(tenantId, buffer, cancellationToken);
            upload = new UploadedFile(key, name, buffer.Length, Now, report.Notes);
        }

        db.AuditEntries.Add(audit.Entry(AuditActions.UploadTemplate, "tenant", tenantId,
            new { mode = Mode, file = name, size = buffer.Length, accepted = report.IsImportable, problems = report.Problems }, tenantId));
        await db.SaveChangesAsync(cancellationToken);
        return (report, upload);
    }

    /// <summary>Test (validation only) or Import of an accepted upload of this company.</summary>
    /// <param name="upload">The file <see cref="UploadAsync"/> accepted.</param>
    /// <param name="dryRun">True for Test: every rule runs, nothing is written.</param>
    /// <param name="includeDuplicates">Import lines identical to stored ones too (the user confirmed them).</param>
    /// <param name="cancellationToken">Cancels the queueing, not the run.</param>
    public async Task<Guid> StartAsync(UploadedFile upload, bool dryRun, bool includeDuplicates, CancellationToken cancellationToken = default)
    {
        await using var db = Open(out var tenantId);
        // Keys come from the file store, never from the user; one of another company's folder is refused all the same.
        if (!upload.Key.StartsWith($"imports/{tenantId:N}/", StringComparison.Ordinal))
        {
            throw new NotFoundException("Ce fichier est introuvable : déposez-le à nouveau.");
        }

        Guid jobId;
        // Check and queue in one transaction that two starts cannot share (SQLite: BEGIN IMMEDIATE, one writer at a time;
        // PostgreSQL: the company's row locked), so two clicks at the same instant never queue two runs.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"Tenants\" WHERE \"Id\" = {tenantId} FOR UPDATE", cancellationToken);
            }

            if (await Jobs(db, tenantId, anyMode: true).AnyAsync(j => j.Status == ImportStatus.Pending || j.Status == ImportStatus.Running, cancellationToken))
            {
                throw new DomainException("Un test ou un import est déjà en cours pour votre entreprise.");
            }

            var job = ImportJob.Append(tenantId, dryRun, includeDuplicates, upload.Name, upload.Size, upload.Key, user.UserId!.Value, user.Name ?? "?");
            db.ImportJobs.Add(job);
            db.AuditEntries.Add(audit.Entry(dryRun ? AuditActions.TestImport : AuditActions.ImportData, "import_job", job.Id,
                new { mode = Mode, file = upload.Name, includeDuplicates, status = "queued" }, tenantId));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            jobId = job.Id;
        }

        await scheduler.EnqueueAsync(jobId, cancellationToken);
        return jobId;
    }

    public async Task<ImportJobView> GetJobAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        await using var db = Open(out var tenantId);
        return ImportRuns.ToView(await FindJobAsync(db, tenantId, jobId, cancellationToken));
    }

    /// <summary>The company's latest run, to show where it stands when the page is opened again.</summary>
    public async Task<ImportJobView?> LatestAsync(CancellationToken cancellationToken = default)
    {
        await using var db = Open(out var tenantId);
        var job = await Jobs(db, tenantId).OrderByDescending(j => j.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        return job is null ? null : ImportRuns.ToView(job);
    }

    public async Task<(IReadOnlyList<ImportIssue> Issues, int Kept, int Total)> GetIssuesAsync(Guid jobId, int skip, int take, CancellationToken cancellationToken = default)
    {
        await using var db = Open(out var tenantId);
        return ImportRuns.Issues(await FindJobAsync(db, tenantId, jobId, cancellationToken), skip, take);
    }

    public string ErrorReportUrl(Guid jobId) => $"app/import/runs/{jobId}/errors";

    /// <summary>The uploaded workbook with the faulty cells in red and an "Erreurs" sheet (a temporary file, gone once the stream is closed).</summary>
    public async Task<(string FileName, Stream Content)> ErrorReportAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        await using var db = Open(out var tenantId);
        return await ImportRuns.ErrorReportAsync(await FindJobAsync(db, tenantId, jobId, cancellationToken), files, cancellationToken);
    }

    private PortalDbContext Open(out Guid tenantId)
    {
        var db = portalDb.ForCurrentUser(Permissions.Dashboard.Manage);
        if (user.TenantId is not { } id)
        {
            db.Dispose();
            throw new ForbiddenException(Permissions.Dashboard.Manage.DeniedMessage);
        }

        tenantId = id;
        return db;
    }

    // The platform's records, narrowed by hand to the caller's own company and person: the only reads of them here.
    private static IQueryable<ImportJob> Jobs(PortalDbContext db, Guid tenantId, bool anyMode = false) =>
        db.ImportJobs.IgnoreQueryFilters([PortalDbContext.OwnershipFilter]).AsNoTracking()
            .Where(j => j.TenantId == tenantId && (anyMode || j.Mode == ImportMode.Append));

    private static IQueryable<Domain.Tenancy.Tenant> Tenants(PortalDbContext db) =>
        db.Tenants.IgnoreQueryFilters([PortalDbContext.OwnershipFilter]).AsNoTracking();

    private Task EnsureWithinRateAsync(PortalDbContext db, int perHour, string what, bool acceptedOnly, CancellationToken cancellationToken) =>
        ImportRuns.EnsureWithinRateAsync(db.AuditEntries.IgnoreQueryFilters([PortalDbContext.OwnershipFilter]), user.UserId, AuditActions.UploadTemplate,
            perHour, what, acceptedOnly, Now, cancellationToken);

    private static async Task<ImportJob> FindJobAsync(PortalDbContext db, Guid tenantId, Guid jobId, CancellationToken cancellationToken) =>
        await Jobs(db, tenantId).SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken)
        ?? throw new NotFoundException("Cet import est introuvable.");

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}

using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Domain.Auditing;
using Portal.Domain.Common;
using Portal.Domain.Onboarding;
using Portal.Domain.Onboarding.Import;
using Portal.Domain.Spreadsheets;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Dashboard;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Messaging;
using Portal.Infrastructure.Files;
using Portal.Infrastructure.Spreadsheets;

namespace Portal.Infrastructure.Onboarding;

/// <summary>
/// Runs one import job end to end: read and validate the stored workbook, then (for an import) write every
/// product and sale, activate the tenant and close the onboarding in a single transaction. An append run (the
/// company's own import) creates and updates products and appends sales in the same way, without a session. A job
/// already finished is left alone, so a retried run never inserts twice; a run that dies mid-way leaves nothing.
/// </summary>
public sealed class ImportRunner(
    PortalDb portalDb,
    ImportFileStore files,
    ImportProgressNotifier notifier,
    MessageOutbox outbox,
    SalesChanges salesChanges,
    InsightsScheduler insights,
    AuditTrail audit,
    TimeProvider clock,
    ILogger<ImportRunner> logger)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static readonly string[] Dashboards = ["sales", "stock"];

    /// <param name="jobId">The run to do; a run already finished is left alone.</param>
    /// <param name="cancellationToken">Stops the run; nothing of it is kept.</param>
    /// <param name="observe">Sees every progress report; the tests use it to break a run half-way.</param>
    public async Task RunAsync(Guid jobId, CancellationToken cancellationToken = default, Action<ImportProgress>? observe = null)
    {
        Guid tenantId;
        await using (var lookup = portalDb.ForJob(null, "import"))
        {
            var found = await lookup.ImportJobs.AsNoTracking().Where(j => j.Id == jobId).Select(j => (Guid?)j.TenantId).SingleOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return;
            }

            tenantId = found.Value;
        }

        await using var db = Open(tenantId);
        var job = await db.ImportJobs.SingleAsync(j => j.Id == jobId, cancellationToken);
        if (job.IsFinished)
        {
            return;
        }

        var session = job.SessionId is { } sessionId ? await db.OnboardingSessions.SingleAsync(s => s.Id == sessionId, cancellationToken) : null;
        var tenant = await db.Tenants.SingleAsync(t => t.Id == job.TenantId, cancellationToken);
        job.Start(Now);
        await db.SaveChangesAsync(cancellationToken);

        var progress = new ProgressTracker(notifier, () => Open(tenantId), jobId, observe);
        var read = Stopwatch.StartNew();
        // An append looks stored sales up while the writer's connection streams: it reads through a second one.
        await using var lookups = job.Mode == ImportMode.Append ? Open(tenantId) : null;
        try
        {
            var currency = Currency.ForCountry(tenant.Country);
            var today = DateOnly.FromDateTime(Now);
            var siteId = await db.Sites.Where(s => s.TenantId == tenant.Id && s.Type == Domain.Tenancy.SiteType.Main).Select(s => s.Id).FirstAsync(cancellationToken);
            var validator = lookups is null
                ? new ImportValidator(currency, today, (await db.Products.Where(p => p.TenantId == tenant.Id).Select(p => p.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.OrdinalIgnoreCase))
                : new ImportValidator(currency, today, await AppendContextAsync(lookups, tenant.Id, siteId, job.IncludeDuplicates, cancellationToken));
            var write = new Stopwatch();
            long totalRows = 1;
            // While PostgreSQL streams, the reading progress already counts the rows sent.
            var streams = db.Database.IsNpgsql();
            using var writer = job.DryRun ? null : ImportWriter.Start(db, tenant.Id, siteId, Now, rows =>
            {
                if (!streams)
                {
                    progress.Report(new ImportProgress(ImportPhase.Saving, ImportEngine.ReadShare + (int)((98 - ImportEngine.ReadShare) * (rows / (double)totalRows)), rows, rows, totalRows));
                }
            });
            ImportAnalysis analysis;
            await using (var stream = files.OpenRead(job.StoredFile))
            using (var workbook = WorkbookFile.Open(stream, UploadLimits.Upload))
            {
                var readShare = job.DryRun ? 100 : writer!.Streams ? 95 : ImportEngine.ReadShare;
                analysis = ImportEngine.Analyze(workbook, validator, progress.Report, readShare, writer);
            }

            read.Stop();
            totalRows = Math.Max(1, analysis.ProductCount + analysis.SaleCount);
            var quality = analysis.Quality();
            ImportStats Stats(double writeSeconds) => new(
                job.DryRun, analysis.ProductCount, analysis.SaleCount, analysis.Validator.Sales.Sum(s => s.TotalAmount), currency.Code,
                quality.Score, quality.Completeness, quality.MonthsOfHistory, quality.Anomalies, read.Elapsed.TotalSeconds, writeSeconds,
                analysis.Validator.Warnings, validator.Appends ? ImportAppendStats.Of(validator, job.IncludeDuplicates) : null);

            if (!analysis.Validator.IsValid)
            {
                writer?.Dispose();
                var errors = new ImportErrors(analysis.Validator.IssueCount, analysis.Validator.Issues);
                job.Fail(errors.Total, JsonSerializer.Serialize(errors, Json), JsonSerializer.Serialize(Stats(0), Json), Now);
                session?.RecordError($"{errors.Total} erreur(s) dans le fichier « {job.FileName} ».");
                await NotifyAsync(db, job, tenant.Name, null, $"{errors.Total} erreur(s) à corriger dans le fichier.", cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                return;
            }

            if (writer is null)
            {
                job.Succeed(JsonSerializer.Serialize(Stats(0), Json), analysis.RowsRead, Now);
                await db.SaveChangesAsync(cancellationToken);
                return;
            }

            write.Start();
            var total = analysis.ProductCount + analysis.SaleCount;
            if (!writer.Streams)
            {
                // SQLite has one writer: the job row cannot be updated from elsewhere once the write starts.
                progress.Save(new ImportProgress(ImportPhase.Saving, ImportEngine.ReadShare, 0, 0, total));
            }

            job.Report(ImportPhase.Saving, ImportEngine.ReadShare, total);
            writer.Complete(analysis);
            progress.Report(new ImportProgress(ImportPhase.Finishing, 99, total));
            if (session is not null)
            {
                tenant.Activate();
                tenant.EnableDashboards(Dashboards);
                session.Complete(Now);
            }

            write.Stop();
            var stats = Stats(write.Elapsed.TotalSeconds);
            job.Succeed(JsonSerializer.Serialize(stats, Json), analysis.RowsRead, Now);
            db.AuditEntries.Add(audit.Anonymous(AuditActions.ImportData, job.RequestedById, job.RequestedByName, tenant.Id, stats.Append is { } append
                ? new { status = "succeeded", mode = "append", append.Created, append.Updated, stats.Sales, append.Duplicates, append.DuplicatesImported }
                : new { status = "succeeded", stats.Products, stats.Sales, stats.QualityScore }, "import_job", job.Id));
            await NotifyAsync(db, job, tenant.Name, stats, null, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await writer.Transaction!.CommitAsync(cancellationToken);
            salesChanges.Signal(tenant.Id);
            await insights.QueueAsync(tenant.Id, CancellationToken.None);
            await SqliteStatistics.RefreshAsync(db.Database, logger, CancellationToken.None);
        }
        catch (Exception e) when (e is ImportFileException or DomainException)
        {
            await FailAsync(jobId, tenantId, e.Message, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Import job {JobId} failed", jobId);
            await FailAsync(jobId, tenantId, "L'import a échoué à cause d'une erreur inattendue : rien n'a été enregistré. Réessayez ; si le problème persiste, contactez l'équipe technique (référence " + jobId.ToString("N")[..8] + ").", cancellationToken);
        }
        finally
        {
            notifier.Finished(jobId);
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Records a run that could not finish, in a fresh context (the failed one may hold a rolled-back transaction).</summary>
    private async Task FailAsync(Guid jobId, Guid tenantId, string message, CancellationToken cancellationToken)
    {
        await using var db = Open(tenantId);
        var job = await db.ImportJobs.SingleAsync(j => j.Id == jobId, cancellationToken);
        var session = job.SessionId is { } sessionId ? await db.OnboardingSessions.SingleAsync(s => s.Id == sessionId, cancellationToken) : null;
        var tenantName = await db.Tenants.Where(t => t.Id == job.TenantId).Select(t => t.Name).SingleAsync(cancellationToken);
        job.Fail(1, JsonSerializer.Serialize(new ImportErrors(1, [new ImportIssue("Fichier", 0, string.Empty, job.FileName, message)]), Json), null, Now);
        session?.RecordError(message);
        await NotifyAsync(db, job, tenantName, null, message, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Tells the staff member who started a real onboarding import how it ended (in the run's own commit); a test run tells
    /// no one, nor does a company's own import (its page follows the run live and shows the result).
    /// </summary>
    private async Task NotifyAsync(PortalDbContext db, ImportJob job, string tenantName, ImportStats? stats, string? failure, CancellationToken cancellationToken)
    {
        if (job.DryRun || job.Mode == ImportMode.Append)
        {
            return;
        }

        var model = new Dictionary<string, object?>
        {
            ["tenant"] = new { name = tenantName },
            ["import"] = new { file = job.FileName, reason = failure, products = stats?.Products.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")), sales = stats?.Sales.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")), quality = stats?.QualityScore },
        };
        await outbox.QueueAsync(db, new MessageRequest(stats is null ? MessageKinds.ImportFailed : MessageKinds.ImportSucceeded, [job.RequestedById], $"import:{job.Id:N}")
        {
            TenantId = job.TenantId,
            Model = model,
            Link = $"/admin/onboarding/{job.SessionId}",
        }, cancellationToken);
    }

    /// <summary>The company's products by code and its stored lines at the main site (read a month at a time, when the file asks).</summary>
    private static async Task<AppendContext> AppendContextAsync(PortalDbContext lookups, Guid tenantId, Guid siteId, bool includeDuplicates, CancellationToken cancellationToken)
    {
        var products = await lookups.Products.AsNoTracking().Where(p => p.TenantId == tenantId)
            .Select(p => new StoredProduct(p.Id, p.Code, p.Name, p.Category, p.UnitPrice, p.CostPrice, p.CurrentStock, p.ReorderPoint))
            .ToListAsync(cancellationToken);
        var sales = new StoredSales(month =>
        {
            var next = month.AddMonths(1);
            return lookups.Sales.AsNoTracking()
                .Where(s => s.TenantId == tenantId && s.SiteId == siteId && s.Date >= month && s.Date < next)
                .Select(s => new SaleKey(s.Date, s.ProductId, s.Quantity, s.UnitPrice))
                .ToList();
        });
        return new AppendContext(products.ToDictionary(p => p.Code, StringComparer.OrdinalIgnoreCase), sales, includeDuplicates);
    }

    // The runner has no signed-in user: the job's door shows the job's tenant and the platform's records, nothing else.
    private PortalDbContext Open(Guid tenantId) => portalDb.ForJob(tenantId, "import");

    /// <summary>Publishes every report live; writes reading progress to the job row every 5 points (never inside the write transaction).</summary>
    private sealed class ProgressTracker(ImportProgressNotifier notifier, Func<PortalDbContext> open, Guid jobId, Action<ImportProgress>? observe)
    {
        private int savedPercent = -100;

        public void Report(ImportProgress progress)
        {
            observe?.Invoke(progress);
            notifier.Publish(jobId, progress);
            if (progress.Phase is ImportPhase.ReadingProducts or ImportPhase.ReadingSales && progress.Percent - savedPercent >= 5)
            {
                Save(progress);
            }
        }

        /// <summary>Writes the figures to the job row (called from the synchronous reading loop, hence not async).</summary>
        public void Save(ImportProgress progress)
        {
            notifier.Publish(jobId, progress);
            savedPercent = progress.Percent;
            using var db = open();
            db.ImportJobs.Where(j => j.Id == jobId).ExecuteUpdate(
                set => set.SetProperty(j => j.Phase, progress.Phase).SetProperty(j => j.ProgressPercent, progress.Percent).SetProperty(j => j.RowsDone, progress.RowsDone));
        }
    }
}

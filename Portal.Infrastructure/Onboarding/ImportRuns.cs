using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Auditing;
using Portal.Domain.Common;
using Portal.Domain.Onboarding;
using Portal.Domain.Onboarding.Import;
using Portal.Domain.Spreadsheets;
using Portal.Infrastructure.Files;
using Portal.Infrastructure.Spreadsheets;

namespace Portal.Infrastructure.Onboarding;

/// <summary>A service whose import runs a page can follow: the wizard's (staff) or the company's own.</summary>
public interface IImportRuns
{
    Task<ImportJobView> GetJobAsync(Guid jobId, CancellationToken cancellationToken = default);

    /// <summary>A page of a failed run's errors, in file order.</summary>
    Task<(IReadOnlyList<ImportIssue> Issues, int Kept, int Total)> GetIssuesAsync(Guid jobId, int skip, int take, CancellationToken cancellationToken = default);

    /// <summary>Where the error report of a failed run downloads from.</summary>
    string ErrorReportUrl(Guid jobId);
}

/// <summary>What the wizard's and the company's import services do alike: read an upload, limit the rate, read a run back.</summary>
internal static class ImportRuns
{
    /// <summary>Copies the upload within the size limit and checks its structure; a broken file is a report, not an exception.</summary>
    public static async Task<StructureReport> ReadUploadAsync(Stream content, MemoryStream buffer, CancellationToken cancellationToken)
    {
        try
        {
            await CopyWithLimitAsync(content, buffer, UploadLimits.Upload.MaxFileBytes, cancellationToken);
            using var workbook = WorkbookFile.Open(buffer, UploadLimits.Upload);
            return ImportEngine.CheckStructure(workbook);
        }
        catch (ImportFileException e)
        {
            return new StructureReport([e.Message], []);
        }
    }

    /// <summary>
    /// Counted from the audit trail (every attempt is audited in the same commit as its effect); an accepted upload's entry
    /// says "accepted":true. <paramref name="entries"/> are the trail as the caller's context may read it.
    /// </summary>
    /// <param name="entries">The audit trail.</param>
    /// <param name="actorId">The person whose attempts count.</param>
    /// <param name="action">The audited action counted.</param>
    /// <param name="perHour">The limit.</param>
    /// <param name="what">What is counted, in the French message.</param>
    /// <param name="acceptedOnly">Count only accepted uploads.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public static async Task EnsureWithinRateAsync(
        IQueryable<AuditEntry> entries, Guid? actorId, string action, int perHour, string what, bool acceptedOnly, DateTime now, CancellationToken cancellationToken)
    {
        var since = now.AddHours(-1);
        var recent = await entries.AsNoTracking()
            .Where(a => a.ActorId == actorId && a.Action == action && a.At >= since && (!acceptedOnly || a.Details.Contains("\"accepted\":true")))
            .OrderBy(a => a.At).Select(a => a.At).ToListAsync(cancellationToken);
        if (recent.Count >= perHour)
        {
            var minutes = Math.Max(1, (int)Math.Ceiling((recent[^perHour] - since).TotalMinutes));
            throw new DomainException($"Limite atteinte : {perHour} {what} par heure et par personne. Réessayez dans {minutes} min.");
        }
    }

    public static ImportErrors ReadErrors(ImportJob job) =>
        job.ErrorDetails is null
            ? new ImportErrors(0, [])
            : JsonSerializer.Deserialize<ImportErrors>(job.ErrorDetails, ImportRunner.Json) ?? new ImportErrors(0, []);

    public static (IReadOnlyList<ImportIssue> Issues, int Kept, int Total) Issues(ImportJob job, int skip, int take)
    {
        var errors = ReadErrors(job);
        return (errors.Issues.Skip(skip).Take(Math.Clamp(take, 1, 200)).ToList(), errors.Issues.Count, errors.Total);
    }

    public static ImportJobView ToView(ImportJob job) => new(
        job.Id, job.DryRun, job.Status, job.Phase, job.ProgressPercent, job.RowsDone, job.ErrorCount,
        job.Stats is null ? null : JsonSerializer.Deserialize<ImportStats>(job.Stats, ImportRunner.Json),
        job.FileName, job.CreatedAt, job.StartedAt, job.CompletedAt);

    /// <summary>
    /// The uploaded workbook with the faulty cells in red and an "Erreurs" sheet listing every problem kept, as a temporary
    /// file that disappears when the returned stream is closed.
    /// </summary>
    public static async Task<(string FileName, Stream Content)> ErrorReportAsync(ImportJob job, ImportFileStore files, CancellationToken cancellationToken)
    {
        var errors = ReadErrors(job);
        // A build streams the workbook (a few MB of memory) but keeps a core busy: two at a time per server, the others
        // wait their turn.
        if (!await ErrorReport.Builds.WaitAsync(TimeSpan.FromMinutes(1), cancellationToken))
        {
            throw new DomainException("Plusieurs rapports d'erreurs sont en cours de préparation : réessayez dans une minute.");
        }

        var report = new FileStream(Path.Combine(Path.GetTempPath(), $"portal-report-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        try
        {
            await using (var stored = files.OpenRead(job.StoredFile))
            {
                ErrorReport.Build(stored, report, [ImportSchema.Products, ImportSchema.Sales], errors.Issues, errors.Total);
            }

            report.Position = 0;
            return ($"erreurs-{Path.GetFileNameWithoutExtension(job.FileName)}.xlsx", report);
        }
        catch
        {
            await report.DisposeAsync();
            throw;
        }
        finally
        {
            ErrorReport.Builds.Release();
        }
    }

    private static async Task CopyWithLimitAsync(Stream source, MemoryStream target, long limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (target.Length + read > limit)
            {
                throw new ImportFileException($"Le fichier dépasse la taille maximale de {UploadLimits.Upload.MaxFileLabel}.");
            }

            target.Write(buffer, 0, read);
        }

        target.Position = 0;
    }
}

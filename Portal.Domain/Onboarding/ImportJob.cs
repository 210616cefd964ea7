using Portal.Domain.Common;

namespace Portal.Domain.Onboarding;

/// <summary>
/// One run of the importer over an uploaded workbook: a test (validation only) or an import, of the onboarding wizard
/// (platform staff, within a session) or of the company itself (<see cref="ImportMode.Append"/>, no session). Progress is
/// written here so a reloaded page shows where the run stands.
/// </summary>
public sealed class ImportJob : ITenantStarted
{
    public const int FileNameMaxLength = 255;

    private ImportJob()
    {
    }

    public ImportJob(Guid tenantId, Guid sessionId, bool dryRun, string fileName, long fileSize, string storedFile, Guid requestedById, string requestedByName)
        : this(tenantId, sessionId, ImportMode.Onboarding, dryRun, includeDuplicates: false, fileName, fileSize, storedFile, requestedById, requestedByName)
    {
    }

    private ImportJob(
        Guid tenantId, Guid? sessionId, ImportMode mode, bool dryRun, bool includeDuplicates, string fileName, long fileSize, string storedFile, Guid requestedById, string requestedByName)
    {
        Id = Guid.NewGuid();
        TenantId = tenantId;
        SessionId = sessionId;
        Mode = mode;
        IncludeDuplicates = includeDuplicates;
        DryRun = dryRun;
        FileName = fileName.Length > FileNameMaxLength ? fileName[..FileNameMaxLength] : fileName;
        FileSize = fileSize;
        StoredFile = storedFile;
        RequestedById = requestedById;
        RequestedByName = requestedByName;
        Status = ImportStatus.Pending;
        Phase = ImportPhase.Queued;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>The onboarding session of a wizard run; null for the company's own imports.</summary>
    public Guid? SessionId { get; private set; }

    public ImportMode Mode { get; private set; }

    /// <summary>For an append: lines identical to stored ones are imported too (the user confirmed them).</summary>
    public bool IncludeDuplicates { get; private set; }

    /// <summary>True for "Tester": every rule runs, nothing is written.</summary>
    public bool DryRun { get; private set; }

    public ImportStatus Status { get; private set; }

    public string FileName { get; private set; } = string.Empty;

    public long FileSize { get; private set; }

    /// <summary>The uploaded file's key in the import file store.</summary>
    public string StoredFile { get; private set; } = string.Empty;

    public Guid RequestedById { get; private set; }

    public string RequestedByName { get; private set; } = string.Empty;

    public ImportPhase Phase { get; private set; }

    public int ProgressPercent { get; private set; }

    public long RowsDone { get; private set; }

    /// <summary>Counts and quality score as JSON, once the run ends.</summary>
    public string? Stats { get; private set; }

    /// <summary>The rule violations found (JSON), or the reason the run failed.</summary>
    public string? ErrorDetails { get; private set; }

    public int ErrorCount { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? StartedAt { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    public bool IsFinished => Status is ImportStatus.Succeeded or ImportStatus.Failed;

    /// <summary>A run of the company's own import page: new products created, known ones updated, sales appended.</summary>
    public static ImportJob Append(
        Guid tenantId, bool dryRun, bool includeDuplicates, string fileName, long fileSize, string storedFile, Guid requestedById, string requestedByName) =>
        new(tenantId, null, ImportMode.Append, dryRun, includeDuplicates, fileName, fileSize, storedFile, requestedById, requestedByName);

    /// <summary>Pending to running, or running again after an interrupted attempt (nothing of which was kept).</summary>
    public void Start(DateTime now)
    {
        EnsureNotFinished();
        Status = ImportStatus.Running;
        StartedAt = now;
    }

    public void Report(ImportPhase phase, int percent, long rowsDone)
    {
        Phase = phase;
        ProgressPercent = Math.Clamp(percent, 0, 100);
        RowsDone = rowsDone;
    }

    /// <summary>Running to succeeded: only a started run can succeed.</summary>
    public void Succeed(string stats, long rowsDone, DateTime now)
    {
        if (Status != ImportStatus.Running)
        {
            throw new DomainException(IsFinished ? "Cet import est déjà terminé." : "Cet import n'a pas encore démarré.");
        }

        Status = ImportStatus.Succeeded;
        Phase = ImportPhase.Done;
        ProgressPercent = 100;
        RowsDone = rowsDone;
        Stats = stats;
        ErrorCount = 0;
        CompletedAt = now;
    }

    /// <summary>Validation found errors, or the run broke; nothing was written either way.</summary>
    public void Fail(int errorCount, string errorDetails, string? stats, DateTime now)
    {
        EnsureNotFinished();
        Status = ImportStatus.Failed;
        Phase = ImportPhase.Done;
        ErrorCount = errorCount;
        ErrorDetails = errorDetails;
        Stats = stats;
        CompletedAt = now;
    }

    private void EnsureNotFinished()
    {
        if (IsFinished)
        {
            throw new DomainException("Cet import est déjà terminé.");
        }
    }
}

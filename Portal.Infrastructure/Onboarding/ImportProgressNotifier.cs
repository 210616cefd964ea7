using System.Collections.Concurrent;

namespace Portal.Infrastructure.Onboarding;

/// <summary>
/// Live progress of running imports, pushed to the open pages (Blazor circuits) of this server. The same
/// figures are also written to the import job row (except while the write transaction holds SQLite's
/// single writer lock), so a reloaded page starts from the row and then follows these events.
/// </summary>
public sealed class ImportProgressNotifier
{
    private readonly ConcurrentDictionary<Guid, ImportProgress> latest = new();

    public event Action<Guid, ImportProgress?>? Changed;

    public ImportProgress? Latest(Guid jobId) => latest.GetValueOrDefault(jobId);

    public void Publish(Guid jobId, ImportProgress progress)
    {
        latest[jobId] = progress;
        Changed?.Invoke(jobId, progress);
    }

    /// <summary>The run ended: pages reload the job row.</summary>
    public void Finished(Guid jobId)
    {
        latest.TryRemove(jobId, out _);
        Changed?.Invoke(jobId, null);
    }
}

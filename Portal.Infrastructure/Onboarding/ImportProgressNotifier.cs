using System.Collections.Concurrent;
using Portal.Infrastructure.Events;

namespace Portal.Infrastructure.Onboarding;

/// <summary>
/// Live progress of running imports, pushed to the pages (Blazor circuits) that follow that run, and only to them, on
/// every web node (<see cref="EventBus"/>). The same figures are also written to the import job row (except while the
/// write transaction holds SQLite's single writer lock), so a reloaded page starts from the row and then follows these
/// events. <see cref="Latest"/> knows only the runs of this server.
/// </summary>
public sealed class ImportProgressNotifier(EventBus bus)
{
    private readonly ConcurrentDictionary<Guid, ImportProgress> latest = new();

    public ImportProgress? Latest(Guid jobId) => latest.GetValueOrDefault(jobId);

    /// <summary>Reports for one run; null when the run ended (the page then reloads the job row). Dispose to stop.</summary>
    public IDisposable Follow(Guid jobId, Action<ImportProgress?> handler) => bus.Subscribe(Key(jobId), handler);

    public void Publish(Guid jobId, ImportProgress progress)
    {
        latest[jobId] = progress;
        bus.Publish(Key(jobId), progress);
    }

    public void Finished(Guid jobId)
    {
        latest.TryRemove(jobId, out _);
        bus.Publish<ImportProgress>(Key(jobId), null);
    }

    private static string Key(Guid jobId) => "import:" + jobId.ToString("N");
}

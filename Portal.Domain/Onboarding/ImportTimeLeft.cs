namespace Portal.Domain.Onboarding;

/// <summary>
/// How long an import has left, from the work actually done: unpacked bytes while the file is read, rows while they are
/// saved. Each stage is timed on its own (reading runs far faster than saving on SQLite, so a percentage of the whole run
/// said "1 s" when 9 remained); no estimate until the stage has run a second and done a hundredth of its work.
/// </summary>
public sealed class ImportTimeLeft
{
    public static readonly TimeSpan MinimumObservation = TimeSpan.FromSeconds(1);

    private Stage? stage;
    private DateTimeOffset stageStart;
    private long stageStartDone;
    private long total;
    private long done;

    private enum Stage
    {
        Reading,
        Saving,
    }

    /// <summary>The time left in the current stage, or null while there is nothing reliable to say.</summary>
    public TimeSpan? Remaining { get; private set; }

    /// <param name="phase">The run's phase.</param>
    /// <param name="workDone">Work done in this stage: bytes read (both sheets) or rows saved.</param>
    /// <param name="workTotal">The stage's whole work; 0 when unknown.</param>
    /// <param name="at">When the run reported it.</param>
    public void Observe(ImportPhase phase, long workDone, long workTotal, DateTimeOffset at)
    {
        Stage? current = phase switch
        {
            ImportPhase.ReadingProducts or ImportPhase.ReadingSales => Stage.Reading,
            ImportPhase.Saving => Stage.Saving,
            _ => null,
        };
        if (current is null || workTotal <= 0)
        {
            stage = null;
            Remaining = null;
            return;
        }

        if (current != stage || workTotal != total || workDone < done)
        {
            stage = current;
            stageStart = at;
            stageStartDone = workDone;
            total = workTotal;
        }

        done = workDone;
        var elapsed = at - stageStart;
        var progressed = done - stageStartDone;
        Remaining = elapsed >= MinimumObservation && progressed > 0 && progressed * 100 >= total
            ? TimeSpan.FromSeconds(elapsed.TotalSeconds * Math.Max(0, total - done) / progressed)
            : null;
    }

    /// <summary>"9 s", "2 min 05 s": whole seconds, rounded up, never "0 s".</summary>
    public static string Format(TimeSpan left)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling(left.TotalSeconds));
        return seconds < 60 ? $"{seconds} s" : $"{seconds / 60} min {seconds % 60:00} s";
    }
}

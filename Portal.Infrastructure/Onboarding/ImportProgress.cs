using Portal.Domain.Onboarding;

namespace Portal.Infrastructure.Onboarding;

/// <summary>
/// Where a run stands: the phase, the overall percent and the rows handled so far, plus the current stage's work done and
/// to do (unpacked bytes of both sheets while reading, rows while saving; 0 when not measured) for the time-left estimate.
/// </summary>
public sealed record ImportProgress(ImportPhase Phase, int Percent, long RowsDone, long WorkDone = 0, long WorkTotal = 0);

using Portal.Domain.Onboarding;

namespace Portal.Infrastructure.Onboarding;

/// <summary>Where a run stands: the phase, the overall percent and the rows handled so far.</summary>
public sealed record ImportProgress(ImportPhase Phase, int Percent, long RowsDone);

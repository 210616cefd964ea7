using Portal.Domain.Onboarding;

namespace Portal.Infrastructure.Onboarding;

public sealed record ImportJobView(
    Guid Id, bool DryRun, ImportStatus Status, ImportPhase Phase, int Percent, long RowsDone, int ErrorCount, ImportStats? Stats,
    string FileName, DateTime CreatedAt, DateTime? StartedAt, DateTime? CompletedAt)
{
    public bool IsFinished => Status is ImportStatus.Succeeded or ImportStatus.Failed;
}

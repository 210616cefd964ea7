namespace Portal.Domain.Onboarding;

public enum ImportStatus
{
    Pending,
    Running,
    Succeeded,
    Failed,
}

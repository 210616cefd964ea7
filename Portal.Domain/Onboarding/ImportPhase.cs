namespace Portal.Domain.Onboarding;

public enum ImportPhase
{
    Queued,
    ReadingProducts,
    ReadingSales,
    Saving,
    Finishing,
    Done,
}

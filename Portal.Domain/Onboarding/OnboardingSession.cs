using Portal.Domain.Common;

namespace Portal.Domain.Onboarding;

/// <summary>
/// One staff member taking a new company through the four steps. Reopens at <see cref="CurrentStep"/>;
/// <see cref="Data"/> keeps what later steps need (the uploaded file, the users created) as JSON.
/// </summary>
public sealed class OnboardingSession : IPlatformOwned
{
    private OnboardingSession()
    {
    }

    /// <summary>Opened once step 1 (the company) is done, so it starts at the users step.</summary>
    public OnboardingSession(Guid tenantId, Guid createdById, string createdByName)
    {
        Id = Guid.NewGuid();
        TenantId = tenantId;
        Status = OnboardingStatus.InProgress;
        CurrentStep = OnboardingStep.Users;
        CreatedById = createdById;
        CreatedByName = createdByName;
    }

    public Guid Id { get; private set; }

    /// <summary>The company being onboarded (the session itself is the platform team's record).</summary>
    public Guid TenantId { get; private set; }

    public OnboardingStatus Status { get; private set; }

    /// <summary>The step the wizard reopens at.</summary>
    public OnboardingStep CurrentStep { get; private set; }

    public string Data { get; private set; } = "{}";

    public Guid CreatedById { get; private set; }

    public string CreatedByName { get; private set; } = string.Empty;

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    public string? Error { get; private set; }

    public bool IsOpen => Status == OnboardingStatus.InProgress;

    /// <summary>Moves on after a step succeeded; never goes back past a step already done.</summary>
    public void Reach(OnboardingStep step)
    {
        EnsureOpen();
        if (!Enum.IsDefined(step))
        {
            throw new DomainException($"Étape inconnue : {(int)step}.");
        }

        CurrentStep = step > CurrentStep ? step : CurrentStep;
        Error = null;
    }

    public void SaveData(string json)
    {
        EnsureOpen();
        Data = json;
    }

    public void Complete(DateTime now)
    {
        EnsureOpen();
        Status = OnboardingStatus.Completed;
        CurrentStep = OnboardingStep.Import;
        CompletedAt = now;
        Error = null;
    }

    /// <summary>Records why the last import failed; the session stays open so the staff member can fix the file and retry.</summary>
    public void RecordError(string error) => Error = error.Length > 2000 ? error[..2000] : error;

    public void EnsureOpen()
    {
        if (!IsOpen)
        {
            throw new DomainException(Status == OnboardingStatus.Completed
                ? "Cet onboarding est terminé : il ne peut plus être modifié."
                : "Cet onboarding a été abandonné : il ne peut plus être modifié.");
        }
    }
}

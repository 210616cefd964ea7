using Portal.Domain.Common;
using Portal.Domain.Tenancy;

namespace Portal.Domain.Onboarding;

/// <summary>
/// One staff member taking a new company through the four steps. Reopens at <see cref="CurrentStep"/>;
/// <see cref="Data"/> keeps what later steps need (the uploaded file, the users created) as JSON.
/// </summary>
public sealed class OnboardingSession : ITenantOwned
{
    public const int LastStep = 4;

    private OnboardingSession()
    {
    }

    public OnboardingSession(Guid tenantId, Guid createdById, string createdByName, DateTime now)
    {
        Id = Guid.NewGuid();
        TenantId = tenantId;
        Status = OnboardingStatus.InProgress;
        CurrentStep = 2;
        CreatedById = createdById;
        CreatedByName = createdByName;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public OnboardingStatus Status { get; private set; }

    /// <summary>The step the wizard reopens at, 1 to 4.</summary>
    public int CurrentStep { get; private set; }

    public string Data { get; private set; } = "{}";

    public Guid CreatedById { get; private set; }

    public string CreatedByName { get; private set; } = string.Empty;

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    public string? Error { get; private set; }

    public bool IsOpen => Status == OnboardingStatus.InProgress;

    /// <summary>Moves on after a step succeeded; never goes back past a step already done.</summary>
    public void Reach(int step, DateTime now)
    {
        EnsureOpen();
        if (step is < 1 or > LastStep)
        {
            throw new DomainException($"Étape inconnue : {step}.");
        }

        CurrentStep = Math.Max(CurrentStep, step);
        Error = null;
        UpdatedAt = now;
    }

    public void SaveData(string json, DateTime now)
    {
        EnsureOpen();
        Data = json;
        UpdatedAt = now;
    }

    public void Complete(DateTime now)
    {
        EnsureOpen();
        Status = OnboardingStatus.Completed;
        CurrentStep = LastStep;
        CompletedAt = now;
        Error = null;
        UpdatedAt = now;
    }

    /// <summary>Records why the last import failed; the session stays open so the staff member can fix the file and retry.</summary>
    public void RecordError(string error, DateTime now)
    {
        Error = error.Length > 2000 ? error[..2000] : error;
        UpdatedAt = now;
    }

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

public enum OnboardingStatus
{
    InProgress,
    Completed,
    Failed,
}

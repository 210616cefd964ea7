using Portal.Domain.Common;
using Portal.Domain.Onboarding;
using Portal.Domain.Tenancy;

namespace Portal.Infrastructure.Onboarding;

public sealed record CompanyInput(string Name, string? Ninea, Sector Sector, string Country, string SiteName, string SiteAddress);

public enum IdentifierKind
{
    Email,
    Phone,
}

public sealed record UserInput(string FirstName, string LastName, IdentifierKind Kind, string Identifier, string Role);

/// <summary>A user created at step 2, with the temporary password shown once.</summary>
public sealed record CreatedUser(string Name, string Identifier, string Role, string TemporaryPassword);

public sealed record OnboardingUser(string Name, string Identifier, string Role);

public sealed record UploadedFile(string Key, string Name, long Size, DateTime At, IReadOnlyList<string> Notes);

/// <summary>What later steps need, kept as JSON on the session.</summary>
public sealed record OnboardingData(IReadOnlyList<OnboardingUser> Users, UploadedFile? Upload)
{
    public static readonly OnboardingData Empty = new([], null);
}

public sealed record OnboardingListItem(
    Guid Id, string TenantName, OnboardingStatus Status, OnboardingStep Step, string CreatedByName, DateTime CreatedAt, DateTime UpdatedAt, string? Error);

public sealed record ImportJobView(
    Guid Id, bool DryRun, ImportStatus Status, ImportPhase Phase, int Percent, long RowsDone, int ErrorCount, ImportStats? Stats,
    string FileName, DateTime CreatedAt, DateTime? StartedAt, DateTime? CompletedAt)
{
    public bool IsFinished => Status is ImportStatus.Succeeded or ImportStatus.Failed;
}

public sealed record OnboardingView(
    Guid Id,
    Guid TenantId,
    string TenantName,
    string? Ninea,
    Sector Sector,
    string Country,
    bool TenantActive,
    string SiteName,
    string? SiteAddress,
    OnboardingStatus Status,
    OnboardingStep Step,
    string? Error,
    string CreatedByName,
    DateTime CreatedAt,
    DateTime? CompletedAt,
    OnboardingData Data,
    ImportJobView? LatestJob,
    ImportJobView? LatestImport)
{
    public Currency Currency => Currency.ForCountry(Country);
}

/// <summary>The company already exists; <see cref="SessionId"/> is its onboarding when there is one.</summary>
public sealed class DuplicateCompanyException(string message, Guid? sessionId) : DomainException(message)
{
    public Guid? SessionId { get; } = sessionId;
}

/// <summary>Several rule violations at once (one line each), e.g. the rows of the users step.</summary>
public sealed class ValidationFailedException(IReadOnlyList<string> errors) : DomainException(string.Join(" ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}

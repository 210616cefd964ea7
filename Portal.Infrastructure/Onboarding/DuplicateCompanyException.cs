using Portal.Domain.Common;

namespace Portal.Infrastructure.Onboarding;

/// <summary>The company already exists; <see cref="SessionId"/> is its onboarding when there is one.</summary>
public sealed class DuplicateCompanyException(string message, Guid? sessionId) : DomainException(message)
{
    public Guid? SessionId { get; } = sessionId;
}

namespace Portal.Domain.Common;

/// <summary>The caller is signed in but lacks the role for this action.</summary>
public sealed class ForbiddenException(string message) : DomainException(message);

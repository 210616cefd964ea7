namespace Portal.Domain.Common;

/// <summary>A rule was broken. The message is French and safe to show to the user.</summary>
public class DomainException(string message) : Exception(message);

/// <summary>The entity does not exist, or the caller is not allowed to know that it does.</summary>
public sealed class NotFoundException(string message) : DomainException(message);

/// <summary>The caller is signed in but lacks the role for this action.</summary>
public sealed class ForbiddenException(string message) : DomainException(message);

namespace Portal.Domain.Common;

/// <summary>The entity does not exist, or the caller is not allowed to know that it does.</summary>
public sealed class NotFoundException(string message) : DomainException(message);

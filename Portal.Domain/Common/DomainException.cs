namespace Portal.Domain.Common;

/// <summary>A rule was broken. The message is French and safe to show to the user.</summary>
public class DomainException(string message) : Exception(message);

namespace Portal.Domain.Common;

/// <summary>Several rule violations at once (one line each), e.g. the rows of the users step.</summary>
public sealed class ValidationFailedException(IReadOnlyList<string> errors) : DomainException(string.Join(" ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}

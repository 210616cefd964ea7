using Portal.Domain.Common;

namespace Portal.Web.Components.Shared;

/// <summary>
/// What a component shows when a service refuses: domain, validation, not-found and forbidden exceptions carry French
/// messages meant for the person, so they become this; anything else is a bug and goes to the error boundary.
/// </summary>
public sealed record UserError(IReadOnlyList<string> Messages, DomainException Exception)
{
    public string Message => string.Join(" ", Messages);

    public bool IsNotFound => Exception is NotFoundException;

    /// <summary>Runs the action; returns null when it succeeded, or the refusal to show.</summary>
    public static async Task<UserError?> TryAsync(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (DomainException e)
        {
            return From(e);
        }
    }

    public static UserError From(DomainException exception) =>
        new(exception is ValidationFailedException validation ? validation.Errors : [exception.Message], exception);
}

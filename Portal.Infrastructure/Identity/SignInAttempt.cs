namespace Portal.Infrastructure.Identity;

public sealed record SignInAttempt(SignInOutcome Outcome, string? Message, PortalUser? User = null)
{
    public bool Succeeded => Outcome == SignInOutcome.Succeeded;
}

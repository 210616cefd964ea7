namespace Portal.Infrastructure.Identity;

public enum SignInOutcome
{
    Succeeded,
    InvalidInput,
    InvalidCredentials,
    LockedOut,
}

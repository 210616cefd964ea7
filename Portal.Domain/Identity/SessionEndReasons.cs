namespace Portal.Domain.Identity;

/// <summary>Why the server ended a session (kept on the session row).</summary>
public static class SessionEndReasons
{
    public const string SignOut = "sign_out";
    public const string PasswordChanged = "password_changed";
    public const string TemporaryPassword = "temporary_password";
    public const string LockedOut = "locked_out";
    public const string AccountChanged = "account_changed";
}

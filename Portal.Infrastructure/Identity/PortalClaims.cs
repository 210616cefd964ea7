namespace Portal.Infrastructure.Identity;

/// <summary>Claim types our cookie carries beside the standard ones.</summary>
public static class PortalClaims
{
    public const string TenantId = "portal:tenant";
    public const string MustChangePassword = "portal:must_change_password";
    public const string DisplayName = "portal:display_name";

    /// <summary>The server-side session the cookie belongs to (<see cref="SessionStore"/>).</summary>
    public const string SessionId = "portal:sid";
}

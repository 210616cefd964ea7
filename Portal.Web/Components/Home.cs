using Portal.Domain.Identity;

namespace Portal.Web.Components;

/// <summary>Where each kind of user lands.</summary>
public static class Home
{
    public static string For(string? role) => Roles.IsPlatform(role) ? "/admin" : Roles.IsTenant(role) ? "/app" : "/account/login";
}

using System.Text;
using Portal.Domain.Identity;

namespace Portal.Web.Components;

/// <summary>Where each kind of user lands.</summary>
public static class Home
{
    public static string For(string? role) => Roles.IsPlatform(role) ? "/admin" : Roles.IsTenant(role) ? "/app" : "/account/login";

    /// <summary>
    /// A return URL we may redirect to after sign-in: a path on this site (never "//host" or "/\host"), without control
    /// characters, with non-ASCII characters percent-encoded (a Location header is ASCII: "/café" used to end in a 500).
    /// Null when the URL is not one of ours.
    /// </summary>
    public static string? LocalReturnUrl(string? url)
    {
        if (string.IsNullOrEmpty(url) || !url.StartsWith('/') || url.StartsWith("//", StringComparison.Ordinal)
            || url.StartsWith("/\\", StringComparison.Ordinal) || url.Any(char.IsControl))
        {
            return null;
        }

        var encoded = new StringBuilder(url.Length);
        foreach (var rune in url.EnumerateRunes())
        {
            encoded.Append(rune.IsAscii ? rune.ToString() : Uri.EscapeDataString(rune.ToString()));
        }

        return encoded.ToString();
    }
}

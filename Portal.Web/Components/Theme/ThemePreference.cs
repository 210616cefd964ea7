namespace Portal.Web.Components.Theme;

/// <summary>
/// Light, dark, or the system's choice (the default, until the person picks one). The explicit choice is kept per user in
/// the database and mirrored in a cookie so every page, the server-rendered sign-in page included, renders in it at once.
/// Without a choice the server reads the browser's <c>Sec-CH-Prefers-Color-Scheme</c> hint, or the scheme portal.js
/// recorded, and portal.js follows the system live.
/// </summary>
public static class ThemePreference
{
    public const string Cookie = "portal-theme";
    public const string SystemCookie = "portal-scheme";
    public const string ClientHint = "Sec-CH-Prefers-Color-Scheme";
    public const string Light = "light";
    public const string Dark = "dark";
    public const string System = "system";

    /// <summary>"light" or "dark" as chosen; anything else means following the system.</summary>
    public static string Normalize(string? value) => value is Light or Dark ? value : System;

    public static string Of(HttpRequest request) => Normalize(request.Cookies[Cookie]);

    public static bool IsDark(HttpRequest request) => Of(request) switch
    {
        Dark => true,
        Light => false,
        _ => request.Headers[ClientHint].ToString().Trim('"') switch
        {
            Dark => true,
            Light => false,
            _ => request.Cookies[SystemCookie] == Dark,
        },
    };

    /// <summary>Mirrors a person's stored choice in the cookie at sign-in (no choice: the cookie is removed).</summary>
    public static void Write(HttpResponse response, string? preference)
    {
        if (Normalize(preference) is var value && value == System)
        {
            response.Cookies.Delete(Cookie);
            return;
        }

        response.Cookies.Append(Cookie, value, new CookieOptions { HttpOnly = false, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365), IsEssential = true });
    }
}

namespace Portal.Web.Security;

/// <summary>
/// Response headers every page and endpoint carries. The Content-Security-Policy allows only this site's own scripts,
/// styles, fonts and connections (the Blazor circuit's WebSocket is same-origin, which 'self' covers), and no plugins,
/// framing by other sites or foreign form targets. <c>style-src</c> also allows inline styles because Blazor components
/// (MudBlazor) set <c>style="..."</c> attributes and its theme is an inline style block; scripts stay strict: no inline script, no eval.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'; form-action 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            headers.XFrameOptions = "SAMEORIGIN";
            // Asks Chromium browsers to say whether the system is in dark mode, so a first page can render in it
            // (Components/Theme/ThemePreference.cs).
            headers["Accept-CH"] = Components.Theme.ThemePreference.ClientHint;
            headers.Append("Vary", Components.Theme.ThemePreference.ClientHint);
            return Task.CompletedTask;
        });
        return next(context);
    });
}

using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Infrastructure.Identity;

namespace Portal.Web.Endpoints;

/// <summary>Sign-out and the theme preference: posted from the layouts, protected by antiforgery.</summary>
public static class AccountEndpoints
{
    public const string ThemeCookie = "portal-theme";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").RequireAuthorization();
        account.MapPost("/logout", SignOutAsync).WithMetadata(new RequireAntiforgeryTokenAttribute());
        return app;
    }

    private static async Task<RedirectHttpResult> SignOutAsync(AccountService accounts, ClaimsPrincipal user)
    {
        await accounts.SignOutAsync(user);
        return TypedResults.Redirect("/account/login");
    }

    public static void WriteThemeCookie(HttpResponse response, string theme) =>
        response.Cookies.Append(ThemeCookie, theme, new CookieOptions { HttpOnly = false, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365), IsEssential = true });
}

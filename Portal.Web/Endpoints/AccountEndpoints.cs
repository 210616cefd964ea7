using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Infrastructure.Identity;

namespace Portal.Web.Endpoints;

/// <summary>Sign-out: posted from the layouts, protected by antiforgery.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").RequireAuthorization();
        account.MapPost("/logout", SignOutAsync).WithMetadata(new RequireAntiforgeryTokenAttribute());
        return app;
    }

    // The antiforgery middleware only records its verdict for endpoints that bind no form: enforce it here, or any page of
    // the same site could sign people out.
    // The refusal has a body, so the status-code pages do not re-execute the request (which would validate it again and fail).
    private static async Task<Results<RedirectHttpResult, ProblemHttpResult>> SignOutAsync(HttpContext http, AccountService accounts, ClaimsPrincipal user)
    {
        if (http.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
        {
            return TypedResults.Problem("Demande refusée : elle ne vient pas d'une page du portail. Utilisez le bouton « Se déconnecter ».", statusCode: StatusCodes.Status400BadRequest, title: "Demande refusée");
        }

        await accounts.SignOutAsync(user);
        return TypedResults.Redirect("/account/login");
    }
}

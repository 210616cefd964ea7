using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Portal.Infrastructure.Identity;

namespace Portal.Web.Identity;

/// <summary>
/// Keeps an open page honest: every <see cref="RevalidationInterval"/> the circuit asks the session store whether its session still
/// stands (signed out elsewhere, new password, account deactivated or changed) and, if not, becomes anonymous, which sends
/// the page to the sign-in form. Each request's cookie is checked by <see cref="ValidateCookieAsync"/>.
/// </summary>
internal sealed class SessionRevalidation(ILoggerFactory loggers, IServiceScopeFactory scopes, IConfiguration configuration)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    private static readonly AuthenticationState Anonymous = new(new ClaimsPrincipal(new ClaimsIdentity()));

    protected override TimeSpan RevalidationInterval { get; } = TimeSpan.FromSeconds(configuration.GetValue("Portal:Sessions:RevalidateSeconds", 30));

    /// <summary>Makes the circuit anonymous now (its session was found ended between two revalidations).</summary>
    public void End() => SetAuthenticationState(Task.FromResult(Anonymous));

    /// <summary>The cookie handler's check on every request: a cookie whose session ended is refused and deleted.</summary>
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionStore>();
        if (context.Principal is null || !await sessions.IsValidAsync(context.Principal, cancellationToken: context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        if (authenticationState.User.Identity?.IsAuthenticated != true)
        {
            return true;
        }

        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SessionStore>().IsValidAsync(authenticationState.User, fresh: true, cancellationToken);
    }
}

using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Portal.Infrastructure.Identity;

namespace Portal.Web.Identity;

/// <summary>
/// A circuit has its own DI scope, so its <see cref="CurrentUser"/> is filled here, before every inbound
/// activity (the "circuit activity handler" pattern from the Blazor docs). The client's address and agent
/// come from the SignalR connection's request, the only HTTP context a circuit has. A session ended since the last
/// activity (signed out in another tab) makes the circuit anonymous before the activity runs, so it cannot act.
/// </summary>
internal sealed class CurrentUserCircuitHandler(
    AuthenticationStateProvider authentication,
    SessionStore sessions,
    CurrentUser currentUser,
    IHttpContextAccessor httpContextAccessor) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            var user = (await authentication.GetAuthenticationStateAsync()).User;
            if (user.Identity?.IsAuthenticated == true && !await sessions.IsValidAsync(user))
            {
                (authentication as SessionRevalidation)?.End();
                user = null;
            }

            currentUser.Set(user);
            if (httpContextAccessor.HttpContext is { } http && currentUser.IpAddress is null)
            {
                currentUser.SetClient(http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent.ToString());
            }

            await next(context);
        };
}

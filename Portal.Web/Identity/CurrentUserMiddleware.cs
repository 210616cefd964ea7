using Portal.Infrastructure.Identity;

namespace Portal.Web.Identity;

/// <summary>Fills the request's <see cref="CurrentUser"/> from the cookie principal and the client's address.</summary>
internal sealed class CurrentUserMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, CurrentUser currentUser)
    {
        currentUser.Set(context.User);
        currentUser.SetClient(context.Connection.RemoteIpAddress?.ToString(), context.Request.Headers.UserAgent.ToString());
        return next(context);
    }
}

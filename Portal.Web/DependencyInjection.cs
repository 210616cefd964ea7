using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Portal.Domain.Identity;
using Portal.Web.Identity;
using Portal.Web.Security;
using MudBlazor;
using MudBlazor.Services;

namespace Portal.Web;

public static class DependencyInjection
{
    public const string SignInRateLimit = "sign-in";
    public const string StaffPolicy = "platform-staff";
    public const string TenantPolicy = "tenant-user";

    public static IServiceCollection AddPortalWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(mud =>
        {
            mud.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomCenter;
            mud.SnackbarConfiguration.VisibleStateDuration = 6000;
            // Shown at once, not faded in: a half-transparent message fails the contrast check while it appears.
            mud.SnackbarConfiguration.ShowTransitionDuration = 0;
        });
        services.AddTransient<MudLocalizer, Components.Shared.FrenchMudLocalizer>();
        services.AddSingleton<Components.Theme.BrandThemes>();
        services.AddHttpContextAccessor();
        services.AddCascadingAuthenticationState();
        services.AddScoped<CircuitHandler, CurrentUserCircuitHandler>();
        services.AddScoped<AuthenticationStateProvider, SessionRevalidation>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/account/access-denied";
            cookie.Cookie.Name = "portal.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // always Secure behind HTTPS
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            // The sign-in page decides where to go next (Home.LocalReturnUrl: local paths only, ASCII-encoded); the cookie
            // handler's own redirect to the raw ?returnUrl= would put "/café" in a Location header and fail with a 500.
            cookie.Events.OnRedirectToReturnUrl = _ => Task.CompletedTask;
            // Instead of Identity's security-stamp check every 30 minutes: every request, against the server-side session.
            cookie.Events.OnValidatePrincipal = SessionRevalidation.ValidateCookieAsync;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, p => p.RequireRole(Roles.Admin, Roles.Staff))
            .AddPolicy(TenantPolicy, p => p.RequireRole(Roles.Owner, Roles.Manager, Roles.Member, Roles.Viewer).RequireClaim(Infrastructure.Identity.PortalClaims.TenantId));

        // Per address and identifier in the sign-in form (SignInThrottle); per address only, six times higher, here.
        services.AddSingleton<SignInThrottle>();
        var permitsPerMinute = configuration.GetValue<int?>("Portal:SignIn:AddressRateLimitPerMinute") ?? 6 * configuration.GetValue("Portal:SignIn:RateLimitPerMinute", 5);
        services.AddRateLimiter(limiter =>
        {
            // Only the form posts count: viewing the sign-in page is free.
            limiter.AddPolicy(SignInRateLimit, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permitsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter("read"));
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Redirect("/account/login?throttled=1");
                return ValueTask.CompletedTask;
            };
        });

        services.AddProblemDetails();
        // No "Server: Kestrel" header: what runs the site is nobody's business.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        services.AddExceptionHandler<Errors.DomainExceptionHandler>();
        return services;
    }

    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        var french = new CultureInfo("fr-FR");
        CultureInfo.DefaultThreadCurrentCulture = french;
        CultureInfo.DefaultThreadCurrentUICulture = french;
        app.UseRequestLocalization(new RequestLocalizationOptions { DefaultRequestCulture = new RequestCulture(french), SupportedCultures = [french], SupportedUICultures = [french] });

        if (ProxyOptions.From(app.Configuration) is { } proxies)
        {
            app.UseForwardedHeaders(proxies);
        }

        app.UseSecurityHeaders();
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseMiddleware<CurrentUserMiddleware>();
        app.UseMiddleware<MustChangePasswordMiddleware>();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        return app;
    }
}

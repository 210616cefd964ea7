using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>Who is calling (<see cref="CurrentUser"/>), Identity's user store and sign-in, the account service.</summary>
    public static IServiceCollection AddPortalIdentity(this IServiceCollection services)
    {
        services.AddScoped<CurrentUser>();
        services.AddDbContext<IdentityStoreContext>((sp, options) => DatabaseSetup.Configure(options, sp.GetRequiredService<DatabaseOptions>()));
        services.AddIdentityCore<PortalUser>(FrenchIdentityErrorDescriber.Apply)
            .AddEntityFrameworkStores<IdentityStoreContext>()
            .AddSignInManager()
            .AddErrorDescriber<FrenchIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();
        services.AddMemoryCache();
        services.AddScoped<AccountService>();
        services.AddScoped<SessionStore>();
        services.AddScoped<TrustedDevices>();
        services.AddScoped<LockoutAlerts>();
        services.AddScoped<AccountFactory>();
        return services;
    }
}

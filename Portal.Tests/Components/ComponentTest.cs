using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Portal.Web.Components.Shared;

namespace Portal.Tests.Components;

/// <summary>
/// A bUnit context set up as the app sets up MudBlazor (French texts included), with the real services of a test database
/// behind it for whatever the component injects: component tests exercise the component's logic, not mocks of our services.
/// </summary>
internal static class ComponentTest
{
    public static BunitContext Create(IServiceProvider services)
    {
        var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.Services.AddTransient<MudLocalizer, FrenchMudLocalizer>();
        ctx.Services.AddScoped<Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage.ProtectedSessionStorage>();
        ctx.Services.AddFallbackServiceProvider(services);
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        return ctx;
    }
}

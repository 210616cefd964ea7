using Portal.Infrastructure;
using Portal.Infrastructure.Bootstrap;
using Portal.Web;
using Portal.Web.Components;
using Portal.Web.Endpoints;
using Portal.Web.Security;

// Content root = the binaries' folder, where appsettings.json is copied (it lives at the repository root).
// --demo is a bare switch, so it is taken out before the configuration reads the other arguments.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args.Where(a => a != "--demo").ToArray(),
    ContentRootPath = AppContext.BaseDirectory,
});
if (args.Contains("--demo"))
{
    builder.Configuration["Portal:Bootstrap:Demo"] = "true";
}

builder.WebHost.UseStaticWebAssets();
// Outside development the files are those of the build: serve its precompressed copies rather than re-checking each file
// against the manifest (a package file's timestamp differs from it, and the runtime check then sends it uncompressed).
if (!builder.Environment.IsDevelopment())
{
    builder.Configuration["ReloadStaticAssetsAtRuntime"] ??= "false";
}

builder.Services.AddPortalInfrastructure(builder.Configuration);
builder.Services.AddPortalWeb(builder.Configuration);
builder.Services.AddKeyProtection(builder.Configuration, builder.Environment);

var app = builder.Build();
app.UsePortalPipeline();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAccountEndpoints();
app.MapHealthEndpoint();
app.MapOnboardingEndpoints();
app.MapDashboardEndpoints();
app.MapSelfImportEndpoints();
app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine(app.Services.GetRequiredService<StartupBanner>().Describe(app.Urls)));
app.Run();

/// <summary>Entry point, visible to the tests.</summary>
public partial class Program;

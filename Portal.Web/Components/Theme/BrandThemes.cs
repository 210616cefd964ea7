using MudBlazor;

namespace Portal.Web.Components.Theme;

/// <summary>The two scoped variants of <see cref="PortalTheme"/> for this operator's brand colour, built once at start-up.</summary>
public sealed class BrandThemes(IConfiguration configuration)
{
    public MudTheme Light { get; } = PortalTheme.Create(configuration["Portal:Branding:PrimaryColor"], dark: false);

    public MudTheme Dark { get; } = PortalTheme.Create(configuration["Portal:Branding:PrimaryColor"], dark: true);
}

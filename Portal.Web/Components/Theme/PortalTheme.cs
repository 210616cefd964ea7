using MudBlazor;
using MudBlazor.Utilities;

namespace Portal.Web.Components.Theme;

/// <summary>
/// The product's one theme: light and dark palettes whose every text/background pair passes WCAG AA (checked by
/// ThemeContrastTests), the system font stack (nothing to download), and the dense spacing of the staff shell.
/// The operator's brand colour (<c>Portal:Branding:PrimaryColor</c>) becomes the primary colour, nudged darker for the
/// light palette or lighter for the dark one until it reaches AA both as text and under white or dark text.
/// The light palette styles <c>:root</c>; the dark one the body's <c>portal-dark</c> class, so switching is a class change.
/// </summary>
public static class PortalTheme
{
    public const string DefaultBrandColor = "#0B5CAD";
    public const string DarkClass = "portal-dark";

    private const string LightSurface = "#FFFFFF";
    private const string LightBackground = "#F4F6F8";
    private const string DarkSurface = "#1C2026";
    private const string DarkBackground = "#13161A";
    private const string OnDarkColours = "#101317";

    /// <summary>The theme with the light palette on <c>:root</c>, or the dark palette on <c>.portal-dark</c>.</summary>
    public static MudTheme Create(string? brandColor, bool dark)
    {
        var brand = new MudColor(string.IsNullOrWhiteSpace(brandColor) ? DefaultBrandColor : brandColor.Trim());
        return new MudTheme
        {
            PaletteLight = Light(brand),
            PaletteDark = Dark(brand),
            // MudBlazor takes a pseudo-class here; :is() makes the dark palette apply to the body that carries the class.
            PseudoCss = new PseudoCss { Scope = dark ? ":is(body." + DarkClass + ")" : ":root" },
            Typography = new Typography
            {
                Default = new DefaultTypography
                {
                    // The system's own fonts: no download on a mobile network, and French accents everywhere.
                    FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Noto Sans", "Liberation Sans", "Arial", "sans-serif"],
                    FontSize = ".875rem",
                    LineHeight = "1.43",
                },
                H4 = new H4Typography { FontSize = "1.5rem", FontWeight = "600", LineHeight = "1.3" },
                H5 = new H5Typography { FontSize = "1.25rem", FontWeight = "600", LineHeight = "1.3" },
                H6 = new H6Typography { FontSize = "1.05rem", FontWeight = "600", LineHeight = "1.4" },
                Button = new ButtonTypography { TextTransform = "none", FontWeight = "600" },
            },
            LayoutProperties = new LayoutProperties
            {
                DefaultBorderRadius = "6px",
                AppbarHeight = "52px",
                DrawerWidthLeft = "232px",
            },
        };
    }

    private static PaletteLight Light(MudColor brand)
    {
        var primary = ColorContrast.Reaching(ColorContrast.Reaching(brand, new MudColor(LightSurface)), new MudColor(LightBackground));
        return new PaletteLight
        {
            Primary = primary,
            PrimaryContrastText = LightSurface,
            Secondary = "#5B3B8C",
            SecondaryContrastText = LightSurface,
            Tertiary = "#00665A",
            TertiaryContrastText = LightSurface,
            Info = "#0A5291",
            InfoContrastText = LightSurface,
            Success = "#1D6B31",
            SuccessContrastText = LightSurface,
            Warning = "#8A4500",
            WarningContrastText = LightSurface,
            Error = "#B3261E",
            ErrorContrastText = LightSurface,
            Dark = "#30363D",
            DarkContrastText = LightSurface,
            Background = LightBackground,
            BackgroundGray = "#E9EDF1",
            Surface = LightSurface,
            AppbarBackground = primary,
            AppbarText = LightSurface,
            DrawerBackground = LightSurface,
            DrawerText = "#1F2328",
            DrawerIcon = "#4A5158",
            TextPrimary = "#1F2328",
            TextSecondary = "#4A5158",
            TextDisabled = "#5C636A",
            ActionDefault = "#4A5158",
            ActionDisabled = "#8C959F",
            LinesDefault = "#D0D7DE",
            LinesInputs = "#6E767E",
            TableLines = "#D8DEE4",
            Divider = "#D0D7DE",
            Skeleton = "#E3E8ED",
        };
    }

    private static PaletteDark Dark(MudColor brand)
    {
        var primary = ColorContrast.Reaching(ColorContrast.Reaching(brand, new MudColor(DarkSurface), 6), new MudColor(DarkBackground), 6);
        return new PaletteDark
        {
            Primary = primary,
            PrimaryContrastText = OnDarkColours,
            Secondary = "#CDB4F5",
            SecondaryContrastText = OnDarkColours,
            Tertiary = "#6ED6C6",
            TertiaryContrastText = OnDarkColours,
            Info = "#8CBDF5",
            InfoContrastText = OnDarkColours,
            Success = "#7FD18F",
            SuccessContrastText = OnDarkColours,
            Warning = "#F2B65A",
            WarningContrastText = OnDarkColours,
            Error = "#F49B93",
            ErrorContrastText = OnDarkColours,
            Dark = "#C9D1D9",
            DarkContrastText = OnDarkColours,
            Black = "#0B0D10",
            Background = DarkBackground,
            BackgroundGray = "#181C21",
            Surface = DarkSurface,
            AppbarBackground = DarkSurface,
            AppbarText = "#E6E9ED",
            DrawerBackground = DarkSurface,
            DrawerText = "#E6E9ED",
            DrawerIcon = "#B5BCC4",
            TextPrimary = "#E6E9ED",
            TextSecondary = "#B5BCC4",
            TextDisabled = "#A3ABB3",
            ActionDefault = "#B5BCC4",
            ActionDisabled = "#6E767E",
            LinesDefault = "#39414A",
            LinesInputs = "#8B939C",
            TableLines = "#313840",
            Divider = "#39414A",
            Skeleton = "#2A3038",
        };
    }
}

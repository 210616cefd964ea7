namespace Portal.Web.Components;

/// <summary>The one Radzen theme we use, in its light and dark variants.</summary>
public static class ThemeNames
{
    public const string Light = "material";
    public const string Dark = "material-dark";

    public static string For(string? preference) => preference == "dark" ? Dark : Light;
}

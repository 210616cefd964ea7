using System.Globalization;
using MudBlazor.Utilities;

namespace Portal.Web.Components.Theme;

/// <summary>WCAG 2.x contrast between two opaque colours, and the nudge that makes a brand colour reach it.</summary>
public static class ColorContrast
{
    /// <summary>WCAG AA for normal text.</summary>
    public const double AaText = 4.5;

    public static double Ratio(MudColor a, MudColor b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    /// <summary>
    /// The colour itself if it already reaches <paramref name="minimum"/> against <paramref name="background"/>, otherwise
    /// the closest mix towards black (on light backgrounds) or white (on dark ones) that does.
    /// </summary>
    public static MudColor Reaching(MudColor color, MudColor background, double minimum = AaText)
    {
        var towards = Luminance(background) > 0.18 ? new MudColor(0, 0, 0, 255) : new MudColor(255, 255, 255, 255);
        for (var share = 0.0; share <= 1.0; share += 0.02)
        {
            var mixed = Mix(color, towards, share);
            if (Ratio(mixed, background) >= minimum)
            {
                return mixed;
            }
        }

        return towards;
    }

    public static string Hex(MudColor color) => string.Create(CultureInfo.InvariantCulture, $"#{color.R:X2}{color.G:X2}{color.B:X2}");

    private static MudColor Mix(MudColor color, MudColor towards, double share) => new(
        (byte)Math.Round(color.R + ((towards.R - color.R) * share)),
        (byte)Math.Round(color.G + ((towards.G - color.G) * share)),
        (byte)Math.Round(color.B + ((towards.B - color.B) * share)),
        (byte)255);

    private static double Luminance(MudColor color) =>
        (0.2126 * Channel(color.R)) + (0.7152 * Channel(color.G)) + (0.0722 * Channel(color.B));

    private static double Channel(byte value)
    {
        var c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}

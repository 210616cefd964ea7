using PdfSharp.Drawing;

namespace Portal.Infrastructure.Dashboard.Documents;

/// <summary>Text that must fit a width: cut with an ellipsis, or wrapped on spaces.</summary>
internal static class PdfText
{
    private const string Ellipsis = "…";

    public static string Fit(XGraphics g, string text, XFont font, double width)
    {
        if (g.MeasureString(text, font).Width <= width)
        {
            return text;
        }

        var (low, high) = (0, text.Length - 1);
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (g.MeasureString(text[..middle] + Ellipsis, font).Width <= width)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        if (low > 0 && char.IsHighSurrogate(text[low - 1]))
        {
            low--;
        }

        return text[..low].TrimEnd() + Ellipsis;
    }

    public static List<string> Wrap(XGraphics g, string text, XFont font, double width)
    {
        var lines = new List<string>();
        var line = string.Empty;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && g.MeasureString(candidate, font).Width > width)
            {
                lines.Add(Fit(g, line, font, width));
                line = word;
            }
            else
            {
                line = candidate;
            }
        }

        if (line.Length > 0)
        {
            lines.Add(Fit(g, line, font, width));
        }

        return lines;
    }
}

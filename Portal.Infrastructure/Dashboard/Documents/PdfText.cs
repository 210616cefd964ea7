using PdfSharp.Drawing;

namespace Portal.Infrastructure.Dashboard.Documents;

/// <summary>Text that must fit a width: cut with an ellipsis, or wrapped on spaces.</summary>
internal static class PdfText
{
    private const string Ellipsis = "…";

    /// <summary>Line breaks, tabs and other control characters become spaces: a cell is one line.</summary>
    public static string OneLine(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var line = text.Replace("\r\n", " ", StringComparison.Ordinal).ToCharArray();
        for (var i = 0; i < line.Length; i++)
        {
            if (char.IsControl(line[i]))
            {
                line[i] = ' ';
            }
        }

        return new string(line);
    }

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

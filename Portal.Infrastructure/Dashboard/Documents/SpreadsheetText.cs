using System.Text;

namespace Portal.Infrastructure.Dashboard.Documents;

/// <summary>What a text cell goes through before it reaches a CSV file or a workbook.</summary>
internal static class SpreadsheetText
{
    /// <summary>Excel's limit for one cell.</summary>
    public const int MaxCellLength = 32_767;

    /// <summary>
    /// Formula injection (OWASP "CSV injection"): a cell that starts with = + - @, a tab or a carriage return can be run
    /// as a formula by Excel or LibreOffice, so it gets a leading apostrophe and is read as text.
    /// Only text cells: numbers (negative ones too) are written as numbers.
    /// </summary>
    public static string Neutralise(string text) => NeedsPrefix(text) ? "'" + text : text;

    public static bool NeedsPrefix(ReadOnlySpan<char> text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>Drops the characters XML 1.0 cannot carry (control characters, lone surrogates) and cuts at Excel's limit.</summary>
    public static string ForXml(string text)
    {
        var clean = IsXmlSafe(text) ? text : Strip(text);
        return clean.Length <= MaxCellLength ? clean : clean[..(char.IsHighSurrogate(clean[MaxCellLength - 1]) ? MaxCellLength - 1 : MaxCellLength)];
    }

    private static bool IsXmlSafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x20 ? c is not ('\t' or '\n' or '\r') : c >= 0xD800 && (c >= 0xFFFE || char.IsSurrogate(c)))
            {
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                return false;
            }
        }

        return true;
    }

    private static string Strip(string text)
    {
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (c >= 0x20 ? !char.IsSurrogate(c) && c < 0xFFFE : c is '\t' or '\n' or '\r')
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }
}

using System.Globalization;
using System.Text;

namespace Portal.Domain.Spreadsheets;

/// <summary>
/// Finds a sheet's columns in a header row written by people: case, accents, punctuation, spacing and a bracketed hint do
/// not matter, aliases are accepted, the exact header wins over an alias. Shared by every spreadsheet import.
/// </summary>
public static class HeaderMatcher
{
    /// <summary>Case, accents, punctuation, repeated spaces and a bracketed hint ("(AAAA-MM-JJ)") do not matter.</summary>
    public static string Normalise(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return string.Empty;
        }

        var decomposed = header.Normalize(NormalizationForm.FormD);
        var text = new StringBuilder(decomposed.Length);
        var depth = 0;
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (c == '(')
            {
                depth++;
                continue;
            }

            if (c == ')')
            {
                depth = Math.Max(0, depth - 1);
                continue;
            }

            if (depth > 0 || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && text.Length > 0)
                {
                    text.Append(' ');
                }

                text.Append(char.ToLowerInvariant(c));
                pendingSpace = false;
            }
            else
            {
                pendingSpace = true;
            }
        }

        return text.ToString();
    }

    public static bool IsSheet(ImportSheet sheet, string? name) => Normalise(name) == Normalise(sheet.Name);

    /// <summary>
    /// Maps the header row onto the sheet's columns: <c>ColumnIndex[i]</c> is the position in the file of the
    /// sheet's i-th column, or -1 when the file does not have it.
    /// </summary>
    public static HeaderMatch Match(ImportSheet sheet, IReadOnlyList<string?> headerRow)
    {
        var positions = new int[sheet.Columns.Count];
        Array.Fill(positions, -1);
        var problems = new List<string>();
        for (var position = 0; position < headerRow.Count; position++)
        {
            var normalised = Normalise(headerRow[position]);
            if (normalised.Length == 0)
            {
                continue;
            }

            // The exact header wins over an alias ("Code" is the products' code even though it aliases "Code Produit").
            var index = FindColumn(sheet, (i, c) => Normalise(c.Header) == normalised);
            if (index < 0)
            {
                index = FindColumn(sheet, (i, c) => positions[i] < 0 && c.Matches(normalised));
            }

            if (index < 0)
            {
                continue;
            }

            if (positions[index] >= 0)
            {
                problems.Add($"La colonne « {sheet.Columns[index].Header} » apparaît deux fois dans l'onglet {sheet.Name}.");
                continue;
            }

            positions[index] = position;
        }

        var missing = sheet.Columns.Where((c, i) => c.Required && positions[i] < 0).Select(c => c.Header).ToList();
        return new HeaderMatch(positions, missing, problems);
    }

    private static int FindColumn(ImportSheet sheet, Func<int, ImportColumn, bool> predicate)
    {
        for (var i = 0; i < sheet.Columns.Count; i++)
        {
            if (predicate(i, sheet.Columns[i]))
            {
                return i;
            }
        }

        return -1;
    }
}

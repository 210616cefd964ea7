using System.Globalization;
using System.Text;

namespace Portal.Infrastructure.Files;

/// <summary>Names of the files we hand out (templates, exports, reports).</summary>
internal static class FileNames
{
    /// <summary>A file-name-safe form: lower-case ASCII letters and digits separated by dashes ("Chiffre d'affaires" -> "chiffre-d-affaires").</summary>
    public static string Slug(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var result = slug.ToString().Trim('-');
        return result.Length == 0 ? "export" : result;
    }
}

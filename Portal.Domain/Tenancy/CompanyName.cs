using System.Globalization;
using System.Text;
using Portal.Domain.Common;

namespace Portal.Domain.Tenancy;

/// <summary>
/// A company's name as typed (trimmed, 1 to 200 characters) and its normalised form, which decides whether two
/// spellings name the same company: case, accents, punctuation and spacing are ignored; every word counts,
/// including words in parentheses ("Boutique Ndiaye (Dakar)" and "Boutique Ndiaye (Thiès)" are two companies).
/// </summary>
public sealed record CompanyName
{
    public const int MaxLength = 200;

    private CompanyName(string value, string normalized) => (Value, Normalized) = (value, normalized);

    public string Value { get; }

    public string Normalized { get; }

    public override string ToString() => Value;

    public static CompanyName Create(string? name)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw new DomainException("Le nom de l'entreprise est obligatoire.");
        }

        if (trimmed.Length > MaxLength)
        {
            throw new DomainException($"Le nom de l'entreprise ne doit pas dépasser {MaxLength} caractères.");
        }

        var normalized = Normalize(trimmed);
        if (normalized.Length == 0)
        {
            throw new DomainException("Le nom de l'entreprise doit contenir au moins une lettre ou un chiffre.");
        }

        return new CompanyName(trimmed, normalized);
    }

    /// <summary>Lower case, no diacritics, letters and digits only, words separated by one space.</summary>
    public static string Normalize(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var output = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && output.Length > 0)
                {
                    output.Append(' ');
                }

                output.Append(char.ToLowerInvariant(c));
                pendingSpace = false;
            }
            else
            {
                pendingSpace = true;
            }
        }

        return output.ToString();
    }
}

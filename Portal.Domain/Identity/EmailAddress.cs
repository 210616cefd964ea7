using System.Diagnostics.CodeAnalysis;
using System.Net.Mail;

namespace Portal.Domain.Identity;

/// <summary>An email address, trimmed and lower-cased.</summary>
public sealed record EmailAddress
{
    public const int MaxLength = 256;

    private EmailAddress(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static EmailAddress Parse(string? input) =>
        TryParse(input, out var email, out var error) ? email : throw new Common.DomainException(error);

    public static bool TryParse(string? input, [NotNullWhen(true)] out EmailAddress? email, [NotNullWhen(false)] out string? error)
    {
        email = null;
        var text = (input ?? string.Empty).Trim().ToLowerInvariant();
        if (text.Length == 0)
        {
            error = "L'adresse e-mail est obligatoire.";
            return false;
        }

        if (text.Length > MaxLength)
        {
            error = $"L'adresse e-mail ne doit pas dépasser {MaxLength} caractères.";
            return false;
        }

        var at = text.IndexOf('@', StringComparison.Ordinal);
        var domain = at > 0 ? text[(at + 1)..] : string.Empty;
        if (at <= 0 || text.Count(c => c == '@') != 1 || text.Any(char.IsWhiteSpace)
            || !domain.Contains('.', StringComparison.Ordinal) || domain.StartsWith('.') || domain.EndsWith('.')
            || !MailAddress.TryCreate(text, out var parsed) || parsed.Address != text)
        {
            error = "Adresse e-mail invalide (exemple attendu : prenom.nom@entreprise.sn).";
            return false;
        }

        email = new EmailAddress(text);
        error = null;
        return true;
    }
}

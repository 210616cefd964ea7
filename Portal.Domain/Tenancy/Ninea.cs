using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Portal.Domain.Tenancy;

/// <summary>
/// Senegal's company identifier (Numéro d'Identification National des Entreprises et Associations):
/// 7 to 9 digits, optionally followed by the 3-character tax code (COFI), e.g. "0012345 2G3".
/// </summary>
public sealed partial record Ninea
{
    private Ninea(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static bool TryParse(string? input, [NotNullWhen(true)] out Ninea? ninea, [NotNullWhen(false)] out string? error)
    {
        ninea = null;
        var compact = (input ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal)
            .Replace("-", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        var match = Format().Match(compact);
        if (!match.Success)
        {
            error = "NINEA invalide : 7 à 9 chiffres, éventuellement suivis du code COFI (ex. 0012345 2G3).";
            return false;
        }

        var cofi = match.Groups["cofi"].Value;
        ninea = new Ninea(cofi.Length == 0 ? match.Groups["id"].Value : match.Groups["id"].Value + " " + cofi);
        error = null;
        return true;
    }

    [GeneratedRegex(@"^(?<id>\d{7,9})(?<cofi>\d[A-Z]\d)?$")]
    private static partial Regex Format();
}

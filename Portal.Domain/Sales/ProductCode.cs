using System.Diagnostics.CodeAnalysis;
using Portal.Domain.Common;

namespace Portal.Domain.Sales;

/// <summary>A product's code, unique per company ignoring case: trimmed, 1 to 50 characters.</summary>
public sealed record ProductCode
{
    public const int MaxLength = 50;

    private ProductCode(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static ProductCode Parse(string? text) =>
        TryParse(text, out var code, out var error) ? code : throw new DomainException(error);

    public static bool TryParse(string? text, [NotNullWhen(true)] out ProductCode? code, [NotNullWhen(false)] out string? error)
    {
        code = null;
        var trimmed = text?.Trim() ?? string.Empty;
        error = trimmed.Length switch
        {
            0 => "Le code produit est obligatoire.",
            > MaxLength => $"Le code produit ne doit pas dépasser {MaxLength} caractères.",
            _ => null,
        };
        if (error is not null)
        {
            return false;
        }

        code = new ProductCode(trimmed);
        return true;
    }
}

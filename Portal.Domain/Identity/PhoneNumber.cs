using System.Diagnostics.CodeAnalysis;

namespace Portal.Domain.Identity;

/// <summary>
/// A phone number of one of the countries we serve, held in E.164 form (+221771234567).
/// libphonenumber is absent from our package source, so the numbering plans we need are listed here.
/// </summary>
public sealed record PhoneNumber
{
    private PhoneNumber(string e164, NumberingPlan plan) => (Value, Plan) = (e164, plan);

    public string Value { get; }

    public NumberingPlan Plan { get; }

    public string CountryCode => Plan.CountryCode;

    public override string ToString() => Value;

    public static PhoneNumber Parse(string? input, string defaultCountry = NumberingPlan.DefaultCountry) =>
        TryParse(input, defaultCountry, out var number, out var error) ? number : throw new Common.DomainException(error);

    public static bool TryParse(
        string? input,
        string defaultCountry,
        [NotNullWhen(true)] out PhoneNumber? number,
        [NotNullWhen(false)] out string? error)
    {
        number = null;
        var digits = Compact(input, out var international);
        if (digits is null)
        {
            error = "Numéro de téléphone invalide : seuls les chiffres, espaces, points, tirets, parenthèses et le préfixe + sont acceptés.";
            return false;
        }

        if (digits.Length == 0)
        {
            error = "Le numéro de téléphone est obligatoire.";
            return false;
        }

        NumberingPlan? plan;
        string national;
        if (international)
        {
            plan = NumberingPlan.All.FirstOrDefault(p => digits.StartsWith(p.CallingCode, StringComparison.Ordinal));
            if (plan is null)
            {
                error = "Indicatif pays non pris en charge. Pays acceptés : " + NumberingPlan.SupportedCountriesText + ".";
                return false;
            }

            national = digits[plan.CallingCode.Length..];
        }
        else
        {
            plan = NumberingPlan.Find(defaultCountry)
                ?? throw new ArgumentException($"Unknown default country '{defaultCountry}'.", nameof(defaultCountry));
            national = plan.TrunkPrefix is { } trunk && digits.Length == plan.NationalLength + trunk.Length && digits.StartsWith(trunk, StringComparison.Ordinal)
                ? digits[trunk.Length..]
                : digits;
        }

        if (national.Length != plan.NationalLength)
        {
            error = $"Un numéro {plan.CountryNameFr} compte {plan.NationalLength} chiffres après l'indicatif +{plan.CallingCode}.";
            return false;
        }

        if (!plan.ValidPrefixes.Any(prefix => national.StartsWith(prefix, StringComparison.Ordinal)))
        {
            error = $"Ce numéro ne correspond à aucune série de numéros {plan.CountryNameFr} (+{plan.CallingCode}).";
            return false;
        }

        number = new PhoneNumber("+" + plan.CallingCode + national, plan);
        error = null;
        return true;
    }

    // Returns the digits only (null when a character is not allowed); international when written +… or 00….
    private static string? Compact(string? input, out bool international)
    {
        international = false;
        var text = (input ?? string.Empty).Trim();
        if (text.StartsWith('+'))
        {
            international = true;
            text = text[1..];
        }

        var buffer = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                buffer.Append(c);
            }
            else if (c is not (' ' or '\u00A0' or '.' or '-' or '(' or ')' or '/'))
            {
                return null;
            }
        }

        var digits = buffer.ToString();
        if (!international && digits.StartsWith("00", StringComparison.Ordinal))
        {
            international = true;
            digits = digits[2..];
        }

        return digits;
    }
}

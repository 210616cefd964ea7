using System.Diagnostics.CodeAnalysis;
using PhoneNumbers;
using Portal.Domain.Common;

namespace Portal.Domain.Identity;

/// <summary>
/// A phone number held in E.164 form (+221771234567). Parsing, validation and formatting come from libphonenumber
/// (Google's numbering-plan metadata for every country); local numbers are read in the company's country.
/// </summary>
public sealed record PhoneNumber
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    private PhoneNumber(string e164, string region) => (Value, Region) = (e164, region);

    public string Value { get; }

    /// <summary>ISO code of the country the number belongs to (SN, CI...).</summary>
    public string Region { get; }

    public override string ToString() => Value;

    /// <summary>
    /// How people read a stored identifier: an E.164 number grouped the international way ("+221 77 654 32 10"); anything
    /// else (an email) unchanged.
    /// </summary>
    public static string Display(string? identifier)
    {
        if (string.IsNullOrEmpty(identifier) || !identifier.StartsWith('+'))
        {
            return identifier ?? string.Empty;
        }

        try
        {
            return Util.Format(Util.Parse(identifier, null), PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return identifier;
        }
    }

    public static PhoneNumber Parse(string? input, string defaultCountry = Country.DefaultCode) =>
        TryParse(input, defaultCountry, out var number, out var error) ? number : throw new DomainException(error);

    public static bool TryParse(
        string? input,
        string defaultCountry,
        [NotNullWhen(true)] out PhoneNumber? number,
        [NotNullWhen(false)] out string? error)
    {
        number = null;
        var text = (input ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            error = "Le numéro de téléphone est obligatoire.";
            return false;
        }

        if (text.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '\u00A0' or '.' or '-' or '(' or ')' or '/' or '+')) || text.LastIndexOf('+') > 0)
        {
            error = "Numéro de téléphone invalide : seuls les chiffres, espaces, points, tirets, parenthèses et le préfixe + sont acceptés.";
            return false;
        }

        var region = defaultCountry.Trim().ToUpperInvariant();
        PhoneNumbers.PhoneNumber parsed;
        try
        {
            parsed = Util.Parse(text, region);
        }
        catch (NumberParseException e) when (e.ErrorType == ErrorType.INVALID_COUNTRY_CODE)
        {
            error = "Indicatif pays inconnu : écrivez le numéro avec l'indicatif de son pays (+221, +225...).";
            return false;
        }
        catch (NumberParseException)
        {
            error = "Numéro de téléphone invalide.";
            return false;
        }

        var numberRegion = Util.GetRegionCodeForNumber(parsed) ?? Util.GetRegionCodeForCountryCode(parsed.CountryCode);
        if (!Util.IsValidNumber(parsed))
        {
            error = Util.IsPossibleNumberWithReason(parsed) switch
            {
                PhoneNumberUtil.ValidationResult.TOO_SHORT or PhoneNumberUtil.ValidationResult.TOO_LONG or PhoneNumberUtil.ValidationResult.INVALID_LENGTH
                    => $"Un numéro {CountryLabel(numberRegion)} compte {ExpectedLength(numberRegion)} chiffres après l'indicatif +{parsed.CountryCode}.",
                _ => $"Ce numéro ne correspond à aucune série de numéros {CountryLabel(numberRegion)} (+{parsed.CountryCode}).",
            };
            return false;
        }

        number = new PhoneNumber(Util.Format(parsed, PhoneNumberFormat.E164), numberRegion);
        error = null;
        return true;
    }

    private static string CountryLabel(string region) => Country.Find(region)?.Of ?? "de ce pays";

    private static int ExpectedLength(string region) =>
        Util.GetExampleNumberForType(region, PhoneNumberType.MOBILE) is { } example ? Util.GetNationalSignificantNumber(example).Length : 0;
}

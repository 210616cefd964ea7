using System.Diagnostics.CodeAnalysis;

namespace Portal.Domain.Identity;

/// <summary>What a user types to sign in (or staff type for them): an email address or a phone number, told apart by the '@'.</summary>
public sealed record UserIdentifier
{
    private UserIdentifier(EmailAddress? email, PhoneNumber? phone) => (Email, Phone) = (email, phone);

    public EmailAddress? Email { get; }

    public PhoneNumber? Phone { get; }

    public bool IsEmail => Email is not null;

    /// <summary>The normalised form: the lower-cased email or the E.164 phone number.</summary>
    public string Value => Email?.Value ?? Phone!.Value;

    public override string ToString() => Value;

    public static bool TryParse(
        string? input,
        [NotNullWhen(true)] out UserIdentifier? identifier,
        [NotNullWhen(false)] out string? error,
        string defaultCountry = Common.Country.DefaultCode)
    {
        identifier = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            error = "Saisissez votre adresse e-mail ou votre numéro de téléphone.";
            return false;
        }

        if (input.Contains('@', StringComparison.Ordinal))
        {
            if (!EmailAddress.TryParse(input, out var email, out error))
            {
                return false;
            }

            identifier = new UserIdentifier(email, null);
            return true;
        }

        if (input.Any(char.IsLetter))
        {
            error = $"« {input.Trim()} » n'est ni une adresse e-mail (il manque le @) ni un numéro de téléphone.";
            return false;
        }

        if (!PhoneNumber.TryParse(input, defaultCountry, out var phone, out error))
        {
            return false;
        }

        identifier = new UserIdentifier(null, phone);
        return true;
    }

    public static UserIdentifier ForEmail(EmailAddress email) => new(email, null);

    public static UserIdentifier ForPhone(PhoneNumber phone) => new(null, phone);
}

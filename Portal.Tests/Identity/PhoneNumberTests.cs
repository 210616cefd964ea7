using Portal.Domain.Identity;

namespace Portal.Tests.Identity;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("77 123 45 67", "+221771234567")]
    [InlineData("771234567", "+221771234567")]
    [InlineData("77-123-45-67", "+221771234567")]
    [InlineData("(77) 123.45.67", "+221771234567")]
    [InlineData("+221 77 123 45 67", "+221771234567")]
    [InlineData("00221771234567", "+221771234567")]
    [InlineData("33 821 00 00", "+221338210000")]
    [InlineData("+225 07 08 09 10 11", "+2250708091011")]
    [InlineData("+223 76 12 34 56", "+22376123456")]
    [InlineData("+226 70 12 34 56", "+22670123456")]
    [InlineData("+229 01 97 12 34 56", "+2290197123456")]
    [InlineData("+228 90 12 34 56", "+22890123456")]
    [InlineData("+227 96 12 34 56", "+22796123456")]
    [InlineData("+224 622 12 34 56", "+224622123456")]
    [InlineData("+33 6 12 34 56 78", "+33612345678")]
    [InlineData("+1 202 456 1111", "+12024561111")] // every country, not only the ones we serve
    [InlineData("+234 803 123 4567", "+2348031234567")]
    public void Normalises_valid_numbers_to_E164(string input, string expected)
    {
        Assert.True(PhoneNumber.TryParse(input, "SN", out var number, out var error), error);
        Assert.Equal(expected, number.Value);
    }

    [Theory]
    [InlineData("06 12 34 56 78", "FR", "+33612345678")]
    [InlineData("07 08 09 10 11", "CI", "+2250708091011")]
    [InlineData("76 12 34 56", "ML", "+22376123456")]
    public void Reads_local_formats_in_the_default_country(string input, string country, string expected)
    {
        Assert.Equal(expected, PhoneNumber.Parse(input, country).Value);
    }

    [Theory]
    [InlineData("77 123 45 6", "9 chiffres")] // SN too short
    [InlineData("77 123 45 678", "9 chiffres")] // SN too long
    [InlineData("+221 99 123 45 67", "aucune série")] // SN: no 99 series
    [InlineData("+225 08 08 09 10 11", "aucune série")] // CI: 08 is not allocated
    [InlineData("+225 07 08 09 10", "10 chiffres")] // CI: old 8-digit form
    [InlineData("+223 16 12 34 56", "aucune série")] // ML
    [InlineData("+226 80 12 34 56", "aucune série")] // BF
    [InlineData("+229 97 12 34 56", "10 chiffres")] // BJ: pre-2024 8-digit form
    [InlineData("+228 50 12 34 56", "aucune série")] // TG
    [InlineData("+227 56 12 34 56", "aucune série")] // NE
    [InlineData("+999 1234 5678", "Indicatif pays inconnu")]
    [InlineData("77 12A 45 67", "seuls les chiffres")]
    [InlineData("   ", "obligatoire")]
    public void Rejects_invalid_numbers_with_a_French_reason(string input, string expectedFragment)
    {
        Assert.False(PhoneNumber.TryParse(input, "SN", out _, out var error));
        Assert.Contains(expectedFragment, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+221776543210", "+221 77 654 32 10")]
    [InlineData("+2250708091011", "+225 07 08 09 1011")] // Côte d'Ivoire's grouping, as libphonenumber knows it
    [InlineData("awa@demo.sn", "awa@demo.sn")]
    [InlineData("", "")]
    public void Displays_stored_numbers_grouped_and_leaves_emails_alone(string stored, string shown) =>
        Assert.Equal(shown, PhoneNumber.Display(stored));
}

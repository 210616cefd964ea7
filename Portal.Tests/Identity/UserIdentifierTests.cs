using Portal.Domain.Identity;
using Portal.Domain.Tenancy;

namespace Portal.Tests.Identity;

public class UserIdentifierTests
{
    [Fact]
    public void An_identifier_with_an_at_sign_is_an_email_lower_cased_and_trimmed()
    {
        Assert.True(UserIdentifier.TryParse("  Awa.Diop@Demo.SN ", out var identifier, out _));
        Assert.True(identifier.IsEmail);
        Assert.Equal("awa.diop@demo.sn", identifier.Value);
    }

    [Fact]
    public void An_identifier_without_an_at_sign_is_a_phone_number()
    {
        Assert.True(UserIdentifier.TryParse("77 123 45 67", out var identifier, out _));
        Assert.False(identifier.IsEmail);
        Assert.Equal("+221771234567", identifier.Value);
    }

    [Theory]
    [InlineData("awa@", "Adresse e-mail invalide")]
    [InlineData("awa@demo", "Adresse e-mail invalide")]
    [InlineData("a wa@demo.sn", "Adresse e-mail invalide")]
    [InlineData("awa@@demo.sn", "Adresse e-mail invalide")]
    [InlineData("", "Saisissez votre adresse e-mail ou votre numéro")]
    [InlineData("12", "9 chiffres")]
    [InlineData("awa.diop.demo.sn", "n'est ni une adresse e-mail (il manque le @) ni un numéro de téléphone")]
    public void Rejects_what_is_neither_a_valid_email_nor_a_valid_phone(string input, string expectedFragment)
    {
        Assert.False(UserIdentifier.TryParse(input, out _, out var error));
        Assert.Contains(expectedFragment, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0012345", "0012345")]
    [InlineData("0012345 2G3", "0012345 2G3")]
    [InlineData("005123456-2v2", "005123456 2V2")]
    public void Accepts_NINEA_with_or_without_the_tax_code(string input, string expected)
    {
        Assert.True(Ninea.TryParse(input, out var ninea, out _));
        Assert.Equal(expected, ninea.Value);
    }

    [Theory]
    [InlineData("123")]
    [InlineData("0012345 ABC")]
    [InlineData("NINEA")]
    public void Rejects_malformed_NINEA(string input)
    {
        Assert.False(Ninea.TryParse(input, out _, out var error));
        Assert.StartsWith("NINEA invalide", error, StringComparison.Ordinal);
    }
}

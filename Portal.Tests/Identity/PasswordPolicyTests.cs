using Portal.Domain.Identity;

namespace Portal.Tests.Identity;

public class PasswordPolicyTests
{
    [Theory]
    [InlineData("Dakar2026")]
    [InlineData("aB3aaaaa")]
    public void Accepts_eight_characters_with_upper_lower_and_digit(string password) =>
        Assert.Empty(PasswordPolicy.Check(password));

    [Theory]
    [InlineData("Dak2026", "au moins 8 caractères")]
    [InlineData("dakar2026", "majuscule")]
    [InlineData("DAKAR2026", "minuscule")]
    [InlineData("DakarDakar", "chiffre")]
    public void Rejects_a_password_missing_a_rule_and_says_which(string password, string expectedFragment) =>
        Assert.Contains(PasswordPolicy.Check(password), p => p.Contains(expectedFragment, StringComparison.Ordinal));

    [Fact]
    public void Generated_temporary_passwords_satisfy_the_policy_and_differ()
    {
        var passwords = Enumerable.Range(0, 200).Select(_ => PasswordPolicy.GenerateTemporary()).ToList();
        Assert.All(passwords, p => Assert.True(PasswordPolicy.IsSatisfiedBy(p), p));
        Assert.Equal(passwords.Count, passwords.Distinct().Count());
    }
}

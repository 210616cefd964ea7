using System.Security.Cryptography;

namespace Portal.Domain.Identity;

/// <summary>At least 8 characters with an upper-case letter, a lower-case letter and a digit.</summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 8;

    public static IReadOnlyList<string> Check(string? password)
    {
        var problems = new List<string>();
        password ??= string.Empty;
        if (password.Length < MinimumLength)
        {
            problems.Add($"Le mot de passe doit contenir au moins {MinimumLength} caractères.");
        }

        if (!password.Any(char.IsUpper))
        {
            problems.Add("Le mot de passe doit contenir au moins une lettre majuscule.");
        }

        if (!password.Any(char.IsLower))
        {
            problems.Add("Le mot de passe doit contenir au moins une lettre minuscule.");
        }

        if (!password.Any(char.IsAsciiDigit))
        {
            problems.Add("Le mot de passe doit contenir au moins un chiffre.");
        }

        return problems;
    }

    public static bool IsSatisfiedBy(string? password) => Check(password).Count == 0;

    // Letters and digits that cannot be mistaken for one another when read aloud or on paper.
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";

    /// <summary>A random temporary password that satisfies the policy, easy to read out over the phone.</summary>
    public static string GenerateTemporary(int length = 12)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, MinimumLength);
        var all = Upper + Lower + Digits;
        var chars = new char[length];
        chars[0] = Upper[RandomNumberGenerator.GetInt32(Upper.Length)];
        chars[1] = Lower[RandomNumberGenerator.GetInt32(Lower.Length)];
        chars[2] = Digits[RandomNumberGenerator.GetInt32(Digits.Length)];
        for (var i = 3; i < length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}

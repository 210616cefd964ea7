using Portal.Domain.Common;
using Portal.Domain.Identity;

namespace Portal.Infrastructure.Messaging.Channels;

internal static class PhoneDigits
{
    /// <summary>
    /// The digits of a valid international number (+221771234567 gives 221771234567), as the domain's
    /// <see cref="PhoneNumber"/> checks it; null for anything else (no "+", not a number of any country).
    /// </summary>
    public static string? FromE164(string address) =>
        address.TrimStart().StartsWith('+') && PhoneNumber.TryParse(address, Country.DefaultCode, out var number, out _) ? number.Value[1..] : null;
}

namespace Portal.Infrastructure.Messaging.Channels;

internal static class PhoneDigits
{
    /// <summary>The digits of an E.164 number (+221771234567 gives 221771234567); null when it is not one.</summary>
    public static string? FromE164(string address)
    {
        var trimmed = address.Trim();
        return trimmed.Length is >= 9 and <= 16 && trimmed[0] == '+' && trimmed.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0 ? trimmed[1..] : null;
    }
}

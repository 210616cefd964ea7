namespace Portal.Domain.Messaging;

/// <summary>
/// Which channels reach a person for a kind of message. In-app always; then what they chose, or by default the channel
/// they read: e-mail for people who have one, WhatsApp for people known by their phone only.
/// </summary>
public static class ChannelChoice
{
    /// <param name="hasEmail">The person has an e-mail address.</param>
    /// <param name="hasPhone">The person has a phone number.</param>
    /// <param name="chosen">Their own choices for this kind of message (channel, on); channels they never set keep the default.</param>
    /// <param name="externalByDefault">False for kinds that only go in-app unless the person asks for more.</param>
    public static IReadOnlyList<MessageChannel> For(bool hasEmail, bool hasPhone, IReadOnlyDictionary<MessageChannel, bool> chosen, bool externalByDefault = true)
    {
        var channels = new List<MessageChannel> { MessageChannel.InApp };
        foreach (var channel in MessageChannels.Optional)
        {
            if (chosen.TryGetValue(channel, out var on) ? on : externalByDefault && IsDefault(channel, hasEmail, hasPhone))
            {
                channels.Add(channel);
            }
        }

        return channels;
    }

    public static bool IsDefault(MessageChannel channel, bool hasEmail, bool hasPhone) => channel switch
    {
        MessageChannel.InApp => true,
        MessageChannel.Email => hasEmail,
        MessageChannel.WhatsApp => !hasEmail && hasPhone,
        _ => false,
    };
}

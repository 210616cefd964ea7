namespace Portal.Domain.Messaging;

/// <summary>Where a message goes. Stored by name; <see cref="MessageChannels.Code"/> gives the lower-case code used in keys and logs.</summary>
public enum MessageChannel
{
    InApp,
    Email,
    Sms,
    WhatsApp,
}

public static class MessageChannels
{
    public static IReadOnlyList<MessageChannel> All { get; } = [MessageChannel.InApp, MessageChannel.Email, MessageChannel.Sms, MessageChannel.WhatsApp];

    /// <summary>The channels a person can switch on or off (in-app is always on).</summary>
    public static IReadOnlyList<MessageChannel> Optional { get; } = [MessageChannel.Email, MessageChannel.Sms, MessageChannel.WhatsApp];

    public static string Code(this MessageChannel channel) => channel switch
    {
        MessageChannel.InApp => "in_app",
        MessageChannel.Email => "email",
        MessageChannel.Sms => "sms",
        MessageChannel.WhatsApp => "whatsapp",
        _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };

    public static string Label(this MessageChannel channel) => channel switch
    {
        MessageChannel.InApp => "Dans l'application",
        MessageChannel.Email => "E-mail",
        MessageChannel.Sms => "SMS",
        MessageChannel.WhatsApp => "WhatsApp",
        _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };

    /// <summary>SMS and WhatsApp ring a phone: they wait for the end of the recipient's quiet hours.</summary>
    public static bool RingsAPhone(this MessageChannel channel) => channel is MessageChannel.Sms or MessageChannel.WhatsApp;
}

using Portal.Domain.Common;

namespace Portal.Domain.Messaging;

/// <summary>
/// One person's choice for one kind of message on one channel (on or off). Only choices that differ from the default
/// are stored: a person who never opened their preferences gets <see cref="ChannelChoice"/>'s defaults.
/// </summary>
public sealed class MessagePreference : IUserOwned
{
    private MessagePreference()
    {
    }

    public MessagePreference(Guid userId, string type, MessageChannel channel, bool enabled)
    {
        if (channel == MessageChannel.InApp)
        {
            throw new DomainException("Les notifications dans l'application ne peuvent pas être désactivées.");
        }

        Id = Guid.NewGuid();
        UserId = userId;
        Type = type;
        Channel = channel;
        Enabled = enabled;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string Type { get; private set; } = string.Empty;

    public MessageChannel Channel { get; private set; }

    public bool Enabled { get; set; }
}

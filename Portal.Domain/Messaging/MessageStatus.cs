namespace Portal.Domain.Messaging;

/// <summary>
/// Life of an outgoing message: queued, claimed by one delivery run (sending), then sent; a failure that may pass is
/// retried later (failed); a refusal, or the last failed attempt, ends it (dead) until staff queue it again.
/// </summary>
public enum MessageStatus
{
    Queued,
    Sending,
    Sent,
    Failed,
    Dead,
}

public static class MessageStatuses
{
    public static string Label(this MessageStatus status) => status switch
    {
        MessageStatus.Queued => "En file",
        MessageStatus.Sending => "En cours d'envoi",
        MessageStatus.Sent => "Envoyé",
        MessageStatus.Failed => "Nouvel essai prévu",
        MessageStatus.Dead => "Abandonné",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}

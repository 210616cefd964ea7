using Portal.Domain.Common;
using Portal.Domain.Messaging;

namespace Portal.Domain.Notifications;

/// <summary>
/// A message for one user inside the app (the bell in the top bar), e.g. "the import of X is done": the in-app channel's
/// delivery of an <see cref="OutboxMessage"/>, whose id it keeps, so a message is never shown twice.
/// </summary>
public sealed class Notification : IUserOwned
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 1000;
    public const int LinkMaxLength = 300;

    private Notification()
    {
    }

    public Notification(Guid id, Guid userId, string title, string body, string? link, MessagePriority priority, DateTime? expiresAt)
    {
        Id = id;
        UserId = userId;
        Title = title.Length > TitleMaxLength ? title[..TitleMaxLength] : title;
        Body = body.Length > BodyMaxLength ? body[..BodyMaxLength] : body;
        Link = link;
        Priority = priority;
        ExpiresAt = expiresAt;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string Body { get; private set; } = string.Empty;

    public string? Link { get; private set; }

    public MessagePriority Priority { get; private set; }

    /// <summary>After this, the notification is no longer shown (an offer, a maintenance window).</summary>
    public DateTime? ExpiresAt { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>Set by the notification service when the person opens it, or in bulk (mark all read).</summary>
    public DateTime? ReadAt { get; private set; }

    public void MarkRead(DateTime now) => ReadAt ??= now;
}

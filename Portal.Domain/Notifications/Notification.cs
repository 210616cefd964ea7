using Portal.Domain.Common;

namespace Portal.Domain.Notifications;

/// <summary>A message for one user inside the app (the bell in the top bar), e.g. "the import of X is done".</summary>
public sealed class Notification : IUserOwned
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 1000;
    public const int LinkMaxLength = 300;

    private Notification()
    {
    }

    public Notification(Guid userId, string title, string body, string? link)
    {
        Id = Guid.NewGuid();
        UserId = userId;
        Title = title.Length > TitleMaxLength ? title[..TitleMaxLength] : title;
        Body = body.Length > BodyMaxLength ? body[..BodyMaxLength] : body;
        Link = link;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string Body { get; private set; } = string.Empty;

    public string? Link { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>Set in bulk by the notification service when the user opens the bell.</summary>
    public DateTime? ReadAt { get; private set; }
}

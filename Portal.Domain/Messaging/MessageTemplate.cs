using Portal.Domain.Common;

namespace Portal.Domain.Messaging;

/// <summary>
/// The operator's own wording of one kind of message on one channel, replacing the French default written in code.
/// Subject and body are Handlebars templates over the same variables as the default (<c>{{tenant.name}}</c>...).
/// </summary>
public sealed class MessageTemplate : IPlatformOwned
{
    public const int BodyMaxLength = 4000;

    private MessageTemplate()
    {
    }

    public MessageTemplate(string type, MessageChannel channel, string subject, string body, Guid? updatedById, DateTime now)
    {
        Id = Guid.NewGuid();
        Type = type;
        Channel = channel;
        Change(subject, body, updatedById, now);
    }

    public Guid Id { get; private set; }

    public string Type { get; private set; } = string.Empty;

    public MessageChannel Channel { get; private set; }

    public string Subject { get; private set; } = string.Empty;

    public string Body { get; private set; } = string.Empty;

    public Guid? UpdatedById { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public void Change(string subject, string body, Guid? updatedById, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            throw new DomainException("Le texte du message est obligatoire.");
        }

        if (body.Length > BodyMaxLength)
        {
            throw new DomainException($"Le texte du message dépasse {BodyMaxLength} caractères.");
        }

        (Subject, Body, UpdatedById, UpdatedAt) = (subject.Trim(), body, updatedById, now);
    }
}

using Portal.Domain.Common;

namespace Portal.Domain.Messaging;

/// <summary>
/// One message to one person on one channel, written in the same transaction as the change that causes it and
/// delivered later by the delivery job. It is rendered when queued (what the person receives is what staff see), and
/// its <see cref="DedupKey"/> is unique, so the same reminder or alert is never queued twice.
/// </summary>
public sealed class OutboxMessage : IPlatformQueue
{
    public const int MaxAttempts = 5;
    public const int TypeMaxLength = 60;
    public const int AddressMaxLength = 256;
    public const int SubjectMaxLength = 200;
    public const int DedupKeyMaxLength = 200;
    public const int ErrorMaxLength = 1000;

    /// <summary>How long a delivery run may hold a message before it counts as interrupted.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);

    private OutboxMessage()
    {
    }

    public OutboxMessage(OutboxDraft draft, DateTime now, DateTime notBefore)
    {
        Id = Guid.NewGuid();
        TenantId = draft.TenantId;
        UserId = draft.UserId;
        RecipientName = draft.RecipientName;
        Channel = draft.Channel;
        Address = draft.Address;
        Type = draft.Type;
        Priority = draft.Priority;
        Subject = draft.Subject.Length > SubjectMaxLength ? draft.Subject[..SubjectMaxLength] : draft.Subject;
        Body = draft.Body;
        Html = draft.Html;
        TemplateName = draft.TemplateName;
        TemplateParameters = draft.TemplateParameters;
        Link = draft.Link;
        ExpiresAt = draft.ExpiresAt;
        DedupKey = draft.DedupKey;
        FallbackReason = draft.FallbackReason;
        Status = MessageStatus.Queued;
        CreatedAt = now;
        NextAttemptAt = notBefore;
    }

    public Guid Id { get; private set; }

    /// <summary>The company the message is about; null for platform messages (to staff).</summary>
    public Guid? TenantId { get; private set; }

    public Guid UserId { get; private set; }

    public string RecipientName { get; private set; } = string.Empty;

    public MessageChannel Channel { get; private set; }

    /// <summary>E-mail address or E.164 phone number; empty for in-app messages.</summary>
    public string Address { get; private set; } = string.Empty;

    public string Type { get; private set; } = string.Empty;

    public MessagePriority Priority { get; private set; }

    public string Subject { get; private set; } = string.Empty;

    /// <summary>Plain text: the SMS, the WhatsApp preview, the in-app body, the e-mail's text part.</summary>
    public string Body { get; private set; } = string.Empty;

    /// <summary>The e-mail's HTML part (every variable already escaped).</summary>
    public string? Html { get; private set; }

    /// <summary>WhatsApp template the provider sends, with <see cref="TemplateParameters"/> (JSON array) as its parameters.</summary>
    public string? TemplateName { get; private set; }

    public string? TemplateParameters { get; private set; }

    /// <summary>Where the in-app notification leads.</summary>
    public string? Link { get; private set; }

    /// <summary>When the in-app notification stops being shown.</summary>
    public DateTime? ExpiresAt { get; private set; }

    public string DedupKey { get; private set; } = string.Empty;

    /// <summary>Why this message went in-app instead of the channel asked for (no address...).</summary>
    public string? FallbackReason { get; private set; }

    public MessageStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTime NextAttemptAt { get; private set; }

    /// <summary>The delivery run holding the message while it is <see cref="MessageStatus.Sending"/>.</summary>
    public Guid? ClaimToken { get; private set; }

    public DateTime? ClaimedAt { get; private set; }

    public DateTime? SentAt { get; private set; }

    public string? ProviderMessageId { get; private set; }

    public string? LastError { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>Wait before attempt <paramref name="attempt"/> + 1: 1, 4, 16 then 64 minutes.</summary>
    public static TimeSpan Backoff(int attempt) => TimeSpan.FromMinutes(Math.Pow(4, Math.Clamp(attempt, 1, MaxAttempts) - 1));

    public void Delivered(string providerMessageId, DateTime now)
    {
        EnsureSending();
        (Status, SentAt, ProviderMessageId, ClaimToken, LastError) = (MessageStatus.Sent, now, providerMessageId, null, null);
    }

    /// <summary>
    /// A failed attempt: a refusal (<paramref name="permanent"/>: bad number, rejected template) or the fifth failure ends
    /// the message; anything else is tried again after <see cref="Backoff"/>, never during the recipient's quiet hours.
    /// </summary>
    public void AttemptFailed(string error, bool permanent, DateTime now, Func<DateTime, DateTime>? allowedFrom = null)
    {
        EnsureSending();
        LastError = error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
        ClaimToken = null;
        if (permanent || Attempts >= MaxAttempts)
        {
            Status = MessageStatus.Dead;
            return;
        }

        var next = now + Backoff(Attempts);
        Status = MessageStatus.Failed;
        NextAttemptAt = allowedFrom?.Invoke(next) ?? next;
    }

    /// <summary>
    /// A run stopped while holding the message, or the channel failed in a way that says nothing of the provider's answer:
    /// the provider may have received it, so it is not sent again on its own. Staff check and queue it again if it never
    /// arrived.
    /// </summary>
    public void Interrupted(DateTime now, string? cause = null)
    {
        EnsureSending();
        (Status, ClaimToken) = (MessageStatus.Dead, null);
        var what = cause is null ? $"Envoi interrompu le {now:dd/MM/yyyy HH:mm} (GMT)" : $"Issue de l'envoi inconnue le {now:dd/MM/yyyy HH:mm} (GMT), {cause.TrimEnd('.', ' ')}";
        var error = $"{what} : le message a peut-être été remis. Vérifiez avant de le renvoyer.";
        LastError = error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
    }

    /// <summary>A run that stops before sending the message gives it back: the next run sends it, this attempt not counted.</summary>
    public void Release()
    {
        EnsureSending();
        Attempts--;
        (Status, ClaimToken, ClaimedAt) = (Attempts == 0 ? MessageStatus.Queued : MessageStatus.Failed, null, null);
    }

    /// <summary>Staff send a dead message again: it starts over with five attempts, not before <paramref name="notBefore"/> (quiet hours).</summary>
    public void Requeue(DateTime now, DateTime? notBefore = null)
    {
        if (Status != MessageStatus.Dead)
        {
            throw new DomainException("Seul un message abandonné peut être remis en file.");
        }

        (Status, Attempts, NextAttemptAt, ClaimToken, ClaimedAt) = (MessageStatus.Queued, 0, notBefore > now ? notBefore.Value : now, null, null);
    }

    private void EnsureSending()
    {
        if (Status != MessageStatus.Sending)
        {
            throw new DomainException($"Ce message n'est pas en cours d'envoi (état : {Status.Label()}).");
        }
    }
}

/// <summary>What the outbox writer resolved and rendered for one recipient and channel.</summary>
public sealed record OutboxDraft(
    Guid? TenantId,
    Guid UserId,
    string RecipientName,
    MessageChannel Channel,
    string Address,
    string Type,
    MessagePriority Priority,
    string Subject,
    string Body,
    string DedupKey)
{
    public string? Html { get; init; }

    public string? TemplateName { get; init; }

    public string? TemplateParameters { get; init; }

    public string? Link { get; init; }

    public DateTime? ExpiresAt { get; init; }

    public string? FallbackReason { get; init; }
}

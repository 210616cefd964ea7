using Portal.Domain.Messaging;

namespace Portal.Infrastructure.Messaging;

/// <summary>One row of the staff viewer.</summary>
public sealed record MessageListItem(
    Guid Id, DateTime CreatedAt, MessageChannel Channel, string RecipientName, string Address, string Type, string Subject,
    MessageStatus Status, int Attempts, DateTime NextAttemptAt, bool InLocalSink, string? LastError);

/// <summary>A message as its recipient sees it, with its delivery record.</summary>
public sealed record MessageDetail(
    Guid Id, DateTime CreatedAt, MessageChannel Channel, string RecipientName, string Address, string Type, MessagePriority Priority,
    string Subject, string Body, string? Html, string? TemplateName, IReadOnlyList<string> TemplateParameters, MessageStatus Status,
    int Attempts, DateTime NextAttemptAt, DateTime? SentAt, string? ProviderMessageId, string? LastError, string? FallbackReason, string? Link)
{
    public bool InLocalSink => ProviderMessageId == LocalSink.ProviderId;

    public SmsMeasure? Sms => Channel == MessageChannel.Sms ? SmsText.Measure(Body) : null;
}

/// <summary>Filters of the staff viewer; null means any.</summary>
public sealed record MessageFilter(MessageChannel? Channel = null, MessageStatus? Status = null, string? Search = null);

/// <summary>Counts by status for the viewer's header.</summary>
public sealed record MessageCounts(int Queued, int Failed, int Dead, int SentLast24Hours);

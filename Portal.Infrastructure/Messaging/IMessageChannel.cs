using Portal.Domain.Messaging;

namespace Portal.Infrastructure.Messaging;

/// <summary>
/// One way out (e-mail, SMS, WhatsApp). Each is configured in appsettings / the environment and none is required:
/// a channel that is not configured keeps its messages in the local sink (shown in /admin/messages) instead.
/// </summary>
public interface IMessageChannel
{
    MessageChannel Channel { get; }

    /// <summary>False when its settings are missing: the delivery job then delivers to the local sink.</summary>
    bool IsConfigured { get; }

    /// <summary>Hands the message to the provider and returns the provider's message id.</summary>
    /// <exception cref="DeliveryException">The provider refused (permanent) or could not be reached (transient).</exception>
    Task<string> SendAsync(OutgoingMessage message, CancellationToken cancellationToken);
}

/// <summary>A message as a channel sends it.</summary>
/// <param name="Id">The outbox row's id: providers that accept one use it as their idempotency key.</param>
/// <param name="Address">E-mail address, or E.164 phone number (+221...).</param>
/// <param name="RecipientName">Display name for the e-mail's To header.</param>
/// <param name="Subject">E-mail subject (UTF-8).</param>
/// <param name="Text">Plain text: the SMS, the e-mail's text part, WhatsApp free text.</param>
/// <param name="Html">The e-mail's HTML part, already escaped; null for other channels.</param>
/// <param name="TemplateName">WhatsApp template; null to send <paramref name="Text"/> as free text.</param>
/// <param name="TemplateParameters">The WhatsApp template's body parameters, in order.</param>
public sealed record OutgoingMessage(
    Guid Id,
    string Address,
    string RecipientName,
    string Subject,
    string Text,
    string? Html,
    string? TemplateName,
    IReadOnlyList<string> TemplateParameters);

/// <summary>
/// A send that did not go through. <see cref="Permanent"/> refusals (HTTP 4xx: bad number, unknown template) are not
/// retried; anything else (5xx, timeouts, connection errors, rejected credentials that an operator will fix) is, with
/// back-off. <see cref="OutcomeUnknown"/>: the provider may have taken the message (a timeout after the request went out
/// to a provider without an idempotency key), so it is set aside for staff rather than sent again.
/// </summary>
public sealed class DeliveryException(string message, bool permanent, Exception? inner = null, bool outcomeUnknown = false) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;

    public bool OutcomeUnknown { get; } = outcomeUnknown;
}

using Portal.Domain.Messaging;

namespace Portal.Infrastructure.Messaging;

/// <summary>Who can receive a kind of message (decides where it is offered in the preferences pages).</summary>
public enum MessageAudience
{
    Staff,
    Tenant,
    Everyone,
}

/// <summary>
/// One kind of message and its French default wording (Handlebars over the variables its senders pass, plus
/// <c>{{user.firstName}}</c>, <c>{{user.name}}</c> and <c>{{app.name}}</c>). The operator may replace the wording per
/// channel (<see cref="MessageTemplate"/>); the WhatsApp template's name and parameters are fixed, as WhatsApp approves them.
/// </summary>
/// <param name="Type">Stable key (<c>import.failed</c>), stored with every message and preference.</param>
/// <param name="Label">What people see in their preferences.</param>
/// <param name="Audience">Who receives it: staff, tenant users or both.</param>
/// <param name="Priority">Urgent kinds ignore quiet hours; the bell shows high and urgent ones first.</param>
/// <param name="ExternalByDefault">False for kinds that only go in-app unless the person asks for more.</param>
/// <param name="Subject">E-mail subject and in-app title.</param>
/// <param name="Body">In-app text and e-mail body (blank lines separate paragraphs).</param>
/// <param name="Sms">The SMS, short enough for one or two segments.</param>
/// <param name="WhatsAppTemplate">Name of the approved WhatsApp template.</param>
/// <param name="WhatsAppParameters">The template's body parameters, in order, as Handlebars expressions.</param>
public sealed record MessageKind(
    string Type,
    string Label,
    MessageAudience Audience,
    MessagePriority Priority,
    bool ExternalByDefault,
    string Subject,
    string Body,
    string Sms,
    string WhatsAppTemplate,
    IReadOnlyList<string> WhatsAppParameters)
{
    /// <summary>
    /// The roles that receive this kind without asking; null when everyone it is sent to does. People of other roles
    /// receive it only on the channels they switch on in their preferences (in-app comes with them).
    /// </summary>
    public IReadOnlySet<string>? DefaultRoles { get; init; }

    /// <summary>The person receives this kind only if they switched a channel on.</summary>
    public bool IsOptInFor(string? role) => DefaultRoles is not null && (role is null || !DefaultRoles.Contains(role));

    /// <summary>Whether e-mail, SMS or WhatsApp go by default to a person of this role (see <see cref="ChannelChoice"/>).</summary>
    public bool ExternalByDefaultFor(string? role) => ExternalByDefault && !IsOptInFor(role);
}

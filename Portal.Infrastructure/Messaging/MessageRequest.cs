using Portal.Domain.Messaging;

namespace Portal.Infrastructure.Messaging;

/// <summary>
/// "Tell these people that..." as a sender asks it: the outbox picks each person's channels and addresses, renders the
/// wording and writes one row per person and channel.
/// </summary>
/// <param name="Kind">What is sent (<see cref="MessageKinds"/>).</param>
/// <param name="Recipients">Users of <see cref="TenantId"/>, or platform staff.</param>
/// <param name="DedupKey">What makes this message unique (<c>import:{id}</c>): the same key is never queued twice for a person and channel.</param>
public sealed record MessageRequest(MessageKind Kind, IReadOnlyCollection<Guid> Recipients, string DedupKey)
{
    /// <summary>The company the message is about; null for platform messages.</summary>
    public Guid? TenantId { get; init; }

    /// <summary>The template's variables (<c>["tenant"] = new { name = ... }</c>).</summary>
    public IReadOnlyDictionary<string, object?> Model { get; init; } = new Dictionary<string, object?>();

    public string? Link { get; init; }

    public DateTime? ExpiresAt { get; init; }

    /// <summary>Sends on these channels only, whatever the preferences (a test message); in-app is always added.</summary>
    public IReadOnlyList<MessageChannel>? Channels { get; init; }
}

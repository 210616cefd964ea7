using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Auditing;
using Portal.Domain.Common;
using Portal.Domain.Identity;
using Portal.Domain.Messaging;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Events;
using Portal.Infrastructure.Identity;

namespace Portal.Infrastructure.Messaging;

/// <summary>The staff's view of every outgoing message: the list, each message as received, re-queueing, test messages.</summary>
public sealed class MessageCenter(
    PortalDb portalDb, CurrentUser user, MessageOutbox outbox, IEnumerable<IMessageChannel> channels, EventBus bus, AuditTrail audit, TimeProvider clock)
{
    private const string DeliveredKey = "outbox:delivered";

    /// <summary>Calls <paramref name="changed"/> after each delivery round, on any server (dispose to stop).</summary>
    public IDisposable Follow(Action changed)
    {
        user.Demand(Permissions.Messages.Read);
        return bus.Subscribe<object>(DeliveredKey, _ => changed());
    }

    /// <summary>Tells the staff viewers that statuses changed (after the delivery round's commit).</summary>
    internal static void Delivered(EventBus bus) => bus.Publish<object>(DeliveredKey, null);

    /// <summary>Each outside channel and whether it reaches a provider (else its messages stay in the local sink).</summary>
    public IReadOnlyList<(MessageChannel Channel, bool Configured)> Channels()
    {
        user.Demand(Permissions.Messages.Read);
        return MessageChannels.Optional.Select(c => (c, channels.Any(x => x.Channel == c && x.IsConfigured))).ToList();
    }

    public async Task<Page<MessageListItem>> ListAsync(MessageFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = portalDb.ForCurrentUser(Permissions.Messages.Read);
        var messages = db.OutboxMessages.AsNoTracking();
        if (filter.Channel is { } channel)
        {
            messages = messages.Where(m => m.Channel == channel);
        }

        if (filter.Status is { } status)
        {
            messages = messages.Where(m => m.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim().ToLower();
            messages = messages.Where(m => m.RecipientName.ToLower().Contains(term) || m.Address.ToLower().Contains(term) || m.Subject.ToLower().Contains(term) || m.Type.Contains(term));
        }

        var total = await messages.CountAsync(cancellationToken);
        messages = (page.SortBy, page.Descending) switch
        {
            (nameof(MessageListItem.CreatedAt), false) => messages.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id),
            (nameof(MessageListItem.RecipientName), false) => messages.OrderBy(m => m.RecipientName).ThenByDescending(m => m.CreatedAt),
            (nameof(MessageListItem.RecipientName), true) => messages.OrderByDescending(m => m.RecipientName).ThenByDescending(m => m.CreatedAt),
            (nameof(MessageListItem.Channel), false) => messages.OrderBy(m => m.Channel).ThenByDescending(m => m.CreatedAt),
            (nameof(MessageListItem.Channel), true) => messages.OrderByDescending(m => m.Channel).ThenByDescending(m => m.CreatedAt),
            (nameof(MessageListItem.Type), false) => messages.OrderBy(m => m.Type).ThenByDescending(m => m.CreatedAt),
            (nameof(MessageListItem.Type), true) => messages.OrderByDescending(m => m.Type).ThenByDescending(m => m.CreatedAt),
            (nameof(MessageListItem.Status), false) => messages.OrderBy(m => m.Status).ThenByDescending(m => m.CreatedAt),
            (nameof(MessageListItem.Status), true) => messages.OrderByDescending(m => m.Status).ThenByDescending(m => m.CreatedAt),
            (nameof(MessageListItem.Attempts), false) => messages.OrderBy(m => m.Attempts).ThenByDescending(m => m.CreatedAt),
            (nameof(MessageListItem.Attempts), true) => messages.OrderByDescending(m => m.Attempts).ThenByDescending(m => m.CreatedAt),
            _ => messages.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id),
        };
        var items = await messages.Skip(page.SafeSkip).Take(page.SafeTake)
            .Select(m => new MessageListItem(m.Id, m.CreatedAt, m.Channel, m.RecipientName, m.Address, m.Type, m.Subject, m.Status, m.Attempts, m.NextAttemptAt,
                m.ProviderMessageId == LocalSink.ProviderId, m.LastError))
            .ToListAsync(cancellationToken);
        return new Page<MessageListItem>(items, total);
    }

    public async Task<MessageCounts> CountsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = portalDb.ForCurrentUser(Permissions.Messages.Read);
        var since = clock.GetUtcNow().UtcDateTime.AddHours(-24);
        var byStatus = await db.OutboxMessages.AsNoTracking().Where(m => m.Status != MessageStatus.Sent)
            .GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var sent = await db.OutboxMessages.CountAsync(m => m.Status == MessageStatus.Sent && m.SentAt >= since, cancellationToken);
        int Of(MessageStatus status) => byStatus.FirstOrDefault(s => s.Key == status)?.Count ?? 0;
        return new MessageCounts(Of(MessageStatus.Queued) + Of(MessageStatus.Sending), Of(MessageStatus.Failed), Of(MessageStatus.Dead), sent);
    }

    public async Task<MessageDetail> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = portalDb.ForCurrentUser(Permissions.Messages.Read);
        var m = await db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken)
            ?? throw new NotFoundException("Ce message est introuvable.");
        var parameters = m.TemplateParameters is null ? [] : JsonSerializer.Deserialize<List<string>>(m.TemplateParameters) ?? [];
        return new MessageDetail(m.Id, m.CreatedAt, m.Channel, m.RecipientName, m.Address, m.Type, m.Priority, m.Subject, m.Body, m.Html, m.TemplateName,
            parameters, m.Status, m.Attempts, m.NextAttemptAt, m.SentAt, m.ProviderMessageId, m.LastError, m.FallbackReason, m.Link);
    }

    /// <summary>Sends a dead message again, from its first attempt (audited).</summary>
    public async Task RequeueAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = portalDb.ForCurrentUser(Permissions.Messages.Manage);
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == id, cancellationToken)
            ?? throw new NotFoundException("Ce message est introuvable.");
        var now = clock.GetUtcNow().UtcDateTime;
        DateTime? notBefore = null;
        if (message.Channel.RingsAPhone() && message.Priority != MessagePriority.Urgent)
        {
            // A phone rings: the recipient's quiet hours hold, as when the message was first queued.
            notBefore = (await RecipientQuietHours.OfAsync(db, message.UserId, cancellationToken)).NextAllowed(now, QuietHours.Zone);
        }

        message.Requeue(now, notBefore);
        db.QueuedMessages = true;
        db.AuditEntries.Add(audit.Entry(AuditActions.RequeueMessage, "message", message.Id, new { message.Type, channel = message.Channel.Code(), message.LastError }, message.TenantId));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A test message to the signed-in staff member on one channel, to check a channel's settings (audited).</summary>
    /// <returns>Why it goes in-app only (no address for the channel), or null.</returns>
    public async Task<string?> SendTestAsync(MessageChannel channel, CancellationToken cancellationToken = default)
    {
        await using var db = portalDb.ForCurrentUser(Permissions.Messages.Manage);
        var me = user.UserId!.Value;
        var request = new MessageRequest(MessageKinds.Test, [me], $"test:{Guid.NewGuid():N}")
        {
            Model = new Dictionary<string, object?> { ["sender"] = new { name = user.Name }, ["channel"] = channel.Label() },
            Link = "/admin/messages",
            Channels = [channel],
        };
        var queued = await outbox.QueueAsync(db, request, cancellationToken);
        db.AuditEntries.Add(audit.Entry(AuditActions.SendTestMessage, "message", queued.FirstOrDefault()?.Id, new { channel = channel.Code() }));
        await db.SaveChangesAsync(cancellationToken);
        return queued.Select(m => m.FallbackReason).FirstOrDefault(r => r is not null);
    }
}

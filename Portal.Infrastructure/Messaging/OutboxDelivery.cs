using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Domain.Messaging;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Events;
using Portal.Infrastructure.Notifications;

namespace Portal.Infrastructure.Messaging;

/// <summary>
/// One delivery round: claims due messages with a conditional update (a message another node already claimed no longer
/// matches it), commits the claim before anything is sent, sends, then records the outcome. In-app messages become the
/// person's notification in the same commit as their "sent" status; channels that are not configured deliver to the
/// local sink (<see cref="LocalSink"/>). A run that dies between sending and recording leaves the message "sending":
/// after <see cref="OutboxMessage.ClaimLease"/> it is set aside for staff, never sent again on its own (in-app and local-sink
/// messages, which never leave the database, simply go back to the queue).
/// </summary>
public sealed class OutboxDelivery(
    PortalDb portalDb,
    IEnumerable<IMessageChannel> channels,
    EventBus bus,
    TimeProvider clock,
    IOptions<MessagingOptions> options,
    ILogger<OutboxDelivery> logger)
{
    private readonly Dictionary<MessageChannel, IMessageChannel> configured = channels.Where(c => c.IsConfigured).ToDictionary(c => c.Channel);

    /// <summary>Delivers everything due now, round after round; returns how many messages it handled.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        await SetAsideInterruptedAsync(cancellationToken);
        var handled = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var round = await DeliverRoundAsync(cancellationToken);
            handled += round;
            if (round < options.Value.BatchSize)
            {
                break;
            }
        }

        return handled;
    }

    /// <summary>Claims up to one batch of due messages and delivers them; returns how many it claimed.</summary>
    public async Task<int> DeliverRoundAsync(CancellationToken cancellationToken = default)
    {
        await using var db = portalDb.ForJob(null, "message delivery");
        var claimed = await ClaimAsync(db, cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var token = claimed[0].ClaimToken;
        OutboxMessage? inFlight = null;
        try
        {
            var notified = new HashSet<Guid>();
            foreach (var message in claimed.Where(m => m.Channel == MessageChannel.InApp || !configured.ContainsKey(m.Channel)))
            {
                if (message.Channel == MessageChannel.InApp)
                {
                    db.Notifications.Add(new Notification(message.Id, message.UserId, message.Subject, message.Body, message.Link, message.Priority, message.ExpiresAt));
                    message.Delivered(LocalSink.InAppId, Now);
                    notified.Add(message.UserId);
                }
                else
                {
                    message.Delivered(LocalSink.ProviderId, Now);
                }
            }

            // Not cancelled half-way: a claimed in-app message is either delivered or still waiting for the next run.
            await db.SaveChangesAsync(CancellationToken.None);
            foreach (var userId in notified)
            {
                NotificationService.Signal(bus, userId);
            }

            foreach (var message in claimed.Where(m => m.Status == MessageStatus.Sending).ToList())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!await RenewAsync(db, message))
                {
                    continue;
                }

                inFlight = message;
                await SendAsync(db, message, configured[message.Channel], cancellationToken);
                inFlight = null;
            }
        }
        catch (Exception)
        {
            // Stopping (shutdown, deploy) or a failure of our own (database, bus): the message being handed over may have
            // reached the provider and is set aside; the ones not yet handed over go back to the queue for the next run.
            await GiveBackAsync(token, inFlight?.Id);
            throw;
        }
        finally
        {
            MessageCenter.Delivered(bus);
        }

        return claimed.Count;
    }

    private async Task<List<OutboxMessage>> ClaimAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var now = Now;
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => (m.Status == MessageStatus.Queued || m.Status == MessageStatus.Failed) && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(options.Value.BatchSize).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return [];
        }

        // The status and due time are checked again by the update itself: of two nodes that read the same ids, the second
        // finds them already "sending" (PostgreSQL re-reads a row it waited for; SQLite has one writer) and claims nothing.
        var token = Guid.NewGuid();
        // Not cancelled between the claim and the read: claimed rows always reach the code that releases them.
        await db.OutboxMessages
            .Where(m => due.Contains(m.Id) && (m.Status == MessageStatus.Queued || m.Status == MessageStatus.Failed) && m.NextAttemptAt <= now)
            .ExecuteUpdateAsync(
                set => set.SetProperty(m => m.Status, MessageStatus.Sending).SetProperty(m => m.ClaimToken, token)
                    .SetProperty(m => m.ClaimedAt, now).SetProperty(m => m.Attempts, m => m.Attempts + 1),
                CancellationToken.None);
        return await db.OutboxMessages.Where(m => m.ClaimToken == token).ToListAsync(CancellationToken.None);
    }

    // Keeps the claim fresh before each hand-over, so another node never sets aside a message this run is about to send;
    // a claim already taken from this run (it outlived the lease) means the message is no longer this run's.
    private async Task<bool> RenewAsync(PortalDbContext db, OutboxMessage message)
    {
        var now = Now;
        var token = message.ClaimToken;
        var renewed = await db.OutboxMessages.Where(m => m.Id == message.Id && m.ClaimToken == token && m.Status == MessageStatus.Sending)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.ClaimedAt, now), CancellationToken.None);
        if (renewed == 0)
        {
            db.Entry(message).State = EntityState.Detached;
        }

        return renewed == 1;
    }

    /// <summary>In a fresh context (the round's may hold a failed save): unsent claimed messages back to the queue, the one in flight set aside.</summary>
    private async Task GiveBackAsync(Guid? token, Guid? inFlight)
    {
        if (token is null)
        {
            return;
        }

        await using var db = portalDb.ForJob(null, "message delivery");
        foreach (var message in await db.OutboxMessages.Where(m => m.ClaimToken == token && m.Status == MessageStatus.Sending).ToListAsync(CancellationToken.None))
        {
            if (message.Id == inFlight)
            {
                message.Interrupted(Now);
            }
            else
            {
                message.Release();
            }
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }

    private async Task SendAsync(PortalDbContext db, OutboxMessage message, IMessageChannel channel, CancellationToken cancellationToken)
    {
        try
        {
            var parameters = message.TemplateParameters is null ? [] : JsonSerializer.Deserialize<List<string>>(message.TemplateParameters) ?? [];
            var outgoing = new OutgoingMessage(message.Id, message.Address, message.RecipientName, message.Subject, message.Body, message.Html, message.TemplateName, parameters);
            var providerId = await channel.SendAsync(outgoing, cancellationToken);
            message.Delivered(providerId, Now);
        }
        catch (DeliveryException e) when (e.OutcomeUnknown)
        {
            logger.LogWarning("Message {MessageId} ({Channel}): outcome unknown, set aside: {Error}", message.Id, message.Channel.Code(), e.Message);
            message.Interrupted(Now, e.Message);
        }
        catch (DeliveryException e)
        {
            logger.LogWarning("Message {MessageId} ({Channel}) not delivered, attempt {Attempt}: {Error}", message.Id, message.Channel.Code(), message.Attempts, e.Message);
            var quiet = message.Channel.RingsAPhone() && message.Priority != MessagePriority.Urgent ? await RecipientQuietHours.OfAsync(db, message.UserId, CancellationToken.None) : null;
            message.AttemptFailed(e.Message, e.Permanent, Now, quiet is null ? null : next => quiet.NextAllowed(next, QuietHours.Zone));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A channel's bug says nothing of whether the provider took the message: set aside, never sent twice.
            logger.LogError(e, "Message {MessageId} ({Channel}): unexpected error while sending", message.Id, message.Channel.Code());
            message.Interrupted(Now, $"erreur interne ({e.GetType().Name})");
        }

        // Recorded at once, message by message: the window in which a crash leaves a sent message "sending" stays small.
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private async Task SetAsideInterruptedAsync(CancellationToken cancellationToken)
    {
        var before = Now - OutboxMessage.ClaimLease;
        await using var db = portalDb.ForJob(null, "message delivery");
        var stuck = await db.OutboxMessages.Where(m => m.Status == MessageStatus.Sending && m.ClaimedAt < before).ToListAsync(cancellationToken);
        foreach (var message in stuck)
        {
            // In-app and local-sink messages never left this database, and their delivery commits with their status: a
            // stuck one was not delivered and simply goes back to the queue. One handed to a provider may have arrived.
            if (message.Channel == MessageChannel.InApp || !configured.ContainsKey(message.Channel))
            {
                message.Release();
            }
            else
            {
                logger.LogWarning("Message {MessageId} was left sending by an interrupted run; set aside for staff", message.Id);
                message.Interrupted(Now);
            }
        }

        if (stuck.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}

/// <summary>Where messages of a channel that is not configured are kept, as delivered; staff read them in /admin/messages.</summary>
public static class LocalSink
{
    /// <summary>Provider id of a message kept in the local sink.</summary>
    public const string ProviderId = "local-sink";

    /// <summary>Provider id of an in-app message (the notification row has the message's id).</summary>
    public const string InAppId = "in-app";
}

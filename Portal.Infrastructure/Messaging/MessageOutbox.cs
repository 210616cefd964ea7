using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Messaging;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Messaging;

/// <summary>
/// Writes outgoing messages into the caller's own context, so they commit or roll back with the change that causes
/// them. Each recipient gets an in-app message plus one per channel they read (their preferences, or the defaults);
/// a channel without an address falls back to in-app with the reason written on the message; SMS and WhatsApp wait for
/// the end of the person's quiet hours unless the message is urgent. The delivery job sends them after the commit.
/// </summary>
public sealed class MessageOutbox(MessageRenderer renderer, TimeProvider clock)
{
    /// <returns>The messages added to <paramref name="db"/> (not yet saved); none for keys already queued.</returns>
    public async Task<IReadOnlyList<OutboxMessage>> QueueAsync(PortalDbContext db, MessageRequest request, CancellationToken cancellationToken = default)
    {
        var kind = request.Kind;
        var ids = request.Recipients.Distinct().ToList();
        // Reads across the ownership filters on purpose: a sender may reach people whose preferences it cannot read
        // (an import run tells the staff member who started it). Recipients are checked against the tenant below.
        var people = await db.Users.IgnoreQueryFilters().AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.TenantId, u.FirstName, u.LastName, u.Email, u.PhoneNumber, u.IsActive, u.QuietHoursStart, u.QuietHoursEnd, u.Role })
            .ToListAsync(cancellationToken);
        var choices = await db.MessagePreferences.IgnoreQueryFilters().AsNoTracking().Where(p => ids.Contains(p.UserId) && p.Type == kind.Type)
            .ToListAsync(cancellationToken);
        var wordings = await db.MessageTemplates.IgnoreQueryFilters().AsNoTracking().Where(t => t.Type == kind.Type).ToDictionaryAsync(t => t.Channel, cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var drafts = new List<(OutboxDraft Draft, DateTime NotBefore)>();
        foreach (var person in people.Where(p => p.IsActive))
        {
            if (person.TenantId is not null && person.TenantId != request.TenantId)
            {
                throw new ForbiddenException("Accès refusé : ce destinataire appartient à une autre entreprise.");
            }

            var name = $"{person.FirstName} {person.LastName}".Trim();
            var model = new Dictionary<string, object?>(request.Model)
            {
                ["user"] = new { firstName = person.FirstName, lastName = person.LastName, name },
                ["app"] = new { name = renderer.AppName },
            };
            var chosen = choices.Where(c => c.UserId == person.Id).ToDictionary(c => c.Channel, c => c.Enabled);
            var channels = request.Channels is { } only
                ? only.Prepend(MessageChannel.InApp).Distinct().ToList()
                : ChannelChoice.For(person.Email is not null, person.PhoneNumber is not null, chosen, kind.ExternalByDefaultFor(person.Role));
            var quiet = QuietHours.Of(person.QuietHoursStart, person.QuietHoursEnd);
            var missing = new List<string>();
            foreach (var channel in channels.Where(c => c != MessageChannel.InApp))
            {
                var address = channel == MessageChannel.Email ? person.Email : person.PhoneNumber;
                if (address is null)
                {
                    missing.Add(channel == MessageChannel.Email ? "pas d'adresse e-mail" : $"pas de numéro de téléphone pour {channel.Label()}");
                    continue;
                }

                var notBefore = channel.RingsAPhone() && kind.Priority != MessagePriority.Urgent ? quiet.NextAllowed(now, QuietHours.Zone) : now;
                drafts.Add((Draft(request, person.Id, name, channel, address, model, wordings), notBefore));
            }

            var inApp = Draft(request, person.Id, name, MessageChannel.InApp, string.Empty, model, wordings);
            drafts.Add((missing.Count == 0 ? inApp : inApp with { FallbackReason = "Envoyé dans l'application seulement : " + string.Join(", ", missing) + "." }, now));
        }

        var keys = drafts.Select(d => d.Draft.DedupKey).ToList();
        var queued = (await db.OutboxMessages.IgnoreQueryFilters().Where(m => keys.Contains(m.DedupKey)).Select(m => m.DedupKey).ToListAsync(cancellationToken))
            .Concat(db.OutboxMessages.Local.Select(m => m.DedupKey)).ToHashSet(StringComparer.Ordinal);
        var added = drafts.Where(d => queued.Add(d.Draft.DedupKey)).Select(d => new OutboxMessage(d.Draft, now, d.NotBefore)).ToList();
        db.OutboxMessages.AddRange(added);
        return added;
    }

    private OutboxDraft Draft(
        MessageRequest request, Guid userId, string name, MessageChannel channel, string address, IReadOnlyDictionary<string, object?> model,
        IReadOnlyDictionary<MessageChannel, MessageTemplate> wordings)
    {
        var rendered = renderer.Render(request.Kind, channel, model, wordings.GetValueOrDefault(channel), request.Link);
        // The sender's key last, hashed when long: the kind, person and channel always stay in the unique key.
        var senderKey = request.DedupKey.Length <= 100 ? request.DedupKey : Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(request.DedupKey)));
        var key = $"{request.Kind.Type}|{userId:N}|{channel.Code()}|{senderKey}";
        return new OutboxDraft(request.TenantId, userId, name, channel, address, request.Kind.Type, request.Kind.Priority, rendered.Subject, rendered.Body, key)
        {
            Html = rendered.Html,
            TemplateName = rendered.TemplateName,
            TemplateParameters = rendered.TemplateParameters,
            Link = request.Link,
            ExpiresAt = request.ExpiresAt,
        };
    }
}

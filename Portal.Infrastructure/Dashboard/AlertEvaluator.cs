using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Dashboard;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Messaging;

namespace Portal.Infrastructure.Dashboard;

/// <summary>What one evaluation of a company's alerts did.</summary>
/// <param name="Opened">New firings, each told to the recipients.</param>
/// <param name="StillOpen">Firings already open whose condition still holds (last seen moved to today).</param>
/// <param name="Resolved">Firings whose condition ended, or whose rule was switched off.</param>
/// <param name="Messages">Outbox rows queued (one per recipient and channel of each new firing).</param>
public sealed record AlertRun(int Opened, int StillOpen, int Resolved, int Messages);

/// <summary>
/// Checks a company's switched-on alert rules against its fresh insights (<see cref="InsightsJob"/> calls it right after
/// <see cref="InsightsCalculator"/>, after every import and each night): opens a firing for each new condition, moves
/// the last-seen day of those still true, resolves the others, and queues one message per new firing to each recipient,
/// all in one transaction. The message's key is <c>{product}:{rule}:{day}</c> (day in Dakar), so a condition is never
/// told twice the same day, even if it resolves and comes back between two runs.
/// </summary>
public sealed class AlertEvaluator(MessageOutbox outbox, TimeProvider clock)
{
    public const string Link = "/app/alerts";

    /// <summary>Above this many new alerts in one run, each person gets one summary instead of one message per alert.</summary>
    public const int MaxSeparateMessages = 5;

    public async Task<AlertRun> EvaluateAsync(PortalDbContext db, Guid tenantId, CancellationToken cancellationToken = default)
    {
        var today = BusinessCalendar.Today(clock.GetUtcNow());
        var stored = await db.AlertRules.AsNoTracking().Where(r => r.TenantId == tenantId).ToListAsync(cancellationToken);
        var rules = AlertRule.Defaults(tenantId).Select(d => stored.FirstOrDefault(s => s.Kind == d.Kind) ?? d).Where(r => r.Enabled).ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var open = await db.AlertFirings.Where(f => f.TenantId == tenantId && f.Resolved == null).ToListAsync(cancellationToken);
        if (rules.Count == 0 && open.Count == 0)
        {
            return new AlertRun(0, 0, 0, 0);
        }

        var found = new Dictionary<(AlertKind Kind, Guid? ProductId), double>();
        var names = new Dictionary<Guid, string>();
        if (rules.Any(r => r.IsPerProduct))
        {
            var products = await (
                from p in db.Products.AsNoTracking().Where(p => p.TenantId == tenantId && p.IsActive)
                join i in db.ProductInsights.AsNoTracking().Where(i => i.TenantId == tenantId) on p.Id equals i.ProductId into insights
                from i in insights.DefaultIfEmpty()
                select new { p.Id, p.Name, p.CurrentStock, p.ReorderPoint, p.CreatedAt, Average30 = (double?)i!.Average30, i.StockOutDate, i.LastSale })
                .ToListAsync(cancellationToken);
            foreach (var p in products)
            {
                var facts = new ProductFacts(
                    p.CurrentStock, p.ReorderPoint, p.Average30 ?? 0, p.StockOutDate, p.LastSale, BusinessCalendar.Today(new DateTimeOffset(DateTime.SpecifyKind(p.CreatedAt, DateTimeKind.Utc))));
                foreach (var rule in rules.Where(r => r.IsPerProduct))
                {
                    if (rule.Check(facts, today) is { } value)
                    {
                        found[(rule.Kind, p.Id)] = value;
                        names[p.Id] = p.Name;
                    }
                }
            }
        }

        if (rules.FirstOrDefault(r => r.Kind == AlertKind.RevenueDrop) is { } revenueRule
            && await KnownUntilAsync(db, tenantId, today, cancellationToken) is { } knownUntil)
        {
            var (from, lastWeekFrom, to) = RevenueWeeks.Window(today, knownUntil);
            var days = await db.DailySiteSales.AsNoTracking().Where(d => d.TenantId == tenantId && d.Day >= from && d.Day <= to)
                .GroupBy(d => d.Day).Select(g => new { Day = g.Key, Revenue = g.Sum(d => d.Revenue) })
                .ToListAsync(cancellationToken);
            var weeks = new RevenueWeeks(days.Where(d => d.Day >= lastWeekFrom).Sum(d => d.Revenue), days.Where(d => d.Day < lastWeekFrom).Sum(d => d.Revenue));
            if (revenueRule.Check(weeks) is { } drop)
            {
                found[(AlertKind.RevenueDrop, null)] = drop;
            }
        }

        var (stillOpen, resolved) = (0, 0);
        foreach (var firing in open)
        {
            if (found.Remove((firing.Kind, firing.ProductId), out var value))
            {
                firing.SeenAgain(value, today);
                stillOpen++;
            }
            else
            {
                firing.Resolve(today);
                resolved++;
            }
        }

        var opened = found.Select(f => new AlertFiring(tenantId, f.Key.Kind, f.Key.ProductId, f.Value, today)).ToList();
        db.AlertFirings.AddRange(opened);
        var messages = opened.Count == 0 ? 0 : await TellAsync(db, tenantId, opened, names, cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AlertRun(opened.Count, stillOpen, resolved, messages);
    }

    // The last day the company's sales are known for: its latest sale, or the eve of its latest import when that is later
    // (an import that brings no sale for the last days says those days sold nothing); null before any sale.
    private static async Task<DateOnly?> KnownUntilAsync(PortalDbContext db, Guid tenantId, DateOnly today, CancellationToken cancellationToken)
    {
        var lastSale = await db.DailySiteSales.Where(d => d.TenantId == tenantId && d.Day < today).MaxAsync(d => (DateOnly?)d.Day, cancellationToken);
        var lastImport = await db.ImportJobs
            .Where(j => j.TenantId == tenantId && !j.DryRun && j.Status == Domain.Onboarding.ImportStatus.Succeeded && j.CompletedAt != null)
            .MaxAsync(j => j.CompletedAt, cancellationToken);
        var importEve = lastImport is { } completed ? BusinessCalendar.Today(new DateTimeOffset(DateTime.SpecifyKind(completed, DateTimeKind.Utc))).AddDays(-1) : (DateOnly?)null;
        return lastSale is null ? null : importEve > lastSale ? importEve : lastSale;
    }

    /// <summary>The key that makes a firing's message unique per person and channel: product (or company), rule, day.</summary>
    public static string DedupKey(AlertFiring firing) =>
        $"{firing.ProductId?.ToString("N") ?? "company"}:{firing.Kind}:{firing.FirstSeen:yyyy-MM-dd}";

    private async Task<int> TellAsync(PortalDbContext db, Guid tenantId, List<AlertFiring> opened, Dictionary<Guid, string> names, CancellationToken cancellationToken)
    {
        var recipients = await TenantRecipients.ForAsync(db, tenantId, MessageKinds.StockAlert, cancellationToken);
        if (recipients.Count == 0)
        {
            return 0;
        }

        // The company's own row, by its id: a tenant-scoped context does not read the registry otherwise.
        var company = await db.Tenants.IgnoreQueryFilters().AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.Name).SingleAsync(cancellationToken);
        if (opened.Count > MaxSeparateMessages)
        {
            // A first night or a rule switched on can open dozens at once: one summary per person, not dozens of WhatsApps.
            // Its key is made of the firings' own keys, so the same firings are never told twice either.
            var keys = string.Join(",", opened.Select(DedupKey).Order(StringComparer.Ordinal));
            var digest = new MessageRequest(MessageKinds.StockAlert, recipients, "digest:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(keys)))[..24])
            {
                TenantId = tenantId,
                Link = Link,
                Model = new Dictionary<string, object?>
                {
                    ["tenant"] = new { name = company },
                    ["alert"] = new
                    {
                        title = $"{opened.Count} nouvelles alertes",
                        subject = company,
                        text = string.Join(" ; ", opened.GroupBy(f => f.Kind).Select(g => $"{Labels.Of(g.Key)} : {g.Count()}")) + ". Détail dans Portal, page Alertes.",
                    },
                },
            };
            return (await outbox.QueueAsync(db, digest, cancellationToken)).Count;
        }

        var queued = 0;
        foreach (var firing in opened)
        {
            var request = new MessageRequest(MessageKinds.StockAlert, recipients, DedupKey(firing))
            {
                TenantId = tenantId,
                Link = Link,
                Model = new Dictionary<string, object?>
                {
                    ["tenant"] = new { name = company },
                    ["alert"] = new
                    {
                        title = Labels.Of(firing.Kind),
                        subject = firing.ProductId is { } id ? names[id] : company,
                        text = AlertRule.Describe(firing.Kind, firing.Value),
                    },
                },
            };
            queued += (await outbox.QueueAsync(db, request, cancellationToken)).Count;
        }

        return queued;
    }
}

using Microsoft.EntityFrameworkCore;
using Portal.Domain.Auditing;
using Portal.Domain.Common;
using Portal.Domain.Dashboard;
using Portal.Domain.Identity;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;

namespace Portal.Infrastructure.Dashboard;

/// <summary>One rule as the alerts page shows it and sends it back.</summary>
/// <param name="Kind">Which rule.</param>
/// <param name="Enabled">Whether it fires.</param>
/// <param name="Threshold">Days or percent (see <see cref="AlertRule.ThresholdOf"/>); null for the reorder-point rule.</param>
public sealed record AlertRuleSetting(AlertKind Kind, bool Enabled, int? Threshold);

public enum AlertState
{
    Open,
    Resolved,
    All,
}

/// <summary>One firing in the list; <see cref="ProductName"/> is null for the revenue rule.</summary>
public sealed record AlertFiringRow(
    Guid Id, AlertKind Kind, Guid? ProductId, string? ProductCode, string? ProductName, double Value, DateOnly FirstSeen, DateOnly LastSeen, DateOnly? Resolved)
{
    public string Title => Labels.Of(Kind);

    public string Text => AlertRule.Describe(Kind, Value);
}

/// <summary>
/// The alerts page: the company's four rules (the defaults, all off, until a manager saves them) and its firings.
/// Everyone reads; changing the rules needs <see cref="Permissions.Dashboard.Manage"/>, is audited, and re-runs the
/// insights job so the new rules are checked at once.
/// </summary>
public sealed class AlertService(PortalDb portalDb, CurrentUser user, InsightsScheduler scheduler, AuditTrail audit)
{
    public async Task<IReadOnlyList<AlertRuleSetting>> RulesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = portalDb.ForCurrentUser(Permissions.Dashboard.Read);
        var stored = await db.AlertRules.AsNoTracking().ToListAsync(cancellationToken);
        return [.. AlertRule.Defaults(user.TenantId!.Value).Select(d => stored.FirstOrDefault(s => s.Kind == d.Kind) ?? d)
            .Select(r => new AlertRuleSetting(r.Kind, r.Enabled, r.Threshold))];
    }

    /// <summary>Saves the rules given (all four from the page); every refusal is reported at once, in French.</summary>
    public async Task SaveAsync(IReadOnlyList<AlertRuleSetting> settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var db = portalDb.ForCurrentUser(Permissions.Dashboard.Manage);
        var tenantId = user.TenantId!.Value;
        var stored = await db.AlertRules.ToListAsync(cancellationToken);
        var errors = new List<string>();
        foreach (var setting in settings.DistinctBy(s => s.Kind))
        {
            var rule = stored.FirstOrDefault(r => r.Kind == setting.Kind);
            if (rule is null)
            {
                rule = new AlertRule(tenantId, setting.Kind);
                db.AlertRules.Add(rule);
            }

            try
            {
                rule.Change(setting.Enabled, setting.Threshold);
            }
            catch (DomainException e)
            {
                errors.Add(e.Message);
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        db.AuditEntries.Add(audit.Entry(AuditActions.ChangeAlertRules, "alert_rules", tenantId,
            settings.Select(s => new { kind = s.Kind.ToString(), enabled = s.Enabled, threshold = s.Threshold }).ToList()));
        await db.SaveChangesAsync(cancellationToken);
        await scheduler.QueueAsync(tenantId, cancellationToken);
    }

    /// <summary>Firings, open ones first, then the most recent; product names and codes joined in the same query.</summary>
    public async Task<Page<AlertFiringRow>> FiringsAsync(AlertState state, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = portalDb.ForCurrentUser(Permissions.Dashboard.Read);
        var firings = db.AlertFirings.AsNoTracking().Where(f => state == AlertState.All
            || (state == AlertState.Open ? f.Resolved == null : f.Resolved != null));
        var total = await firings.CountAsync(cancellationToken);
        var items = await (
            from f in firings
            join p in db.Products.AsNoTracking() on f.ProductId equals p.Id into products
            from p in products.DefaultIfEmpty()
            orderby f.Resolved != null, f.Resolved descending, f.FirstSeen descending, f.Kind, p!.Name
            select new AlertFiringRow(f.Id, f.Kind, f.ProductId, p!.Code, p.Name, f.Value, f.FirstSeen, f.LastSeen, f.Resolved))
            .Skip(page.SafeSkip).Take(page.SafeTake).ToListAsync(cancellationToken);
        return new Page<AlertFiringRow>(items, total);
    }

    /// <summary>How many firings are open and how many resolved (the filter's counts).</summary>
    public async Task<(int Open, int Resolved)> CountsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = portalDb.ForCurrentUser(Permissions.Dashboard.Read);
        var open = await db.AlertFirings.CountAsync(f => f.Resolved == null, cancellationToken);
        var resolved = await db.AlertFirings.CountAsync(f => f.Resolved != null, cancellationToken);
        return (open, resolved);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Portal.Domain.Common;

namespace Portal.Infrastructure.Data;

/// <summary>
/// The write side of tenant isolation, denying by default: every added, changed or deleted row must belong to the
/// context's <see cref="DataScope"/> by its ownership. An entity without an ownership cannot be saved; a tenant's
/// context cannot write another tenant's rows, audit entries or another person's notifications; audit entries are
/// never changed. Rows attached by hand (not loaded through the filters) are checked like any other.
/// </summary>
internal sealed class OwnershipGuard(ILogger<OwnershipGuard> logger) : SaveChangesInterceptor
{
    public const string OtherTenantMessage = "Accès refusé : cet élément appartient à une autre entreprise.";

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        if (QueuedByTenant(eventData.Context) is { } queued)
        {
            CheckRecipients(queued.Portal, queued.Recipients.Where(r => queued.Portal.Users.IgnoreQueryFilters().Any(u => u.Id == r && u.TenantId != null && u.TenantId != queued.Portal.Scope.TenantId)));
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        if (QueuedByTenant(eventData.Context) is { } queued)
        {
            var ids = queued.Recipients;
            var strangers = await queued.Portal.Users.IgnoreQueryFilters()
                .Where(u => ids.Contains(u.Id) && u.TenantId != null && u.TenantId != queued.Portal.Scope.TenantId).Select(u => u.Id).ToListAsync(cancellationToken);
            CheckRecipients(queued.Portal, strangers);
        }

        return result;
    }

    // Messages a tenant's context queues go to that tenant's people (or to staff): never to another company's users.
    private static (PortalDbContext Portal, List<Guid> Recipients)? QueuedByTenant(DbContext? context) =>
        context is PortalDbContext { Scope: { Platform: false, AllTenants: false } } portal
        && portal.ChangeTracker.Entries<IPlatformQueue>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.UserId).Distinct().ToList() is { Count: > 0 } recipients
            ? (portal, recipients)
            : null;

    private void CheckRecipients(PortalDbContext portal, IEnumerable<Guid> strangers)
    {
        if (strangers.Any())
        {
            logger.LogWarning("Refused a message to another tenant's user through {Door} (tenant {TenantId}, user {UserId})", portal.Scope.Door, portal.Scope.TenantId, portal.Scope.UserId);
            throw new ForbiddenException(OtherTenantMessage);
        }
    }

    private void Check(DbContext? context)
    {
        if (context is not PortalDbContext portal)
        {
            return;
        }

        var scope = portal.Scope;
        foreach (var entry in portal.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var ownership = OwnershipModel.Of(entry.Metadata);
            if (scope.AllTenants)
            {
                continue;
            }

            if (Refusal(entry, ownership, scope) is { } refusal)
            {
                // A refused write is a bug or an attack: say which door opened the context and what it tried to write.
                logger.LogWarning("Refused {State} of {Entity} through {Door} (tenant {TenantId}, user {UserId})",
                    entry.State, entry.Metadata.ClrType.Name, scope.Door, scope.TenantId, scope.UserId);
                throw new ForbiddenException(refusal);
            }
        }
    }

    private static string? Refusal(EntityEntry entry, Ownership ownership, DataScope scope)
    {
        if (entry.Entity is IAppendOnly record)
        {
            if (entry.State != EntityState.Added)
            {
                return "Accès refusé : le journal d'audit ne peut être ni modifié ni effacé.";
            }

            return scope.Platform || (record.TenantId is { } tenant && tenant == scope.TenantId) ? null : OtherTenantMessage;
        }

        // A change in a tenant's transaction may queue messages about that tenant; only platform contexts touch them afterwards.
        if (entry.Entity is IPlatformQueue queued && entry.State == EntityState.Added && !scope.Platform)
        {
            return queued.TenantId is { } owner && owner == scope.TenantId ? null : OtherTenantMessage;
        }

        // A company's people start their own imports; the run itself (a platform job) changes the row afterwards.
        if (entry.Entity is ITenantStarted started && entry.State == EntityState.Added && !scope.Platform)
        {
            return started.TenantId == scope.TenantId ? null : OtherTenantMessage;
        }

        return ownership switch
        {
            Ownership.Tenant => Owner(entry, "TenantId", current: true) == scope.TenantId && Owner(entry, "TenantId", current: false) == scope.TenantId
                ? null
                : OtherTenantMessage,
            Ownership.User => Owner(entry, "UserId", current: true) == scope.UserId && Owner(entry, "UserId", current: false) == scope.UserId
                || (entry.State == EntityState.Added && scope.Platform)
                ? null
                : "Accès refusé : cet élément appartient à une autre personne.",
            _ => scope.Platform ? null : "Accès refusé : cette action est réservée à l'équipe plateforme.",
        };
    }

    // The owner before and after the change: moving a row to another tenant is refused like writing there.
    private static Guid? Owner(EntityEntry entry, string property, bool current)
    {
        var value = current || entry.State == EntityState.Added ? entry.Property(property).CurrentValue : entry.Property(property).OriginalValue;
        return value as Guid?;
    }
}

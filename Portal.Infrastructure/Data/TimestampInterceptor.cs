using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Infrastructure.Data;

/// <summary>
/// Stamps <c>CreatedAt</c> on new rows and <c>UpdatedAt</c> on new and changed rows, from <see cref="TimeProvider"/>,
/// for every entity that has those properties; entities do not take "now" just to keep them.
/// </summary>
internal sealed class TimestampInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public const string CreatedAt = "CreatedAt";
    public const string UpdatedAt = "UpdatedAt";

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Added && entry.Metadata.FindProperty(CreatedAt) is { } created
                && entry.Property(created.Name).CurrentValue is DateTime value && value == default)
            {
                entry.Property(created.Name).CurrentValue = now;
            }

            if (entry.State is EntityState.Added or EntityState.Modified && entry.Metadata.FindProperty(UpdatedAt) is { } updated)
            {
                entry.Property(updated.Name).CurrentValue = now;
            }
        }
    }
}

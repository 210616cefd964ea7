using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Domain.Messaging;
using Portal.Infrastructure.Data;
using Quartz;

namespace Portal.Infrastructure.Messaging;

/// <summary>The Quartz job that delivers the outbox: every few seconds, and at once after a commit that queued messages.</summary>
[DisallowConcurrentExecution]
internal sealed class OutboxDeliveryJob(OutboxDelivery delivery, OutboxKick kick) : IJob
{
    public static readonly JobKey Key = new("outbox-delivery", "messaging");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        kick.Started();
        await delivery.RunAsync(cancellationToken);
    }
}

/// <summary>
/// Runs the delivery job as soon as a commit queued messages (so the bell rings within moments, not at the next poll).
/// Kicks while a run is pending are folded into it.
/// </summary>
public sealed class OutboxKick(ISchedulerFactory schedulers)
{
    private int pending;

    public void Kick()
    {
        if (Interlocked.Exchange(ref pending, 1) == 1)
        {
            return;
        }

        _ = TriggerAsync();
    }

    internal void Started() => Interlocked.Exchange(ref pending, 0);

    private async Task TriggerAsync()
    {
        try
        {
            var scheduler = await schedulers.GetScheduler();
            if (await scheduler.GetStatus() == SchedulerStatus.Running)
            {
                await scheduler.TriggerJob(OutboxDeliveryJob.Key);
                return;
            }
        }
        catch (SchedulerException)
        {
            // Shutting down: the next start's first poll delivers.
        }

        Interlocked.Exchange(ref pending, 0);
    }
}

/// <summary>Sees commits that queued messages: after the save (no transaction) or after the transaction's commit.</summary>
internal sealed class OutboxKickInterceptor(OutboxKick kick) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Committed(eventData.Context, afterSave: true);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context, afterSave: true);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context, afterSave: false);

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context, afterSave: false);
        return Task.CompletedTask;
    }

    private static void Note(DbContext? context)
    {
        if (context is PortalDbContext portal && portal.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
        {
            portal.QueuedMessages = true;
        }
    }

    // After a save, only when no explicit transaction is open (SaveChanges committed its own); else at the commit.
    private void Committed(DbContext? context, bool afterSave)
    {
        if (context is PortalDbContext { QueuedMessages: true } portal && !(afterSave && portal.Database.CurrentTransaction is not null))
        {
            portal.QueuedMessages = false;
            kick.Kick();
        }
    }
}

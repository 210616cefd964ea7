using Microsoft.EntityFrameworkCore;

namespace Portal.Infrastructure.Data;

/// <summary>
/// Makes contexts of the configured provider, each with a scope. Everything it offers is internal: services and
/// components reach data only through <see cref="PortalDb"/>.
/// </summary>
public sealed class PortalDbContextFactory
{
    private readonly Func<PortalDbContext> create;

    internal PortalDbContextFactory(DatabaseOptions database, OwnershipGuard guard, TimestampInterceptor timestamps, Messaging.OutboxKickInterceptor kick)
    {
        if (database.IsPostgres)
        {
            var options = Build<PostgresPortalDbContext>(database, guard, timestamps, kick);
            create = () => new PostgresPortalDbContext(options);
        }
        else
        {
            var options = Build<SqlitePortalDbContext>(database, guard, timestamps, kick);
            create = () => new SqlitePortalDbContext(options);
        }
    }

    internal PortalDbContext Create(DataScope scope)
    {
        var db = create();
        db.ApplyScope(scope);
        return db;
    }

    private static DbContextOptions<T> Build<T>(DatabaseOptions database, OwnershipGuard guard, TimestampInterceptor timestamps, Messaging.OutboxKickInterceptor kick)
        where T : DbContext
    {
        var builder = new DbContextOptionsBuilder<T>();
        DatabaseSetup.Configure(builder, database);
        builder.AddInterceptors(timestamps, guard, kick);
        return builder.Options;
    }
}

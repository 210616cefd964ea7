using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Portal.Infrastructure.Data;

/// <summary>The model on SQLite; its migrations are in Migrations/Sqlite (EF's one-context-type-per-provider layout).</summary>
internal sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options);

/// <summary>For <c>dotnet ef migrations add --context SqlitePortalDbContext</c>: no database is opened.</summary>
internal sealed class SqlitePortalDbContextDesignFactory : IDesignTimeDbContextFactory<SqlitePortalDbContext>
{
    public SqlitePortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

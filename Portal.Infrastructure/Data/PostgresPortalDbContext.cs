using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Portal.Infrastructure.Data;

/// <summary>The model on PostgreSQL; its migrations are in Migrations/Postgres.</summary>
internal sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options) : PortalDbContext(options);

/// <summary>For <c>dotnet ef migrations add --context PostgresPortalDbContext</c>: no database is opened.</summary>
internal sealed class PostgresPortalDbContextDesignFactory : IDesignTimeDbContextFactory<PostgresPortalDbContext>
{
    public PostgresPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql("Host=localhost;Database=portal_design").Options);
}

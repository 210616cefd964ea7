using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Portal.Infrastructure.Data;

/// <summary>
/// The framework's EF key store (<c>PersistKeysToDbContext</c>) resolves a context from the container; this one maps only
/// the key table. Internal and never migrated: PortalDbContext owns the schema.
/// </summary>
internal sealed class DataProtectionKeysContext(DbContextOptions<DataProtectionKeysContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<DataProtectionKey>().ToTable("DataProtectionKeys");
}

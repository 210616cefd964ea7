using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Sales;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class SaleConfiguration : IEntityTypeConfiguration<Sale>
{
    public void Configure(EntityTypeBuilder<Sale> builder)
    {
        builder.ToTable("Sales");
        // No foreign keys on purpose: sales arrive by the hundred thousand and, measured with the import benchmark
        // on PostgreSQL, a key costs every row a lookup (about 0.5 s per 100,000 rows for the (tenant, product) key,
        // a third of the import budget). Their integrity comes from where they are written: the importer resolves
        // every line to a product it inserts in the same transaction, and products, sites and tenants are
        // deactivated, never deleted. The dashboards read by tenant + date and tenant + product; the product index also
        // holds the date, so one product's lines of a period come newest first straight from it (the sales grid of one
        // product, or of a search's products: 160 ms on SQLite and 140 ms on PostgreSQL with (tenant, product) alone,
        // 1,000,000 lines, see "Sales grid benchmark" in the README). Same number of indexes, so imports pay nothing more.
        builder.HasIndex(s => new { s.TenantId, s.Date });
        builder.HasIndex(s => new { s.TenantId, s.ProductId, s.Date });
    }
}

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
        // 1,000,000 lines, see "Sales grid benchmark" in the README). The date index holds every column the grid and its
        // export read, in their order (date, then id): a period's lines come from the index alone, in sequence, instead of
        // one table lookup each (a 1,000,000-line CSV export on SQLite: 4.1 s before, see the README).
        builder.HasIndex(s => new { s.TenantId, s.Date, s.Id, s.SiteId, s.ProductId, s.Quantity, s.UnitPrice, s.TotalAmount })
            .HasDatabaseName("IX_Sales_TenantId_Date_Covering");
        builder.HasIndex(s => new { s.TenantId, s.ProductId, s.Date });
    }
}

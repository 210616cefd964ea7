using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Sales;

namespace Portal.Infrastructure.Data.Configurations;

// No foreign keys, like Sales: these rows are upserted in bulk by SalesAggregates next to the lines they sum.
internal sealed class DailyProductSalesConfiguration : IEntityTypeConfiguration<DailyProductSales>
{
    public void Configure(EntityTypeBuilder<DailyProductSales> builder)
    {
        builder.ToTable("DailyProductSales");
        builder.HasKey(d => new { d.TenantId, d.SiteId, d.ProductId, d.Day });
        // Covers the overview's "sum by product over a period": SQLite reads the index alone, without a table lookup per row.
        builder.HasIndex(d => new { d.TenantId, d.Day, d.ProductId, d.Units, d.Revenue });
        builder.HasIndex(d => new { d.TenantId, d.ProductId, d.Day });
    }
}

internal sealed class DailySiteSalesConfiguration : IEntityTypeConfiguration<DailySiteSales>
{
    public void Configure(EntityTypeBuilder<DailySiteSales> builder)
    {
        builder.ToTable("DailySiteSales");
        builder.HasKey(d => new { d.TenantId, d.SiteId, d.Day });
        builder.HasIndex(d => new { d.TenantId, d.Day });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Dashboard;
using Portal.Domain.Sales;
using Portal.Domain.Tenancy;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class ProductInsightConfiguration : IEntityTypeConfiguration<ProductInsight>
{
    public void Configure(EntityTypeBuilder<ProductInsight> builder)
    {
        builder.ToTable("ProductInsights");
        builder.HasKey(i => new { i.TenantId, i.ProductId });
        builder.Property(i => i.Method).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(i => new { i.TenantId, i.Status });
        builder.Property(i => i.Advice).HasMaxLength(1000);
        builder.HasOne<Product>().WithMany().HasForeignKey(i => i.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CompanyForecastConfiguration : IEntityTypeConfiguration<CompanyForecast>
{
    public void Configure(EntityTypeBuilder<CompanyForecast> builder)
    {
        builder.ToTable("CompanyForecasts");
        builder.HasKey(f => f.TenantId);
        builder.Property(f => f.RevenueMethod).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(f => f.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

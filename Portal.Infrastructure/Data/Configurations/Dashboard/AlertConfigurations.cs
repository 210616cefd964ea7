using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Dashboard;
using Portal.Domain.Sales;
using Portal.Domain.Tenancy;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class AlertRuleConfiguration : IEntityTypeConfiguration<AlertRule>
{
    public void Configure(EntityTypeBuilder<AlertRule> builder)
    {
        builder.ToTable("AlertRules");
        builder.HasKey(r => new { r.TenantId, r.Kind });
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Ignore(r => r.IsPerProduct);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AlertFiringConfiguration : IEntityTypeConfiguration<AlertFiring>
{
    public void Configure(EntityTypeBuilder<AlertFiring> builder)
    {
        builder.ToTable("AlertFirings");
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Ignore(f => f.IsOpen);
        // One open firing per product and rule, even if two servers run the night's job at once (the revenue rule's
        // null product is not covered: its message keeps the outbox's unique key).
        builder.HasIndex(f => new { f.TenantId, f.Kind, f.ProductId }).IsUnique().HasFilter("\"Resolved\" IS NULL").HasDatabaseName("IX_AlertFirings_Open");
        builder.HasIndex(f => new { f.TenantId, f.Resolved, f.FirstSeen });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(f => f.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Product>().WithMany().HasForeignKey(f => f.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Tenancy;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.ToTable("Tenants");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(CompanyName.MaxLength);
        builder.Property(t => t.NormalizedName).HasMaxLength(CompanyName.MaxLength);
        builder.HasIndex(t => t.NormalizedName).IsUnique();
        builder.HasIndex(t => t.Ninea).IsUnique();
        builder.Property(t => t.Ninea).HasMaxLength(20);
        builder.Property(t => t.Sector).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Country).HasMaxLength(2);
        builder.Property(t => t.Settings);
        builder.Property(t => t.CreatedBy).HasMaxLength(256);
        builder.HasIndex(t => t.IsActive);
    }
}

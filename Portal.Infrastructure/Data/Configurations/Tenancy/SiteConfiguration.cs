using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Tenancy;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> builder)
    {
        builder.ToTable("Sites");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(Site.NameMaxLength);
        builder.Property(s => s.Address).HasMaxLength(Site.AddressMaxLength);
        builder.Property(s => s.Type).HasConversion<string>().HasMaxLength(10);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.TenantId);
    }
}

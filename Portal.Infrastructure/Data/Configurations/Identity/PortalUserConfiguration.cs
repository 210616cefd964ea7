using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Tenancy;
using Portal.Infrastructure.Identity;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        // A tenant's people belong to it; platform staff (no tenant) are seen by platform contexts.
        builder.HasOwnership(Ownership.Tenant);
        builder.Property(u => u.FirstName).HasMaxLength(100);
        builder.Property(u => u.LastName).HasMaxLength(100);
        builder.Property(u => u.Role).HasMaxLength(20);
        builder.Property(u => u.PhoneNumber).HasMaxLength(20);
        builder.Property(u => u.Theme).HasMaxLength(10);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(u => u.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(u => u.TenantId);

        // Identity's EmailIndex is not unique; ours is, and phone numbers are unique too (both allow many NULLs).
        builder.HasIndex(u => u.NormalizedEmail).HasDatabaseName("EmailIndex").IsUnique();
        builder.HasIndex(u => u.PhoneNumber).HasDatabaseName("PhoneNumberIndex").IsUnique();
    }
}

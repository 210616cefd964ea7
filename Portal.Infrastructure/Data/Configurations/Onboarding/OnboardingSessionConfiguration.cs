using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Onboarding;
using Portal.Domain.Tenancy;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class OnboardingSessionConfiguration : IEntityTypeConfiguration<OnboardingSession>
{
    public void Configure(EntityTypeBuilder<OnboardingSession> builder)
    {
        builder.ToTable("OnboardingSessions");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.CreatedByName).HasMaxLength(256);
        builder.Property(s => s.Error).HasMaxLength(2000);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.TenantId, s.Status });
        builder.HasIndex(s => new { s.Status, s.CreatedAt });
    }
}

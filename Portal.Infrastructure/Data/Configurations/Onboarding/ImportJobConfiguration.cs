using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Onboarding;
using Portal.Domain.Tenancy;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> builder)
    {
        builder.ToTable("ImportJobs");
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.Phase).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.Mode).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.FileName).HasMaxLength(ImportJob.FileNameMaxLength);
        builder.Property(j => j.StoredFile).HasMaxLength(300);
        builder.Property(j => j.RequestedByName).HasMaxLength(256);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(j => j.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<OnboardingSession>().WithMany().HasForeignKey(j => j.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(j => new { j.TenantId, j.Status });
        builder.HasIndex(j => j.SessionId);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Identity;
using Portal.Infrastructure.Identity;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class SignInDeviceConfiguration : IEntityTypeConfiguration<SignInDevice>
{
    public void Configure(EntityTypeBuilder<SignInDevice> builder)
    {
        builder.ToTable("SignInDevices");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => d.UserId);
    }
}

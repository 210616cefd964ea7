using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Messaging;
using Portal.Infrastructure.Identity;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class MessagePreferenceConfiguration : IEntityTypeConfiguration<MessagePreference>
{
    public void Configure(EntityTypeBuilder<MessagePreference> builder)
    {
        builder.ToTable("MessagePreferences");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Type).HasMaxLength(OutboxMessage.TypeMaxLength);
        builder.Property(p => p.Channel).HasConversion<string>().HasMaxLength(10);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.UserId, p.Type, p.Channel }).IsUnique();
    }
}

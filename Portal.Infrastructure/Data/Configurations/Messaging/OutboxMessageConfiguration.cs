using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Messaging;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Identity;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.Priority).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.Type).HasMaxLength(OutboxMessage.TypeMaxLength);
        builder.Property(m => m.RecipientName).HasMaxLength(200);
        builder.Property(m => m.Address).HasMaxLength(OutboxMessage.AddressMaxLength);
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectMaxLength);
        builder.Property(m => m.TemplateName).HasMaxLength(100);
        builder.Property(m => m.Link).HasMaxLength(Notification.LinkMaxLength);
        builder.Property(m => m.DedupKey).HasMaxLength(OutboxMessage.DedupKeyMaxLength);
        builder.Property(m => m.FallbackReason).HasMaxLength(300);
        builder.Property(m => m.ProviderMessageId).HasMaxLength(200);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.ErrorMaxLength);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.DedupKey).IsUnique();
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => m.CreatedAt);
        builder.HasIndex(m => m.UserId);
        builder.HasIndex(m => m.ClaimToken);
    }
}

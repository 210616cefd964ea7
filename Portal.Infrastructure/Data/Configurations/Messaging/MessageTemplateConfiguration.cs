using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Messaging;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class MessageTemplateConfiguration : IEntityTypeConfiguration<MessageTemplate>
{
    public void Configure(EntityTypeBuilder<MessageTemplate> builder)
    {
        builder.ToTable("MessageTemplates");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Type).HasMaxLength(OutboxMessage.TypeMaxLength);
        builder.Property(t => t.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(t => t.Subject).HasMaxLength(OutboxMessage.SubjectMaxLength);
        builder.Property(t => t.Body).HasMaxLength(MessageTemplate.BodyMaxLength);
        builder.HasIndex(t => new { t.Type, t.Channel }).IsUnique();
    }
}

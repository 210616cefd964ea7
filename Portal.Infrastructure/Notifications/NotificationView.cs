using Portal.Domain.Messaging;

namespace Portal.Infrastructure.Notifications;

public sealed record NotificationView(Guid Id, string Title, string Body, string? Link, DateTime CreatedAt, bool IsRead, MessagePriority Priority);

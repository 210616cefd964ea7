namespace Portal.Infrastructure.Tenancy;

public sealed record AuditEntryView(DateTime At, string? ActorName, string Action, string? EntityType, string? EntityId, string? IpAddress);

using Portal.Domain.Common;

namespace Portal.Domain.Auditing;

/// <summary>One admin action or sign-in event. Written once, never changed.</summary>
public sealed class AuditEntry : IPlatformOwned, IAppendOnly
{
    private AuditEntry()
    {
    }

    public AuditEntry(
        Guid? actorId,
        string? actorName,
        Guid? tenantId,
        string action,
        string? entityType,
        string? entityId,
        string details,
        string? ipAddress,
        string? userAgent,
        DateTime at)
    {
        ActorId = actorId;
        ActorName = Truncate(actorName, 256);
        TenantId = tenantId;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        Details = details;
        IpAddress = Truncate(ipAddress, 45);
        UserAgent = Truncate(userAgent, 512);
        At = at;
    }

    public long Id { get; private set; }

    public Guid? ActorId { get; private set; }

    public string? ActorName { get; private set; }

    /// <summary>The tenant concerned, when there is one.</summary>
    public Guid? TenantId { get; private set; }

    public string Action { get; private set; } = string.Empty;

    public string? EntityType { get; private set; }

    public string? EntityId { get; private set; }

    /// <summary>Details as a JSON object.</summary>
    public string Details { get; private set; } = "{}";

    public string? IpAddress { get; private set; }

    public string? UserAgent { get; private set; }

    public DateTime At { get; private set; }

    private static string? Truncate(string? value, int max) => value is { Length: > 0 } v && v.Length > max ? v[..max] : value;
}

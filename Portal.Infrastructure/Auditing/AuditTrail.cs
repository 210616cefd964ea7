using System.Text.Json;
using Portal.Domain.Auditing;
using Portal.Infrastructure.Identity;

namespace Portal.Infrastructure.Auditing;

/// <summary>Builds audit entries for the calling user; callers add them to the context that makes the change, so both commit together.</summary>
public sealed class AuditTrail(CurrentUser user, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public AuditEntry Entry(string action, string? entityType, object? entityId, object? details = null, Guid? tenantId = null) =>
        Build(user.UserId, user.Name, tenantId ?? user.TenantId, action, entityType, entityId, details);

    /// <summary>For events whose actor is not (yet) the signed-in user: sign-in attempts, start-up.</summary>
    public AuditEntry Anonymous(string action, Guid? actorId, string? actorName, Guid? tenantId, object? details = null, string entityType = "user", object? entityId = null) =>
        Build(actorId, actorName, tenantId, action, entityType, entityId ?? actorId, details);

    private AuditEntry Build(Guid? actorId, string? actorName, Guid? tenantId, string action, string? entityType, object? entityId, object? details) =>
        new(
            actorId,
            actorName,
            tenantId,
            action,
            entityType,
            entityId?.ToString(),
            details is null ? "{}" : JsonSerializer.Serialize(details, Json),
            user.IpAddress,
            user.UserAgent,
            clock.GetUtcNow().UtcDateTime);
}

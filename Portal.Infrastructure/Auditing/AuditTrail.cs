using System.Text.Json;
using Portal.Domain.Auditing;
using Portal.Infrastructure.Identity;

namespace Portal.Infrastructure.Auditing;

/// <summary>Builds audit entries for the calling user; callers add them to the context that makes the change, so both commit together.</summary>
public sealed class AuditTrail(CurrentUser user, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public AuditEntry Entry(string action, string? entityType, object? entityId, object? details = null, Guid? tenantId = null) =>
        new(
            user.UserId,
            user.Name,
            tenantId ?? user.TenantId,
            action,
            entityType,
            entityId?.ToString(),
            details is null ? "{}" : JsonSerializer.Serialize(details, Json),
            user.IpAddress,
            user.UserAgent,
            clock.GetUtcNow().UtcDateTime);

    /// <summary>For events without a signed-in actor (failed sign-ins, start-up).</summary>
    public AuditEntry Anonymous(string action, Guid? actorId, string? actorName, Guid? tenantId, object? details = null, string entityType = "user", object? entityId = null) =>
        new(
            actorId,
            actorName,
            tenantId,
            action,
            entityType,
            (entityId ?? actorId)?.ToString(),
            details is null ? "{}" : JsonSerializer.Serialize(details, Json),
            user.IpAddress,
            user.UserAgent,
            clock.GetUtcNow().UtcDateTime);
}

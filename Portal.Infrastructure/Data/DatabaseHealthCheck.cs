using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Portal.Infrastructure.Data;

/// <summary>/health: the database answers.</summary>
internal sealed class DatabaseHealthCheck(PortalDb portalDb) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = portalDb.ForSystem("health");
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("La base de données ne répond pas.");
    }
}

using System.Threading.RateLimiting;
using Portal.Domain.Identity;

namespace Portal.Web.Security;

/// <summary>
/// Sign-in attempts per client address and targeted identifier (a fixed window of one minute): one person mistyping, or
/// someone guessing one account, is slowed down without blocking the colleagues who sign in from the same office address.
/// The pipeline's per-address limiter, higher, caps what one address can try across identifiers.
/// </summary>
public sealed class SignInThrottle(IConfiguration configuration) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
    {
        PermitLimit = configuration.GetValue("Portal:SignIn:RateLimitPerMinute", 5),
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
    }));

    /// <summary>False when this address already tried this identifier too often in the last minute.</summary>
    public bool TryAcquire(HttpContext http, string? identifier)
    {
        var target = UserIdentifier.TryParse(identifier, out var parsed, out _) ? parsed.Value : identifier?.Trim().ToUpperInvariant() ?? string.Empty;
        var key = (http.Connection.RemoteIpAddress?.ToString() ?? "unknown") + "|" + target;
        using var lease = limiter.AttemptAcquire(key);
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}

using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Portal.Domain.Identity;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Identity;

/// <summary>
/// Server-side sessions: the sign-in cookie carries a session id, and a cookie is honoured only while its session is open,
/// its account active, and its role and security stamp those of the account now (a new password, a temporary password or
/// a role change makes every older cookie worthless). Answers are cached for <see cref="CacheFor"/> per node; an end of
/// session decided on this node takes effect at once, one decided on another node within that time.
/// </summary>
public sealed class SessionStore(PortalDb portalDb, IMemoryCache cache, IOptions<IdentityOptions> identity, TimeProvider clock)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    /// <summary>Opens a session for a person who just proved who they are; its id goes into the cookie.</summary>
    public async Task<Guid> StartAsync(Guid userId, string? ipAddress, string? userAgent, CancellationToken cancellationToken = default)
    {
        var session = new UserSession(userId, Now(), ipAddress, userAgent);
        await using var db = portalDb.ForSystem("sessions");
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session.Id;
    }

    /// <summary>True while the principal's session may act; <paramref name="fresh"/> skips the cache (circuit revalidation).</summary>
    public async Task<bool> IsValidAsync(ClaimsPrincipal principal, bool fresh = false, CancellationToken cancellationToken = default)
    {
        if (!Guid.TryParse(principal.FindFirstValue(PortalClaims.SessionId), out var sessionId)
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return false;
        }

        var key = CacheKey(sessionId);
        if (!fresh && cache.TryGetValue(key, out bool known))
        {
            return known;
        }

        var valid = await CheckAsync(sessionId, userId, principal.FindFirstValue(ClaimTypes.Role), principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType), cancellationToken);
        cache.Set(key, valid, CacheFor);
        return valid;
    }

    /// <summary>Ends the principal's own session (sign-out).</summary>
    public async Task EndAsync(ClaimsPrincipal principal, string reason, CancellationToken cancellationToken = default)
    {
        if (Guid.TryParse(principal.FindFirstValue(PortalClaims.SessionId), out var sessionId))
        {
            await EndWhereAsync(s => s.Id == sessionId, reason, cancellationToken);
        }
    }

    /// <summary>Ends every open session of a person (new password, deactivation, role change): their cookies stop working.</summary>
    public Task EndAllAsync(Guid userId, string reason, CancellationToken cancellationToken = default) =>
        EndWhereAsync(s => s.UserId == userId, reason, cancellationToken);

    private async Task EndWhereAsync(System.Linq.Expressions.Expression<Func<UserSession, bool>> which, string reason, CancellationToken cancellationToken)
    {
        var now = Now();
        await using var db = portalDb.ForSystem("sessions");
        var open = await db.UserSessions.Where(which).Where(s => s.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var session in open)
        {
            session.Revoke(now, reason);
            cache.Remove(CacheKey(session.Id));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<bool> CheckAsync(Guid sessionId, Guid userId, string? role, string? stamp, CancellationToken cancellationToken)
    {
        var now = Now();
        await using var db = portalDb.ForSystem("sessions");
        var session = await db.UserSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId, cancellationToken);
        if (session is null || !session.IsOpenAt(now))
        {
            return false;
        }

        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.IsActive, u.Role, u.SecurityStamp }).SingleOrDefaultAsync(cancellationToken);
        if (account is null || !account.IsActive || account.Role != role || account.SecurityStamp != stamp)
        {
            return false;
        }

        if (session.Seen(now))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private static string CacheKey(Guid sessionId) => "session:" + sessionId.ToString("N");
}

using Portal.Domain.Common;

namespace Portal.Domain.Identity;

/// <summary>
/// One signed-in browser. The sign-in cookie names its session, and a session the server has ended (sign-out, new
/// password, deactivation) no longer opens anything, even with a cookie saved before.
/// </summary>
public sealed class UserSession : IUserOwned
{
    public const int ClientMaxLength = 300;

    /// <summary>Unused for this long, a session ends (as the sign-in cookie does).</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(8);

    /// <summary>However busy, a session lasts at most this long; then the person signs in again.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(7);

    // Recording every request would write on every click: "last seen" moves by steps of this much.
    private static readonly TimeSpan SeenStep = TimeSpan.FromMinutes(5);

    private UserSession()
    {
    }

    public UserSession(Guid userId, DateTime now, string? ipAddress, string? userAgent)
    {
        Id = Guid.NewGuid();
        UserId = userId;
        CreatedAt = now;
        LastSeenAt = now;
        IpAddress = Shorten(ipAddress);
        UserAgent = Shorten(userAgent);
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime LastSeenAt { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    /// <summary>Why it ended: one of <see cref="SessionEndReasons"/>.</summary>
    public string? RevokedReason { get; private set; }

    public string? IpAddress { get; private set; }

    public string? UserAgent { get; private set; }

    public bool IsOpenAt(DateTime now) => RevokedAt is null && now - LastSeenAt < IdleTimeout && now - CreatedAt < MaxLifetime;

    /// <summary>Records use; true when the change is worth writing (the step has passed).</summary>
    public bool Seen(DateTime now)
    {
        if (now - LastSeenAt < SeenStep)
        {
            return false;
        }

        LastSeenAt = now;
        return true;
    }

    public void Revoke(DateTime now, string reason)
    {
        if (RevokedAt is null)
        {
            RevokedAt = now;
            RevokedReason = reason;
        }
    }

    private static string? Shorten(string? text) => text is { Length: > ClientMaxLength } ? text[..ClientMaxLength] : text;
}

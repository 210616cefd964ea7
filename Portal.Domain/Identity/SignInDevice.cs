using Portal.Domain.Common;

namespace Portal.Domain.Identity;

/// <summary>
/// A browser where a person signed in successfully before (OWASP's "device cookie"). Its failed attempts are counted on
/// their own: someone guessing from elsewhere locks out the unknown browsers, never the owner's own phone or computer.
/// </summary>
public sealed class SignInDevice : IUserOwned
{
    public const int MaxFailures = 5;

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    private SignInDevice()
    {
    }

    public SignInDevice(Guid userId, DateTime now)
    {
        Id = Guid.NewGuid();
        UserId = userId;
        CreatedAt = now;
        LastSignInAt = now;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime LastSignInAt { get; private set; }

    public int FailedCount { get; private set; }

    public DateTime? LockedUntil { get; private set; }

    public bool IsLockedAt(DateTime now) => LockedUntil > now;

    public void SignedIn(DateTime now)
    {
        LastSignInAt = now;
        FailedCount = 0;
        LockedUntil = null;
    }

    /// <summary>Counts a wrong password; true when this one locks the device (the fifth in a row).</summary>
    public bool Failed(DateTime now)
    {
        if (LockedUntil is { } until && until <= now)
        {
            (FailedCount, LockedUntil) = (0, null);
        }

        FailedCount++;
        if (FailedCount < MaxFailures || LockedUntil is not null)
        {
            return false;
        }

        LockedUntil = now + LockoutDuration;
        return true;
    }
}

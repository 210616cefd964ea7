using Portal.Domain.Identity;

namespace Portal.Tests.Identity;

public class SessionRulesTests
{
    private static readonly DateTime Start = new(2026, 12, 2, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_session_ends_when_revoked_idle_too_long_or_too_old()
    {
        var session = new UserSession(Guid.NewGuid(), Start, "10.0.0.7", "tests");
        Assert.True(session.IsOpenAt(Start.AddHours(7)));
        Assert.False(session.IsOpenAt(Start + UserSession.IdleTimeout));

        // Used every few hours, it still ends after its maximum lifetime.
        for (var at = Start; at < Start + UserSession.MaxLifetime; at = at.AddHours(4))
        {
            session.Seen(at);
        }

        Assert.False(session.IsOpenAt(Start + UserSession.MaxLifetime));

        var signedOut = new UserSession(Guid.NewGuid(), Start, null, null);
        signedOut.Revoke(Start.AddMinutes(1), SessionEndReasons.SignOut);
        signedOut.Revoke(Start.AddMinutes(2), SessionEndReasons.PasswordChanged);
        Assert.False(signedOut.IsOpenAt(Start.AddMinutes(1)));
        Assert.Equal((Start.AddMinutes(1), SessionEndReasons.SignOut), (signedOut.RevokedAt, signedOut.RevokedReason));
    }

    [Fact]
    public void Use_is_recorded_by_steps_so_a_click_does_not_write()
    {
        var session = new UserSession(Guid.NewGuid(), Start, null, new string('x', 1000));
        Assert.False(session.Seen(Start.AddMinutes(1)));
        Assert.True(session.Seen(Start.AddMinutes(6)));
        Assert.Equal(Start.AddMinutes(6), session.LastSeenAt);
        Assert.Equal(UserSession.ClientMaxLength, session.UserAgent!.Length);
    }

    [Fact]
    public void The_fifth_wrong_password_on_a_known_device_locks_it_for_fifteen_minutes_then_it_starts_over()
    {
        var device = new SignInDevice(Guid.NewGuid(), Start);
        for (var attempt = 1; attempt < SignInDevice.MaxFailures; attempt++)
        {
            Assert.False(device.Failed(Start.AddSeconds(attempt)));
        }

        Assert.True(device.Failed(Start.AddSeconds(5)));
        Assert.True(device.IsLockedAt(Start.AddMinutes(14)));
        Assert.False(device.Failed(Start.AddMinutes(1)));

        var later = Start.AddSeconds(5) + SignInDevice.LockoutDuration;
        Assert.False(device.IsLockedAt(later));
        Assert.False(device.Failed(later));
        Assert.Equal(1, device.FailedCount);

        device.SignedIn(later.AddMinutes(1));
        Assert.Equal((0, (DateTime?)null), (device.FailedCount, device.LockedUntil));
    }
}

using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Identity;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Identity;

/// <summary>
/// The device cookie (OWASP, "Slow down online guessing attacks with device cookies"): a browser that signed in as a person
/// before shows a signed cookie naming that person and the device, and gets its own failure counter instead of the
/// account's lockout. One cookie per browser: the last person who signed in on it.
/// </summary>
public sealed class TrustedDevices(PortalDb portalDb, IHttpContextAccessor httpContextAccessor, IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "portal.device";

    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);

    private readonly IDataProtector protector = protection.CreateProtector("Portal.SignInDevice.v1");

    /// <summary>The device this browser proves for the person, or null (no cookie, forged, another person's, forgotten).</summary>
    public async Task<SignInDevice?> FindAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        if (DeviceIdFor(userId) is not { } deviceId)
        {
            return null;
        }

        await using var db = portalDb.ForSystem("devices");
        return await db.SignInDevices.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deviceId && d.UserId == userId, cancellationToken);
    }

    /// <summary>Counts a wrong password on the device; returns it as it is now and whether this failure locked it.</summary>
    public async Task<(SignInDevice Device, bool NewlyLocked)> FailedAsync(SignInDevice device, CancellationToken cancellationToken = default)
    {
        await using var db = portalDb.ForSystem("devices");
        var tracked = await db.SignInDevices.SingleAsync(d => d.Id == device.Id, cancellationToken);
        var locked = tracked.Failed(Now());
        await db.SaveChangesAsync(cancellationToken);
        return (tracked, locked);
    }

    /// <summary>After a successful sign-in: the device (known or new) is trusted for this person, its counter cleared.</summary>
    public async Task RememberAsync(Guid userId, SignInDevice? known, CancellationToken cancellationToken = default)
    {
        await using var db = portalDb.ForSystem("devices");
        var device = known is null ? null : await db.SignInDevices.SingleOrDefaultAsync(d => d.Id == known.Id, cancellationToken);
        if (device is null)
        {
            device = new SignInDevice(userId, Now());
            db.SignInDevices.Add(device);
        }

        device.SignedIn(Now());
        await db.SaveChangesAsync(cancellationToken);
        if (httpContextAccessor.HttpContext is { } http && !http.Response.HasStarted)
        {
            http.Response.Cookies.Append(CookieName, protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{userId:N}:{device.Id:N}")), new CookieOptions
            {
                HttpOnly = true,
                Secure = http.Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                Path = "/account",
                MaxAge = Lifetime,
                IsEssential = true,
            });
        }
    }

    private Guid? DeviceIdFor(Guid userId)
    {
        if (httpContextAccessor.HttpContext?.Request.Cookies[CookieName] is not { Length: > 0 and < 1000 } value)
        {
            return null;
        }

        try
        {
            var parts = protector.Unprotect(value).Split(':');
            return parts.Length == 2 && Guid.TryParse(parts[0], out var owner) && owner == userId && Guid.TryParse(parts[1], out var device) ? device : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}

using Microsoft.AspNetCore.Identity;

namespace Portal.Infrastructure.Identity;

/// <summary>
/// A person who signs in: operator staff (no tenant) or a tenant user. Signs in with the email or the
/// E.164 phone number; at least one of them is set and each is unique platform-wide.
/// </summary>
public sealed class PortalUser : IdentityUser<Guid>
{
    public Guid? TenantId { get; set; }

    public string FirstName { get; set; } = string.Empty;

    public string LastName { get; set; } = string.Empty;

    public string Role { get; set; } = string.Empty;

    public bool MustChangePassword { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTime? LastLoginAt { get; set; }

    /// <summary>"light" or "dark"; null until the user picks one.</summary>
    public string? Theme { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When SMS and WhatsApp must wait (the person's quiet hours); both null for the default, 21:00 to 07:00.</summary>
    public TimeOnly? QuietHoursStart { get; set; }

    public TimeOnly? QuietHoursEnd { get; set; }

    public Domain.Messaging.QuietHours QuietHours => Domain.Messaging.QuietHours.Of(QuietHoursStart, QuietHoursEnd);

    public string DisplayName => $"{FirstName} {LastName}".Trim();
}

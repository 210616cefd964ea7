namespace Portal.Domain.Identity;

/// <summary>Where a permission applies: inside one client company, or across the platform (operator staff).</summary>
public enum PermissionScope
{
    Tenant,
    Platform,

    /// <summary>One's own things (notifications, preferences): every signed-in person, staff or tenant user.</summary>
    Personal,
}

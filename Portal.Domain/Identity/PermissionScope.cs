namespace Portal.Domain.Identity;

/// <summary>Where a permission applies: inside one client company, or across the platform (operator staff).</summary>
public enum PermissionScope
{
    Tenant,
    Platform,
}

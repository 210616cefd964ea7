namespace Portal.Infrastructure.Bootstrap;

public sealed class BootstrapOptions
{
    public const string Section = "Portal:Bootstrap";

    /// <summary>The first platform admin, created when none exists.</summary>
    public string AdminEmail { get; set; } = "admin@portal.local";

    /// <summary>Also create a demo tenant with one user per tenant role (the --demo switch sets it).</summary>
    public bool Demo { get; set; }
}

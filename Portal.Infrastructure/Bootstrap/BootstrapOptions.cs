namespace Portal.Infrastructure.Bootstrap;

public sealed class BootstrapOptions
{
    public const string Section = "Portal:Bootstrap";

    /// <summary>
    /// The first platform admin's e-mail, created when none exists. Empty (the default): a login nobody can guess,
    /// <c>admin-xxxxxx@portal.local</c>, printed once with its password, so no published address can be locked out.
    /// </summary>
    public string? AdminEmail { get; set; }

    /// <summary>Also create a demo tenant with one user per tenant role (the --demo switch sets it).</summary>
    public bool Demo { get; set; }
}

namespace Portal.Infrastructure.Data;

/// <summary>
/// One data-protection key ring element, stored in the database so every web node decrypts the same
/// cookies. Microsoft.AspNetCore.DataProtection.EntityFrameworkCore is absent from our package source,
/// so <see cref="DataProtectionKeyRepository"/> is our small replacement with the same table shape.
/// </summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public string? Xml { get; set; }
}

using System.Text.Json.Nodes;
using Portal.Domain.Common;

namespace Portal.Domain.Tenancy;

/// <summary>A client company served by the operator.</summary>
public sealed class Tenant
{
    public const int NameMaxLength = 200;

    private Tenant()
    {
    }

    public Tenant(string name, Ninea? ninea, Sector sector, string country, string createdBy, DateTime now)
    {
        Id = Guid.NewGuid();
        Rename(name);
        Ninea = ninea?.Value;
        Sector = sector;
        Country = string.IsNullOrWhiteSpace(country) ? "SN" : country.Trim().ToUpperInvariant();
        CreatedBy = createdBy;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string? Ninea { get; private set; }

    public Sector Sector { get; private set; }

    public string Country { get; private set; } = "SN";

    /// <summary>Tenant settings as a JSON object (branding, enabled dashboards...).</summary>
    public string Settings { get; private set; } = "{}";

    public bool IsActive { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public void Rename(string name)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw new DomainException("Le nom de l'entreprise est obligatoire.");
        }

        if (trimmed.Length > NameMaxLength)
        {
            throw new DomainException($"Le nom de l'entreprise ne doit pas dépasser {NameMaxLength} caractères.");
        }

        Name = trimmed;
    }

    public void Activate(DateTime now)
    {
        IsActive = true;
        UpdatedAt = now;
    }

    /// <summary>Turns the named dashboards on in <see cref="Settings"/> (kept as <c>{"dashboards":{"sales":true}}</c>).</summary>
    public void EnableDashboards(IEnumerable<string> dashboards, DateTime now)
    {
        var settings = JsonNode.Parse(Settings) as JsonObject ?? [];
        if (settings["dashboards"] is not JsonObject enabled)
        {
            enabled = [];
            settings["dashboards"] = enabled;
        }

        foreach (var dashboard in dashboards)
        {
            enabled[dashboard] = true;
        }

        Settings = settings.ToJsonString();
        UpdatedAt = now;
    }

    public bool HasDashboard(string dashboard) =>
        JsonNode.Parse(Settings)?["dashboards"]?[dashboard]?.GetValue<bool>() == true;

    public void Deactivate(DateTime now)
    {
        IsActive = false;
        UpdatedAt = now;
    }
}

public enum Sector
{
    Retail,
    Wholesale,
    Manufacturing,
    Services,
}

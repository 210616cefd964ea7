using System.Text.Json.Nodes;
using Portal.Domain.Common;

namespace Portal.Domain.Tenancy;

/// <summary>A client company served by the operator.</summary>
public sealed class Tenant : IPlatformOwned
{
    private Tenant()
    {
    }

    public Tenant(CompanyName name, Ninea? ninea, Sector sector, Country country, string createdBy)
    {
        Id = Guid.NewGuid();
        Rename(name);
        Ninea = ninea?.Value;
        Sector = sector;
        Country = country.Code;
        CreatedBy = createdBy;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    /// <summary><see cref="CompanyName.Normalized"/>: unique, so two spellings of one company cannot both be registered.</summary>
    public string NormalizedName { get; private set; } = string.Empty;

    public string? Ninea { get; private set; }

    public Sector Sector { get; private set; }

    public string Country { get; private set; } = "SN";

    /// <summary>Tenant settings as a JSON object (branding, enabled dashboards...).</summary>
    public string Settings { get; private set; } = "{}";

    public bool IsActive { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public void Rename(CompanyName name)
    {
        Name = name.Value;
        NormalizedName = name.Normalized;
    }

    public void Activate() => IsActive = true;

    /// <summary>Turns the named dashboards on in <see cref="Settings"/> (kept as <c>{"dashboards":{"sales":true}}</c>).</summary>
    public void EnableDashboards(IEnumerable<string> dashboards)
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
    }

    public bool HasDashboard(string dashboard) =>
        JsonNode.Parse(Settings)?["dashboards"]?[dashboard]?.GetValue<bool>() == true;

    public void Deactivate() => IsActive = false;
}

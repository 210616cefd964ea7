using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Auditing;
using Portal.Domain.Identity;
using Portal.Domain.Tenancy;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;

namespace Portal.Infrastructure.Bootstrap;

public sealed record CreatedLogin(string Role, string Identifier, string Password);

/// <summary>
/// First run: the platform admin (and, on request, a demo company). Generated passwords are printed once
/// to the console and never stored in clear; every account must change its password at first sign-in.
/// </summary>
public sealed class BootstrapSeeder(
    UserManager<PortalUser> users,
    IDbContextFactory<PortalDbContext> factory,
    IOptions<BootstrapOptions> options,
    AuditTrail audit,
    TimeProvider clock)
{
    public const string DemoTenantName = "Démo Commerce SARL";

    public async Task<IReadOnlyList<CreatedLogin>> SeedAsync(CancellationToken cancellationToken = default)
    {
        var created = new List<CreatedLogin>();
        if (!await users.Users.AnyAsync(u => u.Role == Roles.Admin, cancellationToken))
        {
            var email = EmailAddress.Parse(options.Value.AdminEmail);
            var admin = await CreateUserAsync(null, "Admin", "Plateforme", Roles.Admin, UserIdentifier.ForEmail(email), created);
            await using var db = factory.CreateDbContext();
            db.AuditEntries.Add(audit.Anonymous(AuditActions.BootstrapAdmin, admin.Id, "system", null, new { email = email.Value }));
            await db.SaveChangesAsync(cancellationToken);
        }

        if (options.Value.Demo)
        {
            await SeedDemoAsync(created, cancellationToken);
        }

        return created;
    }

    public static string Describe(IReadOnlyList<CreatedLogin> logins)
    {
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine("================ Portal: comptes créés (mots de passe affichés une seule fois) ================");
        foreach (var login in logins)
        {
            text.AppendLine($"  {login.Role,-8} identifiant: {login.Identifier,-26} mot de passe: {login.Password}");
        }

        text.AppendLine("  Chaque compte doit changer son mot de passe à la première connexion (page /account/login).");

        text.AppendLine("================================================================================================");
        return text.ToString();
    }

    private async Task SeedDemoAsync(List<CreatedLogin> created, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        db.AllowCrossTenant();
        if (await db.Tenants.AnyAsync(t => t.Name == DemoTenantName, cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Ninea.TryParse("0012345 2G3", out var ninea, out _);
        var tenant = new Tenant(DemoTenantName, ninea, Sector.Retail, "SN", "demo", now);
        tenant.Activate(now);
        db.Tenants.Add(tenant);
        db.Sites.Add(new Site(tenant.Id, "Boutique Plateau", "12 avenue Léopold Sédar Senghor, Dakar", SiteType.Main, now));
        db.Sites.Add(new Site(tenant.Id, "Dépôt Pikine", "Route des Niayes, Pikine", SiteType.Branch, now));
        db.AuditEntries.Add(audit.Anonymous(AuditActions.CreateTenant, null, "system", tenant.Id, new { tenant.Name, source = "demo" }, "tenant", tenant.Id));
        await db.SaveChangesAsync(cancellationToken);

        await CreateUserAsync(tenant.Id, "Awa", "Diop", Roles.Owner, UserIdentifier.ForEmail(EmailAddress.Parse("awa.diop@demo.sn")), created);
        await CreateUserAsync(tenant.Id, "Moussa", "Ndiaye", Roles.Manager, UserIdentifier.ForPhone(PhoneNumber.Parse("77 123 45 67")), created);
        await CreateUserAsync(tenant.Id, "Fatou", "Sarr", Roles.Member, UserIdentifier.ForEmail(EmailAddress.Parse("fatou.sarr@demo.sn")), created);
        await CreateUserAsync(tenant.Id, "Ibrahima", "Fall", Roles.Viewer, UserIdentifier.ForPhone(PhoneNumber.Parse("76 555 12 34")), created);
    }

    private async Task<PortalUser> CreateUserAsync(Guid? tenantId, string firstName, string lastName, string role, UserIdentifier identifier, List<CreatedLogin> created)
    {
        var user = new PortalUser
        {
            Id = Guid.NewGuid(),
            TenantId = tenantId,
            FirstName = firstName,
            LastName = lastName,
            Role = role,
            UserName = identifier.Value,
            Email = identifier.Email?.Value,
            PhoneNumber = identifier.Phone?.Value,
            MustChangePassword = true,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var password = PasswordPolicy.GenerateTemporary();
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Cannot create {identifier}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }

        created.Add(new CreatedLogin(role, identifier.Value, password));
        return user;
    }
}

using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Infrastructure.Data;
using Portal.Tests.Support;

namespace Portal.Tests.Architecture;

/// <summary>Rules that hold the structure together; each fails when someone forgets one of them.</summary>
public class ArchitectureTests
{
    private static readonly Assembly Domain = typeof(ITenantOwned).Assembly;
    private static readonly Assembly Infrastructure = typeof(PortalDb).Assembly;
    private static readonly Assembly Web = typeof(Portal.Web.DependencyInjection).Assembly;

    [Fact]
    public async Task Every_entity_has_exactly_one_ownership_and_the_matching_filter()
    {
        await using var database = await TestDatabase.CreateAsync(Providers.Sqlite, migrate: false);
        await using var db = database.NewContext();
        var entities = db.Model.GetEntityTypes().Where(e => !e.IsOwned()).ToList();
        Assert.NotEmpty(entities);
        foreach (var entity in entities)
        {
            var declared = OwnershipModel.Declared(entity);
            Assert.True(declared.Count == 1, $"{entity.ClrType.Name} declares {declared.Count} ownerships");
            var filter = entity.FindDeclaredQueryFilter(PortalDbContext.OwnershipFilter);
            if (declared[0] == Ownership.Global)
            {
                Assert.Null(filter);
                continue;
            }

            Assert.True(filter is not null, $"{entity.ClrType.Name} has no ownership filter");
            var expected = declared[0] switch
            {
                Ownership.Tenant => "scopeTenantId",
                Ownership.User => "scopeUserId",
                _ => "scopePlatform",
            };
            Assert.Contains(expected, filter!.Expression!.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_domain_entity_type_carries_an_ownership_marker()
    {
        var markers = new[] { typeof(ITenantOwned), typeof(IPlatformOwned), typeof(IUserOwned), typeof(IGlobal) };
        var entities = typeof(PortalDbContext).GetProperties()
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>))
            .Select(p => p.PropertyType.GetGenericArguments()[0])
            .Where(t => t.Assembly == Domain)
            .ToList();
        Assert.NotEmpty(entities);
        Assert.All(entities, t => Assert.Equal(1, markers.Count(m => m.IsAssignableFrom(t))));
    }

    [Fact]
    public void No_context_or_context_factory_can_be_resolved_from_the_container()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:SqlitePath"] = Path.Combine(Path.GetTempPath(), "portal-arch.db") })
            .Build();
        Portal.Infrastructure.DependencyInjection.AddPortalInfrastructure(services, configuration);
        using var provider = services.BuildServiceProvider();
        Assert.Null(provider.GetService<PortalDbContext>());
        Assert.Null(provider.GetService<IDbContextFactory<PortalDbContext>>());
        Assert.DoesNotContain(services, d => d.ServiceType.IsAssignableTo(typeof(PortalDbContext)));
    }

    [Fact]
    public void Only_the_data_folder_creates_contexts()
    {
        // No context can be constructed from outside the assembly, and the only types that take the factory or a context live in Data/.
        Assert.All(typeof(PortalDbContext).Assembly.GetTypes().Where(t => t.IsAssignableTo(typeof(DbContext))),
            t => Assert.False(t.IsVisible && t.GetConstructors(BindingFlags.Public | BindingFlags.Instance).Length > 0, $"{t.Name} can be constructed from outside"));
        var dataNamespace = typeof(PortalDbContext).Namespace!;
        var offenders = Infrastructure.GetTypes().Concat(Web.GetTypes())
            .Where(t => !(t.Namespace ?? string.Empty).StartsWith(dataNamespace, StringComparison.Ordinal))
            .Where(t => t.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .SelectMany(c => c.GetParameters())
                .Any(p => p.ParameterType == typeof(PortalDbContextFactory)
                    || (p.ParameterType.IsAssignableTo(typeof(DbContext)) && p.ParameterType != typeof(PortalDbContext))))
            .Select(t => t.FullName)
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void No_component_injects_a_context()
    {
        var injected = Web.GetTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(p => p.GetCustomAttribute<InjectAttribute>() is not null)
            .Where(p => p.PropertyType.IsAssignableTo(typeof(DbContext)) || p.PropertyType == typeof(PortalDbContextFactory)
                || (p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(IDbContextFactory<>)))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
            .ToList();
        Assert.Empty(injected);
    }

    [Fact]
    public void The_domain_references_only_the_base_library_and_libphonenumber()
    {
        var allowed = new[] { "System.", "PhoneNumbers", "netstandard", "mscorlib" };
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.All(references, name => Assert.True(name == "System" || allowed.Any(a => name.StartsWith(a, StringComparison.Ordinal)), $"Portal.Domain references {name}"));
    }

    [Fact]
    public void Every_routable_admin_component_requires_the_staff_policy()
    {
        var admin = Web.GetTypes()
            .Where(t => t.IsAssignableTo(typeof(IComponent)))
            .Select(t => (Type: t, Routes: t.GetCustomAttributes<RouteAttribute>().Select(r => r.Template).ToList()))
            .Where(x => x.Routes.Any(r => r.StartsWith("/admin", StringComparison.OrdinalIgnoreCase)))
            .ToList();
        Assert.NotEmpty(admin);
        Assert.All(admin, x => Assert.True(
            x.Type.GetCustomAttributes<AuthorizeAttribute>(inherit: true).Any(a => a.Policy == Portal.Web.DependencyInjection.StaffPolicy),
            $"{x.Type.Name} ({string.Join(", ", x.Routes)}) does not require the staff policy"));
    }

    [Fact]
    public void Every_permission_names_a_resource_and_an_action_and_is_granted_to_someone()
    {
        Assert.Equal(Portal.Domain.Identity.Permissions.All.Count, Portal.Domain.Identity.Permissions.All.Select(p => p.Name).Distinct().Count());
        var roles = new[] { "Admin", "Staff", "Owner", "Manager", "Member", "Viewer" };
        Assert.All(Portal.Domain.Identity.Permissions.All, p => Assert.Contains(roles, r => Portal.Domain.Identity.RolePermissions.Grants(r, p)));
    }
}

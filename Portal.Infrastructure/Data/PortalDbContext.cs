using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Portal.Domain.Auditing;
using Portal.Domain.Dashboard;
using Portal.Domain.Identity;
using Portal.Domain.Messaging;
using Portal.Domain.Notifications;
using Portal.Domain.Onboarding;
using Portal.Domain.Sales;
using Portal.Domain.Tenancy;
using Portal.Infrastructure.Identity;

namespace Portal.Infrastructure.Data;

/// <summary>
/// The one model, with one context type per provider for the migrations (<see cref="SqlitePortalDbContext"/>,
/// <see cref="PostgresPortalDbContext"/>). Only <see cref="PortalDb"/> creates contexts, each with a fixed
/// <see cref="DataScope"/>; every entity's query filter comes from its ownership marker (<see cref="OwnershipModel"/>),
/// and <see cref="OwnershipGuard"/> refuses writes outside the scope.
/// </summary>
public abstract class PortalDbContext : IdentityUserContext<PortalUser, Guid>
{
    /// <summary>Name of the ownership query filter; other named filters (soft delete...) can sit beside it.</summary>
    public const string OwnershipFilter = "ownership";

    // Read by the query filters: EF evaluates these fields on the context instance running each query.
    private Guid? scopeTenantId;
    private Guid? scopeUserId;
    private bool scopePlatform;
    private bool scopeAllTenants;

    private protected PortalDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<Site> Sites => Set<Site>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<Sale> Sales => Set<Sale>();

    public DbSet<DailyProductSales> DailyProductSales => Set<DailyProductSales>();

    public DbSet<DailySiteSales> DailySiteSales => Set<DailySiteSales>();

    public DbSet<ProductInsight> ProductInsights => Set<ProductInsight>();

    public DbSet<CompanyForecast> CompanyForecasts => Set<CompanyForecast>();

    public DbSet<AlertRule> AlertRules => Set<AlertRule>();

    public DbSet<AlertFiring> AlertFirings => Set<AlertFiring>();

    public DbSet<OnboardingSession> OnboardingSessions => Set<OnboardingSession>();

    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<SignInDevice> SignInDevices => Set<SignInDevice>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<MessagePreference> MessagePreferences => Set<MessagePreference>();

    public DbSet<MessageTemplate> MessageTemplates => Set<MessageTemplate>();

    internal DataScope Scope { get; private set; } = DataScope.Nothing;

    /// <summary>Set when a save added outgoing messages, until their commit wakes the delivery job.</summary>
    internal bool QueuedMessages { get; set; }

    // Contexts are built without the application's container, so Identity cannot read its options: pin the schema
    // (version 1: users, claims, logins, tokens; no passkeys yet) so the model is the same at run time and design time.
    protected override Version SchemaVersion => IdentitySchemaVersions.Version1;

    internal void ApplyScope(DataScope scope)
    {
        Scope = scope;
        (scopeTenantId, scopeUserId, scopePlatform, scopeAllTenants) = (scope.TenantId, scope.UserId, scope.Platform, scope.AllTenants);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly, t => t.Namespace?.StartsWith(typeof(PortalDbContext).Namespace + ".Configurations", StringComparison.Ordinal) == true);
    }

    // Filters are added once the model is final (after Identity ignores the tables of other schema versions), so every
    // entity that really is in the model gets the filter of its ownership, and one without an ownership stops the build.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Conventions.Add(_ => new OwnershipFilterConvention(this));

    private sealed class OwnershipFilterConvention(PortalDbContext context) : IModelFinalizingConvention
    {
        public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> conventionContext)
        {
            foreach (var entityType in modelBuilder.Metadata.GetEntityTypes().Where(e => !e.IsOwned()).ToList())
            {
                if (context.FilterFor(entityType.ClrType, OwnershipModel.Of(entityType)) is { } filter)
                {
                    entityType.Builder.HasQueryFilter(OwnershipFilter, filter);
                }
            }
        }
    }

    // e => scopeAllTenants || <rule of the ownership>, built once per model; the fields are read per query.
    private LambdaExpression? FilterFor(Type clrType, Ownership ownership)
    {
        var entity = Expression.Parameter(clrType, "e");
        var context = Expression.Constant(this);
        Expression Field(string name) => Expression.Field(context, typeof(PortalDbContext).GetField(name, System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!);
        Expression Matches(string property, string field) => Expression.Equal(
            Expression.Convert(Expression.Property(entity, property), typeof(Guid?)), Field(field));

        Expression? rule = ownership switch
        {
            Ownership.Tenant => Matches("TenantId", nameof(scopeTenantId)),
            Ownership.Platform => Field(nameof(scopePlatform)),
            Ownership.User => Matches("UserId", nameof(scopeUserId)),
            _ => null,
        };
        return rule is null ? null : Expression.Lambda(Expression.OrElse(Field(nameof(scopeAllTenants)), rule), entity);
    }
}

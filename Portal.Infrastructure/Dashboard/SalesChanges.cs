using Portal.Infrastructure.Events;

namespace Portal.Infrastructure.Dashboard;

/// <summary>
/// Tells a company's open dashboards that its sales or products changed (an import committed), on every web node, so
/// they reload. Carries no data: each page reads the database again with its own user's rights.
/// </summary>
public sealed class SalesChanges(EventBus bus)
{
    public IDisposable Follow(Guid tenantId, Action handler) => bus.Subscribe<object>(Key(tenantId), _ => handler());

    public void Signal(Guid tenantId) => bus.Publish<object>(Key(tenantId), null);

    private static string Key(Guid tenantId) => "sales:" + tenantId.ToString("N");
}

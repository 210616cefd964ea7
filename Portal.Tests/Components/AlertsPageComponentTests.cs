using Bunit;
using Portal.Domain.Identity;
using Portal.Tests.Dashboard;
using Portal.Tests.Support;
using Portal.Web.Components.Dashboard;

namespace Portal.Tests.Components;

/// <summary>The alerts page as each role sees it, rendered without a browser against the real services on SQLite.</summary>
public sealed class AlertsPageComponentTests
{
    [Fact]
    public async Task A_viewer_reads_the_rules_without_any_way_to_change_them()
    {
        await using var database = await TestDatabase.CreateAsync(Providers.Sqlite);
        var fixture = await SalesFixture.CreateAsync(database);
        await using var viewer = fixture.As(Roles.Viewer);
        await using var ctx = ComponentTest.Create(viewer.ServiceProvider);

        var page = ctx.Render<AlertsPage>();
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("input[type=checkbox]").Count));

        Assert.Empty(page.FindAll("#save-alerts"));
        Assert.Contains("Seuls le propriétaire et les gérants peuvent modifier les alertes.", page.Markup, StringComparison.Ordinal);
        Assert.All(page.FindAll("input[type=checkbox]"), input => Assert.True(input.HasAttribute("disabled")));
        Assert.Equal(3, page.FindAll("input[readonly]").Count);
        Assert.Contains("href=\"app/profile/notifications\"", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manager_gets_the_save_button_and_editable_rules()
    {
        await using var database = await TestDatabase.CreateAsync(Providers.Sqlite);
        var fixture = await SalesFixture.CreateAsync(database);
        await using var manager = fixture.As(Roles.Manager);
        await using var ctx = ComponentTest.Create(manager.ServiceProvider);

        var page = ctx.Render<AlertsPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("#save-alerts")));

        Assert.DoesNotContain(page.FindAll("input[type=checkbox]"), input => input.HasAttribute("disabled"));
        Assert.Empty(page.FindAll("input[readonly]"));
    }
}

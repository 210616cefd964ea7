using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Domain.Identity;
using Portal.Tests.Dashboard;
using Portal.Tests.Support;
using Portal.Web.Components.Dashboard;

namespace Portal.Tests.Components;

/// <summary>The sales page's own logic, rendered without a browser against the real services on SQLite.</summary>
public sealed class SalesPageTests : IAsyncLifetime
{
    private static readonly DateOnly Yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
    private TestDatabase database = default!;
    private SalesFixture fixture = default!;
    private SalesFixture other = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(Providers.Sqlite);
        fixture = await SalesFixture.CreateAsync(database);
        await fixture.WriteAsync(
            [SalesFixture.Product("A1", 1000, 600, 10, 5, "Boissons"), SalesFixture.Product("A2", 2500, null, 3, 10, "Hygiène")],
            [(fixture.MainSite, 0, Yesterday, 2), (fixture.Branch, 1, Yesterday, 1), (fixture.MainSite, 1, Yesterday.AddDays(-1), 4)]);
        other = await SalesFixture.CreateAsync(database, "Autre Commerce SARL");
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_viewer_sees_the_filtered_lines_and_their_totals_without_the_margin()
    {
        await using var scope = fixture.As(Roles.Viewer);
        await using var ctx = ComponentTest.Create(scope.ServiceProvider);
        ctx.Render<MudPopoverProvider>();
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("app/sales?categorie=Hygi%C3%A8ne");

        var page = ctx.Render<SalesPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".sales-grid tbody .sale-product").Count));
        Assert.All(page.FindAll(".sales-grid tbody .sale-product .cell-sub"), c => Assert.EndsWith("Hygiène", c.TextContent, StringComparison.Ordinal));
        Assert.Equal("12 500 FCFA", Kpi(page, "Chiffre d'affaires").Replace('\u202f', ' ').Replace('\u00a0', ' '));
        Assert.Equal("5", Kpi(page, "Unités vendues"));
        Assert.DoesNotContain(page.FindAll(".dash-kpi-label"), l => l.TextContent == "Marge brute");
        Assert.Equal("Hygiène", page.Find("#sales-category option[selected]").TextContent);
    }

    [Fact]
    public async Task An_address_naming_another_companys_site_or_product_or_mistyped_shows_a_refusal_and_no_line()
    {
        foreach (var (address, message) in new[]
        {
            ($"app/sales?site={other.MainSite}", "Ce site n'existe pas."),
            ($"app/sales?produit={Guid.NewGuid()}", "Ce produit n'existe pas."),
            ("app/sales?produit=xyz", "Ce produit n'existe pas."),
            ("app/sales?site=abc", "Ce site n'existe pas."),
            ("app/sales?min=abc", "Le montant minimum doit être un nombre entier positif ou nul."),
            ("app/sales?max=1e5", "Le montant maximum doit être un nombre entier positif ou nul."),
        })
        {
            await using var scope = fixture.As(Roles.Owner);
            await using var ctx = ComponentTest.Create(scope.ServiceProvider);
            ctx.Render<MudPopoverProvider>();
            ctx.Services.GetRequiredService<NavigationManager>().NavigateTo(address);

            var page = ctx.Render<SalesPage>();

            page.WaitForAssertion(() => Assert.Contains(message, page.Find(".mud-alert").TextContent, StringComparison.Ordinal));
            page.WaitForAssertion(() => Assert.Contains("Aucune vente ne correspond à ces filtres.", page.Markup, StringComparison.Ordinal));
            Assert.Empty(page.FindAll(".sales-grid tbody .sale-product"));
            Assert.Equal("0 FCFA", Kpi(page, "Chiffre d'affaires").Replace('\u202f', ' ').Replace('\u00a0', ' '));
        }
    }

    private static string Kpi(IRenderedComponent<SalesPage> page, string label) =>
        page.FindAll(".dash-kpi").Single(k => k.QuerySelector(".dash-kpi-label")?.TextContent == label).QuerySelector(".dash-kpi-value")!.TextContent.Trim();
}

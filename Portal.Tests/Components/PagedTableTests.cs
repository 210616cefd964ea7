using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Web.Components.Shared;

namespace Portal.Tests.Components;

public class PagedTableTests
{
    private static readonly string[] Towns = ["Dakar", "Thiès", "Ziguinchor", "Kaolack", "Saint-Louis", "Mbour", "Touba"];

    [Fact]
    public async Task Pages_and_sorts_through_the_service_request_and_says_where_it_is()
    {
        await using var services = new ServiceCollection().BuildServiceProvider();
        await using var ctx = ComponentTest.Create(services);
        var requests = new List<PageRequest>();
        var table = ctx.Render<PagedTable<string>>(p => p
            .Add(t => t.Load, (request, _) =>
            {
                requests.Add(request);
                var sorted = request.Descending ? Towns.OrderDescending() : Towns.Order();
                return Task.FromResult(new Page<string>(sorted.Skip(request.Skip).Take(request.Take).ToList(), Towns.Length));
            })
            .Add(t => t.PageSize, 3)
            .Add(t => t.Columns, 1)
            .Add(t => t.Label, "Villes")
            .Add(t => t.SortBy, "Name")
            .Add(t => t.Header, (RenderFragment)(b =>
            {
                b.OpenComponent<SortHeader<string>>(0);
                b.AddAttribute(1, nameof(SortHeader<string>.Field), "Name");
                b.AddAttribute(2, nameof(SortHeader<string>.Title), "Ville");
                b.CloseComponent();
            }))
            .Add(t => t.Row, town => b => b.AddMarkupContent(0, $"<td>{town}</td>")));

        Assert.Equal(["Dakar", "Kaolack", "Mbour"], table.FindAll("tbody td").Select(td => td.TextContent));
        Assert.Contains("1-3 sur 7", table.Markup, StringComparison.Ordinal);
        Assert.Equal("ascending", table.Find("th").GetAttribute("aria-sort"));
        Assert.True(table.Find("button[aria-label='Page précédente']").HasAttribute("disabled"));

        await table.Find("button[aria-label='Dernière page']").ClickAsync(new());
        Assert.Equal(["Ziguinchor"], table.FindAll("tbody td").Select(td => td.TextContent));
        Assert.Contains("7-7 sur 7", table.Markup, StringComparison.Ordinal);
        Assert.True(table.Find("button[aria-label='Page suivante']").HasAttribute("disabled"));

        // Sorting again by the same column reverses it and starts from the first page.
        await table.Find("th button").ClickAsync(new());
        Assert.Equal(["Ziguinchor", "Touba", "Thiès"], table.FindAll("tbody td").Select(td => td.TextContent));
        Assert.Equal("descending", table.Find("th").GetAttribute("aria-sort"));
        Assert.Equal(new PageRequest(0, 3, "Name", Descending: true), requests[^1]);
    }

    [Fact]
    public async Task An_empty_page_shows_its_explanation_and_no_pager()
    {
        await using var services = new ServiceCollection().BuildServiceProvider();
        await using var ctx = ComponentTest.Create(services);
        var table = ctx.Render<PagedTable<string>>(p => p
            .Add(t => t.Load, (_, _) => Task.FromResult(new Page<string>([], 0)))
            .Add(t => t.Columns, 2)
            .Add(t => t.Label, "Villes")
            .Add(t => t.Header, (RenderFragment)(b => b.AddMarkupContent(0, "<th>Ville</th><th>Pays</th>")))
            .Add(t => t.Row, town => b => b.AddMarkupContent(0, $"<td>{town}</td>"))
            .Add(t => t.Empty, (RenderFragment)(b => b.AddContent(0, "Aucune ville pour l'instant."))));

        Assert.Equal("Aucune ville pour l'instant.", table.Find("tbody td[colspan='2']").TextContent);
        Assert.Empty(table.FindAll("nav.paged-table-pager"));
    }
}

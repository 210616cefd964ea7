using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.Onboarding.Import;
using Portal.Domain.Tenancy;
using Portal.Infrastructure.Onboarding;
using Portal.Tests.Support;

namespace Portal.Tests.Dashboard;

/// <summary>A company with two sites whose products and sales are written by the import's bulk writer.</summary>
internal sealed class SalesFixture
{
    private SalesFixture(TestDatabase database, Guid tenantId, Guid mainSite, Guid branch)
    {
        Database = database;
        TenantId = tenantId;
        MainSite = mainSite;
        Branch = branch;
    }

    public TestDatabase Database { get; }

    public Guid TenantId { get; }

    public Guid MainSite { get; }

    public Guid Branch { get; }

    public static async Task<SalesFixture> CreateAsync(TestDatabase database, string name = "Fixture Commerce SARL")
    {
        var tenant = new Tenant(CompanyName.Create(name), null, Sector.Retail, Country.Senegal, "tests");
        tenant.Activate();
        var main = new Site(tenant.Id, "Plateau", null, SiteType.Main);
        var branch = new Site(tenant.Id, "Pikine", null, SiteType.Branch);
        await using var db = database.NewContext();
        db.Tenants.Add(tenant);
        db.Sites.AddRange(main, branch);
        await db.SaveChangesAsync();
        return new SalesFixture(database, tenant.Id, main.Id, branch.Id);
    }

    public static ProductLine Product(string code, long price, long? cost, int stock, int? reorder, string? category = null) =>
        new(Guid.NewGuid(), 0, code, "Produit " + code, category, price, cost, stock, reorder);

    /// <summary>
    /// One batch, as one import would write it: new products, then lines (site, product index, day, quantity at the
    /// product's price); <c>stored</c> names products of an earlier batch the lines may point at.
    /// </summary>
    public async Task WriteAsync(IReadOnlyList<ProductLine> products, IEnumerable<(Guid Site, int Product, DateOnly Day, int Quantity)> lines, IReadOnlySet<Guid>? stored = null, bool commit = true, DateTime? at = null)
    {
        await using var db = Database.NewTenantContext(TenantId);
        using var writer = ImportWriter.Start(db, TenantId, MainSite, at ?? DateTime.UtcNow, _ => { }, streamOnSqlite: true);
        writer.ProductsRead(products, stored);
        foreach (var (site, product, day, quantity) in lines)
        {
            var price = products[product].UnitPrice;
            writer.SaleRead(new SaleLine(product, day, quantity, price, price * quantity), site);
        }

        writer.Complete();
        if (commit)
        {
            await writer.Transaction!.CommitAsync();
        }
    }

    public AsyncServiceScope As(string role) => Database.ActAs(Guid.NewGuid(), role, TenantId, "Test " + role);
}

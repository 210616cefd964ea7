using System.Globalization;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Dashboard;
using Portal.Domain.Identity;
using Portal.Domain.Sales;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Sales;

namespace Portal.Infrastructure.Dashboard;

/// <summary>
/// The company's sales lines: one sorted page at a time, the totals of everything a filter keeps, one product's history,
/// and the whole filtered list as a stream for exports. Counts and totals come from the daily sums whenever the filter
/// allows it (days, site, products by id, category or search); only an amount range has to read the lines themselves.
/// </summary>
public sealed class SalesService(PortalDb portalDb, CurrentUser user, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    private static readonly CompareInfo FrenchCompare = CultureInfo.GetCultureInfo("fr-FR").CompareInfo;

    /// <summary>Today in Dakar: what "this month" and "last 30 days" count from.</summary>
    public DateOnly Today => BusinessCalendar.Today(clock.GetUtcNow());

    public async Task<SalesOptions> OptionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = portalDb.ForCurrentUser(Permissions.Dashboard.Read);
        var country = (await portalDb.CurrentTenantAsync(cancellationToken)).Country;
        var tenantId = TenantOf(db);
        var categories = await db.Products.AsNoTracking().Where(p => p.TenantId == tenantId).Select(p => p.Category).Distinct().ToListAsync(cancellationToken);
        var lastSaleDay = await db.DailySiteSales.Where(d => d.TenantId == tenantId).MaxAsync(d => (DateOnly?)d.Day, cancellationToken);
        var named = categories.OfType<string>().Order(StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true)).ToList();
        if (categories.Contains(null))
        {
            named.Add(OverviewService.NoCategory);
        }

        return new SalesOptions(Currency.ForCountry(country), user.Can(Permissions.Dashboard.Costs), named, lastSaleDay);
    }

    /// <summary>One page of lines in the order <paramref name="page"/> asks for (at most <see cref="MaxPageSize"/>), and how many lines the filter keeps.</summary>
    public async Task<Page<SaleRow>> ListAsync(SalesFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = portalDb.ForCurrentUser(Permissions.Dashboard.Read);
        var products = await CheckAsync(db, filter, cancellationToken);
        var total = (int)await CountAsync(db, filter, products, cancellationToken);
        var (skip, take) = (page.SafeSkip, Math.Clamp(page.Take, 1, MaxPageSize));
        if (skip >= total)
        {
            return new Page<SaleRow>([], total);
        }

        // A database skips rows by reading them: a page nearer the end of a long list is read backwards from the end (every
        // order ends with the id, so reversed it is exactly the same list), and the last page costs what the first does.
        var end = Math.Min(skip + take, total);
        var fromEnd = skip > total - end;
        var ordered = Order(db, Lines(db, filter, products), page.SortBy, page.Descending, reversed: fromEnd);
        var rows = await Project(db, ordered.Skip(fromEnd ? total - end : skip).Take(end - skip)).ToListAsync(cancellationToken);
        if (fromEnd)
        {
            rows.Reverse();
        }

        return new Page<SaleRow>(rows, total);
    }

    /// <summary>
    /// The sums of every line the filter keeps, valued at today's cost prices (the daily sums are revalued when an import
    /// changes a cost: <c>SalesAggregates.Recost</c>); from the daily sums, or from the lines with an amount range. Zero
    /// costs for roles that may not see them.
    /// </summary>
    public async Task<SalesTotals> TotalsAsync(SalesFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = portalDb.ForCurrentUser(Permissions.Dashboard.Read);
        var products = await CheckAsync(db, filter, cancellationToken);
        var totals = await SumAsync(db, filter, products, cancellationToken);
        return user.Can(Permissions.Dashboard.Costs) ? totals : totals.WithoutCosts();
    }

    /// <summary>
    /// Every line the filter keeps, in the grid's order (<paramref name="sortBy"/> and <paramref name="descending"/> as in
    /// <see cref="PageRequest"/>), streamed from the database as it is read: for exports of any size.
    /// </summary>
    /// <param name="filter">The lines to read.</param>
    /// <param name="sortBy">A <see cref="SaleRow"/> sort field; null for the default, newest first.</param>
    /// <param name="descending">The direction of <paramref name="sortBy"/>.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    public IAsyncEnumerable<SaleRow> Rows(SalesFilter filter, string? sortBy = null, bool descending = false, CancellationToken cancellationToken = default)
    {
        // Refused at the call, not at the first row: a caller learns before it starts writing a file.
        user.Demand(Permissions.Dashboard.Read);
        return StreamAsync(filter, sortBy, descending, cancellationToken);
    }

    /// <summary>One product's units and revenue bucket by bucket over the period (at one site, or all), and its key figures.</summary>
    public async Task<ProductHistory> ProductHistoryAsync(Guid productId, Period period, Guid? siteId = null, CancellationToken cancellationToken = default)
    {
        await using var db = portalDb.ForCurrentUser(Permissions.Dashboard.Read);
        var costs = user.Can(Permissions.Dashboard.Costs);
        var product = await FindProductAsync(db, productId, costs, cancellationToken);
        await CheckAsync(db, new SalesFilter(period, siteId), cancellationToken);
        var country = (await portalDb.CurrentTenantAsync(cancellationToken)).Country;

        var tenantId = TenantOf(db);
        var sold = db.DailyProductSales.AsNoTracking().Where(d => d.TenantId == tenantId && d.ProductId == productId);
        if (siteId is not null)
        {
            sold = sold.Where(d => d.SiteId == siteId);
        }

        var days = await sold.Where(d => d.Day >= period.From && d.Day <= period.To)
            .Select(d => new { d.Day, d.Lines, d.Units, d.Revenue, d.CostedRevenue, d.Cost })
            .ToListAsync(cancellationToken);
        var lastSaleDay = await sold.MaxAsync(d => (DateOnly?)d.Day, cancellationToken);

        var bucket = period.Bucket;
        var buckets = new SortedDictionary<DateOnly, (long Revenue, long Units)>();
        foreach (var start in period.BucketStarts)
        {
            buckets[start] = (0, 0);
        }

        foreach (var d in days)
        {
            var start = Period.BucketStart(bucket, d.Day);
            var (revenue, units) = buckets[start];
            buckets[start] = (revenue + d.Revenue, units + d.Units);
        }

        var totals = days.Aggregate(SalesTotals.Zero, (t, d) => t + new SalesTotals(d.Revenue, d.Units, d.Lines, d.CostedRevenue, d.Cost));
        return new ProductHistory(
            Currency.ForCountry(country),
            product,
            period,
            bucket,
            costs,
            costs ? totals : totals.WithoutCosts(),
            buckets.Select(b => new TrendPoint(b.Key, b.Value.Revenue, b.Value.Units)).ToList(),
            lastSaleDay);
    }

    /// <summary>One product, as the grid's product filter names it; no cost price for roles that may not see costs.</summary>
    public async Task<ProductInfo> ProductAsync(Guid productId, CancellationToken cancellationToken = default)
    {
        await using var db = portalDb.ForCurrentUser(Permissions.Dashboard.Read);
        return await FindProductAsync(db, productId, user.Can(Permissions.Dashboard.Costs), cancellationToken);
    }

    private static async Task<ProductInfo> FindProductAsync(PortalDbContext db, Guid productId, bool costs, CancellationToken cancellationToken) =>
        await db.Products.AsNoTracking().Where(p => p.Id == productId)
            .Select(p => new ProductInfo(p.Id, p.Code, p.Name, p.Category, p.UnitPrice, costs ? p.CostPrice : null, p.CurrentStock, p.ReorderPoint, p.IsActive))
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Ce produit n'existe pas.");

    private async IAsyncEnumerable<SaleRow> StreamAsync(SalesFilter filter, string? sortBy, bool descending, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = portalDb.ForCurrentUser(Permissions.Dashboard.Read);
        var narrowed = await CheckAsync(db, filter, cancellationToken);

        // A million lines joined to their product and site cost SQLite two lookups each (about 2 s per million): the company's
        // catalogue and sites are read once instead (a few thousand rows), and each line carries only its own columns.
        var tenantId = TenantOf(db);
        var products = await db.Products.AsNoTracking().Where(p => p.TenantId == tenantId)
            .Select(p => new { p.Id, p.Code, p.Name, p.Category }).ToDictionaryAsync(p => p.Id, cancellationToken);
        var sites = await db.Sites.AsNoTracking().Where(x => x.TenantId == tenantId).ToDictionaryAsync(x => x.Id, x => x.Name, cancellationToken);
        var lines = Order(db, Lines(db, filter, narrowed), sortBy, descending, reversed: false)
            .Select(s => new { s.Id, s.Date, s.SiteId, s.ProductId, s.Quantity, s.UnitPrice, s.TotalAmount });
        await foreach (var s in lines.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var product = products[s.ProductId];
            yield return new SaleRow(s.Id, s.Date, s.SiteId, sites[s.SiteId], s.ProductId, product.Code, product.Name, product.Category, s.Quantity, s.UnitPrice, s.TotalAmount);
        }
    }

    // The tenant's query filter hides another company's site or product; naming one is an error, never an empty list.
    // Returns the products a category or a search keeps (null when neither narrows them), read once for the whole call.
    private static async Task<List<Guid>?> CheckAsync(PortalDbContext db, SalesFilter filter, CancellationToken cancellationToken)
    {
        if (filter.MinAmount is { } min && filter.MaxAmount is { } max && min > max)
        {
            throw new DomainException("Le montant minimum doit être inférieur ou égal au montant maximum.");
        }

        if (filter.Search?.Trim().Length > SalesFilter.SearchMaxLength)
        {
            throw new DomainException($"Recherchez un produit en {SalesFilter.SearchMaxLength} caractères au plus.");
        }

        if (filter.SiteId is { } siteId && !await db.Sites.AnyAsync(s => s.Id == siteId, cancellationToken))
        {
            throw new NotFoundException("Ce site n'existe pas.");
        }

        if (filter.ProductId is { } productId && !await db.Products.AnyAsync(p => p.Id == productId, cancellationToken))
        {
            throw new NotFoundException("Ce produit n'existe pas.");
        }

        return await ProductsAsync(db, filter, cancellationToken);
    }

    // The query filter reads "every tenant, or this one" (@all OR "TenantId" = @tenant), which no index serves: on SQLite
    // it scanned every company's lines (0.1-0.5 s a query with 1.5 million). The same tenant, said plainly, lets the
    // (TenantId, Date) and (TenantId, ProductId) indexes answer; the filter still stands behind it.
    private static Guid TenantOf(PortalDbContext db) => db.Scope.TenantId ?? throw new ForbiddenException("Ces données sont réservées aux utilisateurs d'une entreprise cliente.");

    private static async Task<long> CountAsync(PortalDbContext db, SalesFilter filter, List<Guid>? products, CancellationToken cancellationToken) =>
        filter.ReadsDailySums
            ? (await SumAsync(db, filter, products, cancellationToken)).Lines
            : await Lines(db, filter, products).LongCountAsync(cancellationToken);

    // The smallest source that can answer: a site's days (two years of a site are 730 rows), else the products' days,
    // else the lines themselves.
    private static async Task<SalesTotals> SumAsync(PortalDbContext db, SalesFilter filter, List<Guid>? products, CancellationToken cancellationToken)
    {
        if (filter.ReadsDailySums && filter.ProductId is null && filter.Category is null && string.IsNullOrWhiteSpace(filter.Search))
        {
            var (tenantId, from, to) = (TenantOf(db), filter.Period.From, filter.Period.To);
            var siteDays = db.DailySiteSales.AsNoTracking().Where(d => d.TenantId == tenantId && d.Day >= from && d.Day <= to);
            if (filter.SiteId is { } siteId)
            {
                siteDays = siteDays.Where(d => d.SiteId == siteId);
            }

            return await siteDays.TotalsAsync(cancellationToken);
        }

        if (filter.ReadsDailySums)
        {
            return await Days(db, filter, products).TotalsAsync(cancellationToken);
        }

        return await (from s in Lines(db, filter, products)
                      join p in db.Products on s.ProductId equals p.Id
                      select new { s.TotalAmount, s.Quantity, p.CostPrice })
            .GroupBy(_ => 1)
            .Select(g => new SalesTotals(
                g.Sum(x => x.TotalAmount),
                g.Sum(x => (long)x.Quantity),
                g.LongCount(),
                g.Sum(x => x.CostPrice == null ? 0 : x.TotalAmount),
                g.Sum(x => x.CostPrice == null ? 0 : x.CostPrice.Value * x.Quantity)))
            .FirstOrDefaultAsync(cancellationToken) ?? SalesTotals.Zero;
    }

    private static IQueryable<Sale> Lines(PortalDbContext db, SalesFilter filter, List<Guid>? products)
    {
        var (tenantId, from, to) = (TenantOf(db), filter.Period.From, filter.Period.To);
        var lines = db.Sales.AsNoTracking().Where(s => s.TenantId == tenantId && s.Date >= from && s.Date <= to);
        if (filter.SiteId is { } siteId)
        {
            lines = lines.Where(s => s.SiteId == siteId);
        }

        if (filter.ProductId is { } productId)
        {
            lines = lines.Where(s => s.ProductId == productId);
        }

        if (products is not null)
        {
            lines = lines.Where(s => EF.Parameter(products).Contains(s.ProductId)); // one array parameter, however many products
        }

        if (filter.MinAmount is { } min)
        {
            lines = lines.Where(s => s.TotalAmount >= min);
        }

        if (filter.MaxAmount is { } max)
        {
            lines = lines.Where(s => s.TotalAmount <= max);
        }

        return lines;
    }

    private static IQueryable<DailyProductSales> Days(PortalDbContext db, SalesFilter filter, List<Guid>? products)
    {
        var (tenantId, from, to) = (TenantOf(db), filter.Period.From, filter.Period.To);
        var days = db.DailyProductSales.AsNoTracking().Where(d => d.TenantId == tenantId && d.Day >= from && d.Day <= to);
        if (filter.SiteId is { } siteId)
        {
            days = days.Where(d => d.SiteId == siteId);
        }

        if (filter.ProductId is { } productId)
        {
            days = days.Where(d => d.ProductId == productId);
        }

        if (products is not null)
        {
            days = days.Where(d => EF.Parameter(products).Contains(d.ProductId));
        }

        return days;
    }

    // The ids of the products a category or a search keeps; null when neither narrows the products. The search runs
    // here rather than in SQL: SQLite's lower() knows ASCII only ("écran" would miss "Écran"), and a manager typing
    // "cafe" means "Café" too. A company's catalogue is a few thousand rows.
    private static async Task<List<Guid>?> ProductsAsync(PortalDbContext db, SalesFilter filter, CancellationToken cancellationToken)
    {
        var search = filter.Search?.Trim();
        if (filter.Category is null && string.IsNullOrEmpty(search))
        {
            return null;
        }

        var tenantId = TenantOf(db);
        var products = db.Products.AsNoTracking().Where(p => p.TenantId == tenantId);
        if (filter.Category == OverviewService.NoCategory)
        {
            products = products.Where(p => p.Category == null);
        }
        else if (filter.Category is { } category)
        {
            products = products.Where(p => p.Category == category);
        }

        if (string.IsNullOrEmpty(search))
        {
            return await products.Select(p => p.Id).ToListAsync(cancellationToken);
        }

        var named = await products.Select(p => new { p.Id, p.Code, p.Name }).ToListAsync(cancellationToken);
        return [.. named.Where(p => Matches(p.Code, search) || Matches(p.Name, search)).Select(p => p.Id)];
    }

    private static bool Matches(string text, string search) =>
        FrenchCompare.IndexOf(text, search, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0;

    // Ties are broken newest first, then by id, so the order is total: a page read from the end is exactly the same page.
    private static IOrderedQueryable<Sale> Order(PortalDbContext db, IQueryable<Sale> lines, string? sortBy, bool descending, bool reversed)
    {
        if (sortBy is not (nameof(SaleRow.Date) or nameof(SaleRow.ProductName) or nameof(SaleRow.SiteName) or nameof(SaleRow.Quantity) or nameof(SaleRow.TotalAmount)))
        {
            (sortBy, descending) = (nameof(SaleRow.Date), true);
        }

        var down = descending != reversed;
        var newestFirst = !reversed;
        var ordered = sortBy switch
        {
            nameof(SaleRow.ProductName) => By(lines, s => db.Products.Where(p => p.Id == s.ProductId).Select(p => p.Name).FirstOrDefault(), down),
            nameof(SaleRow.SiteName) => By(lines, s => db.Sites.Where(x => x.Id == s.SiteId).Select(x => x.Name).FirstOrDefault(), down),
            nameof(SaleRow.Quantity) => By(lines, s => s.Quantity, down),
            nameof(SaleRow.TotalAmount) => By(lines, s => s.TotalAmount, down),
            _ => null,
        };
        return ordered is null
            ? ThenBy(By(lines, s => s.Date, down), s => s.Id, down)
            : ThenBy(ThenBy(ordered, s => s.Date, newestFirst), s => s.Id, newestFirst);
    }

    private static IOrderedQueryable<Sale> By<TKey>(IQueryable<Sale> lines, Expression<Func<Sale, TKey>> key, bool descending) =>
        descending ? lines.OrderByDescending(key) : lines.OrderBy(key);

    private static IOrderedQueryable<Sale> ThenBy<TKey>(IOrderedQueryable<Sale> lines, Expression<Func<Sale, TKey>> key, bool descending) =>
        descending ? lines.ThenByDescending(key) : lines.ThenBy(key);

    private static IQueryable<SaleRow> Project(PortalDbContext db, IQueryable<Sale> lines) =>
        from s in lines
        join p in db.Products on s.ProductId equals p.Id
        join site in db.Sites on s.SiteId equals site.Id
        select new SaleRow(s.Id, s.Date, s.SiteId, site.Name, s.ProductId, p.Code, p.Name, p.Category, s.Quantity, s.UnitPrice, s.TotalAmount);
}

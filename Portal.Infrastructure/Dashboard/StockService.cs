using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Dashboard;
using Portal.Domain.Identity;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;

namespace Portal.Infrastructure.Dashboard;

public sealed record StockFilter(StockStatus? Status = null, string? Category = null, string? Search = null);

/// <summary>One product's stock line; pace, cover and status come from the latest insights (null until computed).</summary>
public sealed record StockRow(
    Guid ProductId, string Code, string Name, string? Category, int Stock, int? ReorderPoint,
    double? Average30, double? Average90, double? DaysOfCover, StockStatus? Status, DateOnly? LastSale, long? StockValue);

/// <summary>Forecast line of one product: expected units, stock-out date and what to order.</summary>
public sealed record ForecastRow(
    Guid ProductId, string Code, string Name, string? Category, int Stock, ForecastMethod Method, double? Next7, double? Next30,
    double? Wape, DateOnly? StockOutDate, int? SuggestedReorder, string? Advice);

/// <summary>The company's outlook and settings; <c>Currency</c> formats the revenue.</summary>
public sealed record ForecastSummary(
    Currency Currency, DateOnly? AsOf, int LeadTimeDays, int SafetyDays, ForecastMethod RevenueMethod, double? RevenueExpected, double? RevenueLow,
    double? RevenueHigh, double? RevenueWape, int ProductsForecast, int ProductsWithoutHistory, int ProductsToReorder);

/// <summary>
/// The stock and forecast pages: products joined to their latest insights, filtered, sorted and paged in the database.
/// Everyone reads; stock value needs <see cref="Permissions.Dashboard.Costs"/>; the forecast settings need
/// <see cref="Permissions.Dashboard.Manage"/>.
/// </summary>
public sealed class StockService(PortalDb portalDb, CurrentUser user, InsightsScheduler scheduler, Auditing.AuditTrail audit)
{
    public async Task<Page<StockRow>> ListAsync(StockFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = portalDb.ForCurrentUser(Permissions.Dashboard.Read);
        var rows = StockRows(db, filter);
        var total = await rows.CountAsync(cancellationToken);
        var items = await Project(Sort(rows, page.SortBy, page.Descending), user.Can(Permissions.Dashboard.Costs))
            .Skip(page.SafeSkip).Take(page.SafeTake).ToListAsync(cancellationToken);
        return new Page<StockRow>(items, total);
    }

    /// <summary>Every row of the filtered list in the page's default order, streamed (exports).</summary>
    public async IAsyncEnumerable<StockRow> RowsAsync(StockFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = portalDb.ForCurrentUser(Permissions.Dashboard.Read);
        await foreach (var row in Project(Sort(StockRows(db, filter), null, false), user.Can(Permissions.Dashboard.Costs)).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    /// <summary>Every forecast row, soonest stock-out first, streamed (exports).</summary>
    public async IAsyncEnumerable<ForecastRow> ForecastRowsAsync(string? search, bool toReorder, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = portalDb.ForCurrentUser(Permissions.Dashboard.Read);
        await foreach (var row in ProjectForecasts(SortForecasts(ForecastRows(db, null, search, toReorder), null, false)).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    /// <summary>How many active products have each status (for the filter chips).</summary>
    public async Task<IReadOnlyDictionary<StockStatus, int>> CountsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = portalDb.ForCurrentUser(Permissions.Dashboard.Read);
        var tenantId = user.TenantId!.Value;
        return await db.ProductInsights.AsNoTracking().Where(i => i.TenantId == tenantId).Join(db.Products.Where(p => p.IsActive), i => i.ProductId, p => p.Id, (i, _) => i.Status)
            .GroupBy(s => s).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> CategoriesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = portalDb.ForCurrentUser(Permissions.Dashboard.Read);
        return await db.Products.AsNoTracking().Where(p => p.IsActive && p.Category != null).Select(p => p.Category!).Distinct().OrderBy(c => c).ToListAsync(cancellationToken);
    }

    /// <summary>Products with a forecast, the soonest stock-out first; <c>toReorder</c> keeps those with a suggested order.</summary>
    public async Task<Page<ForecastRow>> ForecastsAsync(string? category, string? search, bool toReorder, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = portalDb.ForCurrentUser(Permissions.Dashboard.Read);
        var rows = ForecastRows(db, category, search, toReorder);
        var total = await rows.CountAsync(cancellationToken);
        var items = await ProjectForecasts(SortForecasts(rows, page.SortBy, page.Descending)).Skip(page.SafeSkip).Take(page.SafeTake).ToListAsync(cancellationToken);
        return new Page<ForecastRow>(items, total);
    }

    public async Task<ForecastSummary> SummaryAsync(CancellationToken cancellationToken = default)
    {
        await using var db = portalDb.ForCurrentUser(Permissions.Dashboard.Read);
        var currency = Currency.ForCountry((await portalDb.CurrentTenantAsync(cancellationToken)).Country);
        var company = await db.CompanyForecasts.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new CompanyForecast(user.TenantId!.Value);
        var active = db.ProductInsights.AsNoTracking().Where(i => i.TenantId == company.TenantId).Join(db.Products.Where(p => p.IsActive), i => i.ProductId, p => p.Id, (i, _) => i);
        var withoutHistory = await active.CountAsync(i => i.Method == ForecastMethod.NotEnoughHistory, cancellationToken);
        var toReorder = await active.CountAsync(i => i.SuggestedReorder > 0, cancellationToken);
        return new ForecastSummary(
            currency, company.AsOf, company.LeadTimeDays, company.SafetyDays, company.RevenueMethod, company.RevenueExpected, company.RevenueLow,
            company.RevenueHigh, company.RevenueWape, company.ProductsForecast, withoutHistory, toReorder);
    }

    /// <summary>Changes the lead time and safety stock the suggestions cover, then recomputes the forecasts.</summary>
    public async Task ChangeSettingsAsync(int leadTimeDays, int safetyDays, CancellationToken cancellationToken = default)
    {
        await using var db = portalDb.ForCurrentUser(Permissions.Dashboard.Manage);
        var tenantId = user.TenantId!.Value;
        var company = await db.CompanyForecasts.SingleOrDefaultAsync(cancellationToken);
        if (company is null)
        {
            company = new CompanyForecast(tenantId);
            db.CompanyForecasts.Add(company);
        }

        company.ChangeSettings(leadTimeDays, safetyDays);
        db.AuditEntries.Add(audit.Entry(Domain.Auditing.AuditActions.ChangeForecastSettings, "company_forecast", tenantId, new { leadTimeDays, safetyDays }));
        await db.SaveChangesAsync(cancellationToken);
        await scheduler.QueueAsync(tenantId, cancellationToken);
    }

    private IQueryable<ProductAndInsight> StockRows(PortalDbContext db, StockFilter filter) =>
        Filter(db, filter.Category, filter.Search).Where(x => filter.Status == null || (x.Insight != null && x.Insight.Status == filter.Status));

    // Most urgent first by default: out of stock, then the fewest days of cover.
    private static IOrderedQueryable<ProductAndInsight> Sort(IQueryable<ProductAndInsight> rows, string? sortBy, bool descending) => (sortBy, descending) switch
    {
        ("name", var d) => d ? rows.OrderByDescending(x => x.Product.Name) : rows.OrderBy(x => x.Product.Name),
        ("stock", var d) => d ? rows.OrderByDescending(x => x.Product.CurrentStock) : rows.OrderBy(x => x.Product.CurrentStock),
        ("cover", var d) => d ? rows.OrderByDescending(x => x.Insight!.DaysOfCover) : rows.OrderBy(x => x.Insight!.DaysOfCover),
        ("pace", var d) => d ? rows.OrderByDescending(x => x.Insight!.Average30) : rows.OrderBy(x => x.Insight!.Average30),
        _ => rows.OrderBy(x => x.Product.CurrentStock > 0).ThenBy(x => x.Insight!.DaysOfCover),
    };

    private static IQueryable<StockRow> Project(IOrderedQueryable<ProductAndInsight> rows, bool costs) =>
        rows.ThenBy(x => x.Product.Code).Select(x => new StockRow(
            x.Product.Id, x.Product.Code, x.Product.Name, x.Product.Category, x.Product.CurrentStock, x.Product.ReorderPoint,
            x.Insight!.Average30, x.Insight.Average90, x.Insight.DaysOfCover, x.Insight.Status, x.Insight.LastSale,
            costs && x.Product.CostPrice != null ? x.Product.CostPrice * x.Product.CurrentStock : null));

    private IQueryable<ProductAndInsight> ForecastRows(PortalDbContext db, string? category, string? search, bool toReorder) =>
        Filter(db, category, search).Where(x => x.Insight != null && (!toReorder || x.Insight.SuggestedReorder > 0));

    // Soonest stock-out first by default; products that do not run out, then those without numbers, last.
    private static IOrderedQueryable<ProductAndInsight> SortForecasts(IQueryable<ProductAndInsight> rows, string? sortBy, bool descending) => (sortBy, descending) switch
    {
        ("name", var d) => d ? rows.OrderByDescending(x => x.Product.Name) : rows.OrderBy(x => x.Product.Name),
        ("next30", var d) => d ? rows.OrderByDescending(x => x.Insight!.Next30) : rows.OrderBy(x => x.Insight!.Next30),
        ("order", var d) => d ? rows.OrderByDescending(x => x.Insight!.SuggestedReorder) : rows.OrderBy(x => x.Insight!.SuggestedReorder),
        _ => rows.OrderBy(x => x.Insight!.StockOutDate == null).ThenBy(x => x.Insight!.StockOutDate).ThenBy(x => x.Insight!.Next30 == null).ThenByDescending(x => x.Insight!.Next30),
    };

    private static IQueryable<ForecastRow> ProjectForecasts(IOrderedQueryable<ProductAndInsight> rows) =>
        rows.ThenBy(x => x.Product.Code).Select(x => new ForecastRow(
            x.Product.Id, x.Product.Code, x.Product.Name, x.Product.Category, x.Product.CurrentStock, x.Insight!.Method, x.Insight.Next7,
            x.Insight.Next30, x.Insight.Wape, x.Insight.StockOutDate, x.Insight.SuggestedReorder, x.Insight.Advice));

    // The tenant is named again beside the query filter so SQLite can use the indexes (see OverviewService).
    private IQueryable<ProductAndInsight> Filter(PortalDbContext db, string? category, string? search)
    {
        var tenantId = user.TenantId!.Value;
        var products = db.Products.AsNoTracking().Where(p => p.TenantId == tenantId && p.IsActive);
        if (!string.IsNullOrWhiteSpace(category))
        {
            products = products.Where(p => p.Category == category);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = "%" + search.Trim().ToLowerInvariant().Replace("%", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal) + "%";
            products = products.Where(p => EF.Functions.Like(p.Name.ToLower(), pattern) || EF.Functions.Like(p.Code.ToLower(), pattern));
        }

        return from p in products
               join i in db.ProductInsights.AsNoTracking().Where(i => i.TenantId == tenantId) on p.Id equals i.ProductId into found
               from i in found.DefaultIfEmpty()
               select new ProductAndInsight { Product = p, Insight = i };
    }

    private sealed class ProductAndInsight
    {
        public required Domain.Sales.Product Product { get; init; }

        public Domain.Dashboard.ProductInsight? Insight { get; init; }
    }
}

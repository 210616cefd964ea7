using Microsoft.EntityFrameworkCore;
using Portal.Domain.Dashboard;
using Portal.Domain.Sales;

namespace Portal.Infrastructure.Sales;

internal static class DailySumsQueries
{
    /// <summary>The totals of the days a query keeps, read as one row; zero when it keeps none.</summary>
    public static async Task<SalesTotals> TotalsAsync<T>(this IQueryable<T> days, CancellationToken cancellationToken)
        where T : class, IDailySums =>
        await days.GroupBy(_ => 1)
            .Select(g => new SalesTotals(g.Sum(d => d.Revenue), g.Sum(d => d.Units), g.Sum(d => (long)d.Lines), g.Sum(d => d.CostedRevenue), g.Sum(d => d.Cost)))
            .FirstOrDefaultAsync(cancellationToken) ?? SalesTotals.Zero;
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Portal.Infrastructure.Sales;

/// <summary>
/// Keeps <see cref="Domain.Sales.DailyProductSales"/> and <see cref="Domain.Sales.DailySiteSales"/> equal to the raw
/// lines: after a batch of sales is written, its lines are summed and added to both tables with an upsert, in the
/// batch's own transaction, so the sums commit or roll back with the lines. The same SQL runs on SQLite and PostgreSQL.
/// A batch is the lines of one tenant stamped with the writer's <c>CreatedAt</c> above the highest id seen before it.
/// </summary>
internal static class SalesAggregates
{
    private const string Sums =
        """
        COUNT(*), CAST(SUM(s."Quantity") AS bigint), CAST(SUM(s."TotalAmount") AS bigint),
        CAST(SUM(CASE WHEN p."CostPrice" IS NULL THEN 0 ELSE s."TotalAmount" END) AS bigint),
        CAST(SUM(CASE WHEN p."CostPrice" IS NULL THEN 0 ELSE p."CostPrice" * s."Quantity" END) AS bigint)
        """;

    private const string Batch =
        """
        FROM "Sales" s JOIN "Products" p ON p."Id" = s."ProductId"
        WHERE s."TenantId" = @tenant AND s."Id" > @after AND s."CreatedAt" = @stamp
        """;

    private const string Increments =
        """
        "Lines" = {0}."Lines" + excluded."Lines", "Units" = {0}."Units" + excluded."Units",
        "Revenue" = {0}."Revenue" + excluded."Revenue", "CostedRevenue" = {0}."CostedRevenue" + excluded."CostedRevenue",
        "Cost" = {0}."Cost" + excluded."Cost"
        """;

    private static readonly string ByProduct =
        $"""
        INSERT INTO "DailyProductSales" ("TenantId", "SiteId", "ProductId", "Day", "Lines", "Units", "Revenue", "CostedRevenue", "Cost")
        SELECT s."TenantId", s."SiteId", s."ProductId", s."Date", {Sums}
        {Batch}
        GROUP BY s."TenantId", s."SiteId", s."ProductId", s."Date"
        ON CONFLICT ("TenantId", "SiteId", "ProductId", "Day") DO UPDATE SET {string.Format(null, Increments, "\"DailyProductSales\"")}
        """;

    private static readonly string BySite =
        $"""
        INSERT INTO "DailySiteSales" ("TenantId", "SiteId", "Day", "Lines", "Units", "Revenue", "CostedRevenue", "Cost")
        SELECT s."TenantId", s."SiteId", s."Date", {Sums}
        {Batch}
        GROUP BY s."TenantId", s."SiteId", s."Date"
        ON CONFLICT ("TenantId", "SiteId", "Day") DO UPDATE SET {string.Format(null, Increments, "\"DailySiteSales\"")}
        """;

    /// <summary>The highest sales line id now: lines written after this call have a higher one.</summary>
    public static long HighestSaleId(DatabaseFacade database, IDbContextTransaction transaction)
    {
        using var command = Command(database, transaction, "SELECT COALESCE(MAX(\"Id\"), 0) FROM \"Sales\"");
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Adds the batch's sums to both tables; <paramref name="stamp"/> is its <c>CreatedAt</c> in the provider's stored form.</summary>
    public static void AddBatch(DatabaseFacade database, IDbContextTransaction transaction, object tenant, long after, object stamp)
    {
        foreach (var sql in new[] { ByProduct, BySite })
        {
            using var command = Command(database, transaction, sql);
            Add(command, "@tenant", tenant);
            Add(command, "@after", after);
            Add(command, "@stamp", stamp);
            command.ExecuteNonQuery();
        }
    }

    private static DbCommand Command(DatabaseFacade database, IDbContextTransaction transaction, string sql)
    {
        var command = database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

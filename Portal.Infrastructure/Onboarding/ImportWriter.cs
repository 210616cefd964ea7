using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Portal.Domain.Onboarding.Import;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Onboarding;

/// <summary>
/// Bulk writes of a workbook inside one transaction, in the exact form EF reads the values back (checked by
/// the round-trip tests). EF change tracking would be 50 times slower here.
/// <list type="bullet">
/// <item>PostgreSQL: the products are copied as soon as their sheet is valid, then every valid sale is
/// streamed into a binary <c>COPY</c> while the file is still being read, so the server inserts while we
/// parse. Any error aborts the COPY and rolls everything back.</item>
/// <item>SQLite (in-process, one writer): once the whole file is valid, one prepared <c>INSERT</c> reused
/// per row.</item>
/// </list>
/// </summary>
internal sealed class ImportWriter : IDisposable
{
    public const int ProgressEvery = 20_000;

    private const string SalesCopy =
        "COPY \"Sales\" (\"TenantId\", \"SiteId\", \"ProductId\", \"Date\", \"Quantity\", \"UnitPrice\", \"TotalAmount\", \"CreatedAt\") FROM STDIN (FORMAT BINARY)";

    private readonly PortalDbContext db;
    private readonly Guid tenantId;
    private readonly Guid siteId;
    private readonly DateTime now;
    private readonly Action<long> onRows;
    private IDbContextTransaction? transaction;
    private NpgsqlBinaryImporter? sales;
    private IReadOnlyList<ProductLine?> products = [];
    private long streamed;

    private ImportWriter(PortalDbContext db, Guid tenantId, Guid siteId, DateTime now, Action<long> onRows)
    {
        this.db = db;
        this.tenantId = tenantId;
        this.siteId = siteId;
        this.now = now;
        this.onRows = onRows;
        Streams = db.Database.IsNpgsql();
    }

    /// <summary>True when sales are written while the file is read (PostgreSQL).</summary>
    public bool Streams { get; }

    /// <summary>The open transaction, once writing has begun; the caller adds its own changes to it and commits.</summary>
    public IDbContextTransaction? Transaction => transaction;

    /// <summary>Bulk SQL bypasses the change tracker, so the ownership guard is asked here: the context must be scoped to this tenant.</summary>
    public static ImportWriter Start(PortalDbContext db, Guid tenantId, Guid siteId, DateTime now, Action<long> onRows) =>
        db.Scope.TenantId == tenantId || db.Scope.AllTenants
            ? new(db, tenantId, siteId, now, onRows)
            : throw new Portal.Domain.Common.ForbiddenException(OwnershipGuard.OtherTenantMessage);

    /// <summary>The products sheet is read and valid: PostgreSQL copies it now and opens the sales stream.</summary>
    public void ProductsRead(IReadOnlyList<ProductLine?> valid)
    {
        products = valid;
        if (!Streams)
        {
            return;
        }

        transaction = db.Database.BeginTransaction();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        CopyProducts(connection, valid);
        sales = connection.BeginBinaryImport(SalesCopy);
    }

    /// <summary>One more valid sale (PostgreSQL streams it at once).</summary>
    public void SaleRead(in SaleLine sale)
    {
        if (sales is null)
        {
            return;
        }

        WriteSale(sales, sale);
        Report(++streamed);
    }

    /// <summary>The whole file is valid: finish the stream (PostgreSQL) or write everything (SQLite).</summary>
    public void Complete(ImportAnalysis analysis)
    {
        if (Streams)
        {
            if (sales is null)
            {
                throw new InvalidOperationException("On PostgreSQL the analysis must stream through this writer (ImportEngine.Analyze(..., writer)).");
            }

            sales.Complete();
            sales.Dispose();
            sales = null;
            onRows(products.Count + streamed);
            return;
        }

        products = analysis.Validator.Products;
        transaction = db.Database.BeginTransaction();
        WriteSqlite((SqliteConnection)db.Database.GetDbConnection(), (SqliteTransaction)transaction.GetDbTransaction(), analysis);
    }

    /// <summary>Drops what was sent (an unfinished COPY is cancelled) and rolls the transaction back.</summary>
    public void Dispose()
    {
        try
        {
            sales?.Dispose();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // Cancelling a COPY reports the cancellation itself as an error: expected here.
        }

        sales = null;
        transaction?.Dispose();
        transaction = null;
    }

    private void CopyProducts(NpgsqlConnection connection, IReadOnlyList<ProductLine?> valid)
    {
        using var importer = connection.BeginBinaryImport(
            "COPY \"Products\" (\"Id\", \"TenantId\", \"SiteId\", \"Code\", \"Name\", \"Category\", \"UnitPrice\", \"CostPrice\", \"CurrentStock\", \"ReorderPoint\", \"IsActive\", \"CreatedAt\", \"UpdatedAt\") FROM STDIN (FORMAT BINARY)");
        foreach (var p in valid)
        {
            var product = p!;
            importer.StartRow();
            importer.Write(product.Id, NpgsqlDbType.Uuid);
            importer.Write(tenantId, NpgsqlDbType.Uuid);
            importer.Write(siteId, NpgsqlDbType.Uuid);
            importer.Write(product.Code, NpgsqlDbType.Varchar);
            importer.Write(product.Name, NpgsqlDbType.Varchar);
            WriteNullable(importer, product.Category, NpgsqlDbType.Varchar);
            importer.Write(product.UnitPrice, NpgsqlDbType.Bigint);
            WriteNullable(importer, product.CostPrice, NpgsqlDbType.Bigint);
            importer.Write(product.Stock, NpgsqlDbType.Integer);
            WriteNullable(importer, product.ReorderPoint, NpgsqlDbType.Integer);
            importer.Write(true, NpgsqlDbType.Boolean);
            importer.Write(now, NpgsqlDbType.TimestampTz);
            importer.Write(now, NpgsqlDbType.TimestampTz);
        }

        importer.Complete();
    }

    private void WriteSale(NpgsqlBinaryImporter importer, in SaleLine sale)
    {
        importer.StartRow();
        importer.Write(tenantId, NpgsqlDbType.Uuid);
        importer.Write(siteId, NpgsqlDbType.Uuid);
        importer.Write(products[sale.ProductIndex]!.Id, NpgsqlDbType.Uuid);
        importer.Write(sale.Date, NpgsqlDbType.Date);
        importer.Write(sale.Quantity, NpgsqlDbType.Integer);
        importer.Write(sale.UnitPrice, NpgsqlDbType.Bigint);
        importer.Write(sale.TotalAmount, NpgsqlDbType.Bigint);
        importer.Write(now, NpgsqlDbType.TimestampTz);
    }

    private void WriteSqlite(SqliteConnection connection, SqliteTransaction transaction, ImportAnalysis analysis)
    {
        long done = 0;
        var tenant = SqliteGuid(tenantId);
        var site = SqliteGuid(siteId);
        var stamp = now.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture);
        var productIds = new string[products.Count];

        using (var insert = Prepare(connection, transaction,
            "INSERT INTO \"Products\" (\"Id\", \"TenantId\", \"SiteId\", \"Code\", \"Name\", \"Category\", \"UnitPrice\", \"CostPrice\", \"CurrentStock\", \"ReorderPoint\", \"IsActive\", \"CreatedAt\", \"UpdatedAt\") VALUES ($id, $tenant, $site, $code, $name, $category, $price, $cost, $stock, $reorder, 1, $now, $now)",
            "$id", "$tenant", "$site", "$code", "$name", "$category", "$price", "$cost", "$stock", "$reorder", "$now"))
        {
            var p = insert.Parameters;
            p["$tenant"].Value = tenant;
            p["$site"].Value = site;
            p["$now"].Value = stamp;
            for (var i = 0; i < products.Count; i++)
            {
                var product = products[i]!;
                productIds[i] = SqliteGuid(product.Id);
                p["$id"].Value = productIds[i];
                p["$code"].Value = product.Code;
                p["$name"].Value = product.Name;
                p["$category"].Value = (object?)product.Category ?? DBNull.Value;
                p["$price"].Value = product.UnitPrice;
                p["$cost"].Value = (object?)product.CostPrice ?? DBNull.Value;
                p["$stock"].Value = product.Stock;
                p["$reorder"].Value = (object?)product.ReorderPoint ?? DBNull.Value;
                insert.ExecuteNonQuery();
                Report(++done);
            }
        }

        using (var insert = Prepare(connection, transaction,
            "INSERT INTO \"Sales\" (\"TenantId\", \"SiteId\", \"ProductId\", \"Date\", \"Quantity\", \"UnitPrice\", \"TotalAmount\", \"CreatedAt\") VALUES ($tenant, $site, $product, $date, $quantity, $price, $total, $now)",
            "$tenant", "$site", "$product", "$date", "$quantity", "$price", "$total", "$now"))
        {
            var p = insert.Parameters;
            p["$tenant"].Value = tenant;
            p["$site"].Value = site;
            p["$now"].Value = stamp;
            var product = p["$product"];
            var date = p["$date"];
            var quantity = p["$quantity"];
            var price = p["$price"];
            var total = p["$total"];
            foreach (var sale in analysis.Validator.Sales)
            {
                product.Value = productIds[sale.ProductIndex];
                date.Value = sale.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                quantity.Value = sale.Quantity;
                price.Value = sale.UnitPrice;
                total.Value = sale.TotalAmount;
                insert.ExecuteNonQuery();
                Report(++done);
            }
        }

        onRows(done);
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    // EF Core stores Guids on SQLite as upper-case text.
    private static string SqliteGuid(Guid id) => id.ToString().ToUpperInvariant();

    private static void WriteNullable<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(value, type);
        }
    }

    private static void WriteNullable<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } v)
        {
            importer.Write(v, type);
        }
        else
        {
            importer.WriteNull();
        }
    }

    private void Report(long done)
    {
        if (done % ProgressEvery == 0)
        {
            onRows(done);
        }
    }
}

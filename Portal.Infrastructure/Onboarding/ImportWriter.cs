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
/// Bulk writes of an analysed workbook inside the caller's open transaction: binary COPY on PostgreSQL,
/// one prepared INSERT reused for every row on SQLite. EF change tracking would be 50 times slower here.
/// Values are written in the exact form EF reads them back (checked by the round-trip tests).
/// </summary>
internal static class ImportWriter
{
    public const int ProgressEvery = 20_000;

    public static void Write(PortalDbContext db, Guid tenantId, Guid siteId, ImportAnalysis analysis, DateTime now, Action<long> onRows)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The import must be written inside a transaction.");
        if (db.Database.IsNpgsql())
        {
            WritePostgres((NpgsqlConnection)db.Database.GetDbConnection(), tenantId, siteId, analysis, now, onRows);
        }
        else
        {
            WriteSqlite((SqliteConnection)db.Database.GetDbConnection(), (SqliteTransaction)transaction, tenantId, siteId, analysis, now, onRows);
        }
    }

    private static void WritePostgres(NpgsqlConnection connection, Guid tenantId, Guid siteId, ImportAnalysis analysis, DateTime now, Action<long> onRows)
    {
        long done = 0;
        var products = analysis.Validator.Products;
        using (var importer = connection.BeginBinaryImport(
            "COPY \"Products\" (\"Id\", \"TenantId\", \"SiteId\", \"Code\", \"Name\", \"Category\", \"UnitPrice\", \"CostPrice\", \"CurrentStock\", \"ReorderPoint\", \"IsActive\", \"CreatedAt\", \"UpdatedAt\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var p in products)
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
                Report(++done, onRows);
            }

            importer.Complete();
        }

        using (var importer = connection.BeginBinaryImport(
            "COPY \"Sales\" (\"TenantId\", \"SiteId\", \"ProductId\", \"Date\", \"Quantity\", \"UnitPrice\", \"TotalAmount\", \"CreatedAt\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var sale in analysis.Validator.Sales)
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
                Report(++done, onRows);
            }

            importer.Complete();
        }

        onRows(done);
    }

    private static void WriteSqlite(SqliteConnection connection, SqliteTransaction transaction, Guid tenantId, Guid siteId, ImportAnalysis analysis, DateTime now, Action<long> onRows)
    {
        long done = 0;
        var tenant = SqliteGuid(tenantId);
        var site = SqliteGuid(siteId);
        var stamp = now.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture);
        var products = analysis.Validator.Products;
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
                Report(++done, onRows);
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
                Report(++done, onRows);
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

    private static void Report(long done, Action<long> onRows)
    {
        if (done % ProgressEvery == 0)
        {
            onRows(done);
        }
    }
}

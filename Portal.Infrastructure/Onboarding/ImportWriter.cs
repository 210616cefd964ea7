using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Portal.Domain.Onboarding.Import;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Sales;

namespace Portal.Infrastructure.Onboarding;

/// <summary>
/// Bulk writes of products and sales inside one transaction, in the exact form EF reads the values back (checked by
/// the round-trip tests), with the daily sums kept equal to the lines (<see cref="SalesAggregates"/>) in the same
/// transaction. EF change tracking would be 50 times slower here.
/// <list type="bullet">
/// <item>PostgreSQL: the products are copied as soon as their sheet is valid, then every valid sale is
/// streamed into a binary <c>COPY</c> while the file is still being read, so the server inserts while we
/// parse. Any error aborts the COPY and rolls everything back.</item>
/// <item>SQLite (in-process, one writer): once the whole file is valid, one prepared <c>INSERT</c> reused
/// per row. Rows known valid in advance (the demo data) may stream on SQLite too.</item>
/// </list>
/// An append import also updates stored products before any sale is written (PostgreSQL: one <c>UPDATE ... FROM
/// unnest(arrays)</c>; SQLite: one prepared <c>UPDATE</c> per product), so the batch's sums use the new costs, and
/// values the past sums of products whose cost changed again (<see cref="SalesAggregates.Recost"/>).
/// </summary>
internal sealed class ImportWriter : IDisposable
{
    public const int ProgressEvery = 20_000;

    private const string SalesCopy =
        "COPY \"Sales\" (\"TenantId\", \"SiteId\", \"ProductId\", \"Date\", \"Quantity\", \"UnitPrice\", \"TotalAmount\", \"CreatedAt\") FROM STDIN (FORMAT BINARY)";

    private const string SalesInsert =
        "INSERT INTO \"Sales\" (\"TenantId\", \"SiteId\", \"ProductId\", \"Date\", \"Quantity\", \"UnitPrice\", \"TotalAmount\", \"CreatedAt\") VALUES ($tenant, $site, $product, $date, $quantity, $price, $total, $now)";

    private readonly PortalDbContext db;
    private readonly Guid tenantId;
    private readonly Guid siteId;
    private readonly DateTime now;
    private readonly string sqliteStamp;
    private readonly Action<long> onRows;
    private IDbContextTransaction? transaction;
    private NpgsqlBinaryImporter? copy;
    private SqliteCommand? insert;
    private IReadOnlyList<ProductLine?> products = [];
    private string[] sqliteProductIds = [];
    private long highestBefore;
    private long written;
    private string? sqliteSite;
    private IReadOnlySet<Guid>? stored;
    private IReadOnlyList<ProductLine> updates = [];
    private IReadOnlySet<Guid> costChanged = new HashSet<Guid>();

    private ImportWriter(PortalDbContext db, Guid tenantId, Guid siteId, DateTime now, Action<long> onRows, bool streamOnSqlite)
    {
        this.db = db;
        this.tenantId = tenantId;
        this.siteId = siteId;
        // PostgreSQL keeps microseconds: the batch's stamp must read back equal to what was written.
        this.now = new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
        sqliteStamp = this.now.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture);
        this.onRows = onRows;
        IsNpgsql = db.Database.IsNpgsql();
        Streams = IsNpgsql || streamOnSqlite;
    }

    /// <summary>True when sales are written while the file is read (always on PostgreSQL).</summary>
    public bool Streams { get; }

    /// <summary>The open transaction, once writing has begun; the caller adds its own changes to it and commits.</summary>
    public IDbContextTransaction? Transaction => transaction;

    private bool IsNpgsql { get; }

    /// <summary>
    /// Bulk SQL bypasses the change tracker, so the ownership guard is asked here: the context must be scoped to this tenant.
    /// <c>streamOnSqlite</c> writes on SQLite as rows arrive too: only for rows known valid before they are written.
    /// </summary>
    public static ImportWriter Start(PortalDbContext db, Guid tenantId, Guid siteId, DateTime now, Action<long> onRows, bool streamOnSqlite = false) =>
        db.Scope.TenantId == tenantId || db.Scope.AllTenants
            ? new(db, tenantId, siteId, now, onRows, streamOnSqlite)
            : throw new Portal.Domain.Common.ForbiddenException(OwnershipGuard.OtherTenantMessage);

    /// <summary>The products sheet is read and valid: a streaming writer writes them now and opens the sales stream.</summary>
    /// <param name="valid">Every product the sales may point at, by index.</param>
    /// <param name="stored">Ids among them that are already in the database: referenced, not inserted.</param>
    /// <param name="updates">Stored products to update with these values before the sales are written.</param>
    /// <param name="costChanged">Updated products whose cost price changed: their past daily sums are costed again.</param>
    public void ProductsRead(IReadOnlyList<ProductLine?> valid, IReadOnlySet<Guid>? stored = null, IReadOnlyList<ProductLine>? updates = null, IReadOnlySet<Guid>? costChanged = null)
    {
        products = valid;
        this.stored = stored;
        this.updates = updates ?? [];
        this.costChanged = costChanged ?? new HashSet<Guid>();
        if (Streams)
        {
            Open();
        }
    }

    /// <summary>One more valid sale, at the writer's site unless another is given (written at once when streaming).</summary>
    public void SaleRead(in SaleLine sale, Guid? site = null)
    {
        if (copy is null && insert is null)
        {
            return;
        }

        Write(sale, site ?? siteId);
    }

    /// <summary>Every row is valid: write what waited (SQLite), close the sales stream and add the daily sums.</summary>
    /// <param name="analysis">The file's rows, for a writer that did not stream; null when every row went through <see cref="SaleRead"/>.</param>
    public void Complete(ImportAnalysis? analysis = null)
    {
        if (!Streams)
        {
            var validator = analysis?.Validator ?? throw new InvalidOperationException("A writer that does not stream needs the analysis to write.");
            (products, stored, updates, costChanged) = (validator.Products, validator.StoredIds, validator.Updates, validator.CostChanged);
            Open();
            foreach (var sale in analysis.Validator.Sales)
            {
                Write(sale, siteId);
            }
        }
        else if (copy is null && insert is null)
        {
            throw new InvalidOperationException("A streaming writer must receive the products first (ImportEngine.Analyze(..., writer)).");
        }

        copy?.Complete();
        copy?.Dispose();
        copy = null;
        insert?.Dispose();
        insert = null;
        SalesAggregates.AddBatch(db.Database, transaction!, IsNpgsql ? tenantId : SqliteGuid(tenantId), highestBefore, IsNpgsql ? now : sqliteStamp);
        SalesAggregates.Recost(db.Database, transaction!, IsNpgsql ? tenantId : SqliteGuid(tenantId), costChanged.ToList());
        onRows(written);
    }

    /// <summary>Drops what was sent (an unfinished COPY is cancelled) and rolls the transaction back.</summary>
    public void Dispose()
    {
        try
        {
            copy?.Dispose();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // Cancelling a COPY reports the cancellation itself as an error: expected here.
        }

        copy = null;
        insert?.Dispose();
        insert = null;
        transaction?.Dispose();
        transaction = null;
    }

    private void Open()
    {
        transaction = db.Database.BeginTransaction();
        highestBefore = SalesAggregates.HighestSaleId(db.Database, transaction);
        if (IsNpgsql)
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            CopyProducts(connection, products);
            UpdateProducts(connection);
            written = products.Count(p => stored?.Contains(p!.Id) != true) + updates.Count;
            copy = connection.BeginBinaryImport(SalesCopy);
        }
        else
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            var sqliteTransaction = (SqliteTransaction)transaction.GetDbTransaction();
            InsertProducts(connection, sqliteTransaction);
            UpdateProducts(connection, sqliteTransaction);
            insert = Prepare(connection, sqliteTransaction, SalesInsert, "$tenant", "$site", "$product", "$date", "$quantity", "$price", "$total", "$now");
            insert.Parameters["$tenant"].Value = SqliteGuid(tenantId);
            insert.Parameters["$now"].Value = sqliteStamp;
        }
    }

    private void Write(in SaleLine sale, Guid site)
    {
        if (copy is not null)
        {
            copy.StartRow();
            copy.Write(tenantId, NpgsqlDbType.Uuid);
            copy.Write(site, NpgsqlDbType.Uuid);
            copy.Write(products[sale.ProductIndex]!.Id, NpgsqlDbType.Uuid);
            copy.Write(sale.Date, NpgsqlDbType.Date);
            copy.Write(sale.Quantity, NpgsqlDbType.Integer);
            copy.Write(sale.UnitPrice, NpgsqlDbType.Bigint);
            copy.Write(sale.TotalAmount, NpgsqlDbType.Bigint);
            copy.Write(now, NpgsqlDbType.TimestampTz);
        }
        else
        {
            var p = insert!.Parameters;
            p[1].Value = site == siteId ? sqliteSite ??= SqliteGuid(siteId) : SqliteGuid(site);
            // A stored product first named by a sale after the writer opened (streaming) has no cached id yet.
            p[2].Value = sale.ProductIndex < sqliteProductIds.Length ? sqliteProductIds[sale.ProductIndex] : SqliteGuid(products[sale.ProductIndex]!.Id);
            p[3].Value = sale.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            p[4].Value = sale.Quantity;
            p[5].Value = sale.UnitPrice;
            p[6].Value = sale.TotalAmount;
            insert.ExecuteNonQuery();
        }

        Report(++written);
    }

    private void CopyProducts(NpgsqlConnection connection, IReadOnlyList<ProductLine?> valid)
    {
        using var importer = connection.BeginBinaryImport(
            "COPY \"Products\" (\"Id\", \"TenantId\", \"SiteId\", \"Code\", \"Name\", \"Category\", \"UnitPrice\", \"CostPrice\", \"CurrentStock\", \"ReorderPoint\", \"IsActive\", \"CreatedAt\", \"UpdatedAt\") FROM STDIN (FORMAT BINARY)");
        foreach (var product in valid.Where(p => stored?.Contains(p!.Id) != true).Select(p => p!))
        {
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

    private void InsertProducts(SqliteConnection connection, SqliteTransaction sqliteTransaction)
    {
        sqliteProductIds = new string[products.Count];
        using var command = Prepare(connection, sqliteTransaction,
            "INSERT INTO \"Products\" (\"Id\", \"TenantId\", \"SiteId\", \"Code\", \"Name\", \"Category\", \"UnitPrice\", \"CostPrice\", \"CurrentStock\", \"ReorderPoint\", \"IsActive\", \"CreatedAt\", \"UpdatedAt\") VALUES ($id, $tenant, $site, $code, $name, $category, $price, $cost, $stock, $reorder, 1, $now, $now)",
            "$id", "$tenant", "$site", "$code", "$name", "$category", "$price", "$cost", "$stock", "$reorder", "$now");
        var p = command.Parameters;
        p["$tenant"].Value = SqliteGuid(tenantId);
        p["$site"].Value = SqliteGuid(siteId);
        p["$now"].Value = sqliteStamp;
        for (var i = 0; i < products.Count; i++)
        {
            var product = products[i]!;
            sqliteProductIds[i] = SqliteGuid(product.Id);
            if (stored?.Contains(product.Id) == true)
            {
                continue;
            }

            p["$id"].Value = sqliteProductIds[i];
            p["$code"].Value = product.Code;
            p["$name"].Value = product.Name;
            p["$category"].Value = (object?)product.Category ?? DBNull.Value;
            p["$price"].Value = product.UnitPrice;
            p["$cost"].Value = (object?)product.CostPrice ?? DBNull.Value;
            p["$stock"].Value = product.Stock;
            p["$reorder"].Value = (object?)product.ReorderPoint ?? DBNull.Value;
            command.ExecuteNonQuery();
            Report(++written);
        }
    }

    private void UpdateProducts(NpgsqlConnection connection)
    {
        if (updates.Count == 0)
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText =
            """
            UPDATE "Products" AS p
            SET "Name" = u.name, "Category" = u.category, "UnitPrice" = u.price, "CostPrice" = u.cost, "CurrentStock" = u.stock, "ReorderPoint" = u.reorder, "UpdatedAt" = @now
            FROM unnest(@ids, @names, @categories, @prices, @costs, @stocks, @reorders) AS u(id, name, category, price, cost, stock, reorder)
            WHERE p."Id" = u.id AND p."TenantId" = @tenant
            """;
        command.Parameters.AddWithValue("ids", updates.Select(u => u.Id).ToArray());
        command.Parameters.AddWithValue("names", updates.Select(u => u.Name).ToArray());
        command.Parameters.Add(new NpgsqlParameter("categories", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = updates.Select(u => u.Category).ToArray() });
        command.Parameters.AddWithValue("prices", updates.Select(u => u.UnitPrice).ToArray());
        command.Parameters.AddWithValue("costs", updates.Select(u => u.CostPrice).ToArray());
        command.Parameters.AddWithValue("stocks", updates.Select(u => u.Stock).ToArray());
        command.Parameters.AddWithValue("reorders", updates.Select(u => u.ReorderPoint).ToArray());
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("tenant", tenantId);
        command.ExecuteNonQuery();
    }

    private void UpdateProducts(SqliteConnection connection, SqliteTransaction sqliteTransaction)
    {
        if (updates.Count == 0)
        {
            return;
        }

        using var command = Prepare(connection, sqliteTransaction,
            "UPDATE \"Products\" SET \"Name\" = $name, \"Category\" = $category, \"UnitPrice\" = $price, \"CostPrice\" = $cost, \"CurrentStock\" = $stock, \"ReorderPoint\" = $reorder, \"UpdatedAt\" = $now WHERE \"Id\" = $id AND \"TenantId\" = $tenant",
            "$id", "$tenant", "$name", "$category", "$price", "$cost", "$stock", "$reorder", "$now");
        var p = command.Parameters;
        p["$tenant"].Value = SqliteGuid(tenantId);
        p["$now"].Value = sqliteStamp;
        foreach (var product in updates)
        {
            p["$id"].Value = SqliteGuid(product.Id);
            p["$name"].Value = product.Name;
            p["$category"].Value = (object?)product.Category ?? DBNull.Value;
            p["$price"].Value = product.UnitPrice;
            p["$cost"].Value = (object?)product.CostPrice ?? DBNull.Value;
            p["$stock"].Value = product.Stock;
            p["$reorder"].Value = (object?)product.ReorderPoint ?? DBNull.Value;
            command.ExecuteNonQuery();
            Report(++written);
        }
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

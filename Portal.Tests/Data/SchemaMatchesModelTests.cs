using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Support;

namespace Portal.Tests.Data;

/// <summary>Each provider's generated migrations build exactly the schema its EF model describes, defaults and checks included; no model change goes without a migration.</summary>
public class SchemaMatchesModelTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Migrations_create_the_same_schema_as_the_model(string provider)
    {
        await using var migrated = await TestDatabase.CreateAsync(provider, migrate: true);
        await using var created = await TestDatabase.CreateAsync(provider, migrate: false);
        await using (var db = created.NewContext())
        {
            await db.Database.EnsureCreatedAsync();
        }

        var fromMigrations = await DescribeAsync(migrated);
        var fromModel = await DescribeAsync(created);

        Assert.Contains(fromModel, line => line.StartsWith("column Sites.TenantId", StringComparison.Ordinal));
        Assert.Equal(string.Join('\n', fromModel), string.Join('\n', fromMigrations));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_model_has_no_change_that_no_migration_covers(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        await using var db = database.NewContext();
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {provider} model changed without a migration: run the two 'dotnet ef migrations add' commands of the README.");
    }

    [Fact]
    public async Task Migrations_can_run_twice_without_changes()
    {
        await using var database = await TestDatabase.CreateAsync(Providers.Sqlite);
        await using var db = database.NewContext();
        await db.Database.MigrateAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    private static async Task<List<string>> DescribeAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var lines = database.Provider == Providers.Postgres ? await DescribePostgresAsync(connection) : await DescribeSqliteAsync(connection);
        return lines.Where(l => !l.Contains("__EFMigrations", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<List<string>> DescribeSqliteAsync(DbConnection connection)
    {
        var lines = new List<string>();
        var tables = await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", r => r.GetString(0));
        foreach (var table in tables)
        {
            lines.Add($"table {table}");
            lines.AddRange(await QueryAsync(connection, $"PRAGMA table_info('{table}')",
                r => $"column {table}.{r.GetString(1)} {r.GetString(2)} notnull={r.GetInt64(3)} pk={r.GetInt64(5)} default={(r.IsDBNull(4) ? "none" : r.GetString(4))}"));
            lines.AddRange(await QueryAsync(connection, $"PRAGMA foreign_key_list('{table}')",
                r => $"fk {table}.{r.GetString(3)} -> {r.GetString(2)}.{r.GetString(4)} on delete {r.GetString(6)}"));
            var indexes = await QueryAsync(connection, $"PRAGMA index_list('{table}')", r => (Name: r.GetString(1), Unique: r.GetInt64(2), Origin: r.GetString(3)));
            foreach (var index in indexes)
            {
                var columns = await QueryAsync(connection, $"PRAGMA index_info('{index.Name}')", r => r.GetString(2));
                var name = index.Origin == "pk" ? "(primary key)" : index.Name;
                lines.Add($"index {table}.{name} unique={index.Unique} ({string.Join(", ", columns)})");
            }
        }

        var sql = await QueryAsync(connection, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", r => r.GetString(0));
        lines.AddRange(sql.Where(s => s.Contains("AUTOINCREMENT", StringComparison.Ordinal)).Select(s => "autoincrement " + s.Split('"')[1]));
        lines.AddRange(sql.SelectMany(s => s.Split('\n')).Where(l => l.Contains("CHECK", StringComparison.Ordinal)).Select(l => "check " + l.Trim()));
        return lines;
    }

    private static async Task<List<string>> DescribePostgresAsync(DbConnection connection)
    {
        var lines = new List<string>();
        lines.AddRange(await QueryAsync(connection,
            """
            SELECT table_name, column_name, data_type, COALESCE(character_maximum_length, 0), is_nullable, is_identity, COALESCE(identity_generation, ''), COALESCE(column_default, 'none')
            FROM information_schema.columns WHERE table_schema = 'public'
            """,
            r => $"column {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)}({r.GetInt32(3)}) nullable={r.GetString(4)} identity={r.GetString(5)} {r.GetString(6)} default={r.GetString(7)}"));
        lines.AddRange(await QueryAsync(connection,
            "SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public'",
            r => $"index {r.GetString(0)} {r.GetString(1)}"));
        lines.AddRange(await QueryAsync(connection,
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace",
            r => $"constraint {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)}"));
        return lines;
    }

    private static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}

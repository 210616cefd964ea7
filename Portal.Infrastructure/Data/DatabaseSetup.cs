using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Portal.Infrastructure.Data;

/// <summary>Configures a context for SQLite or PostgreSQL.</summary>
public static class DatabaseSetup
{
    public static void Configure(DbContextOptionsBuilder options, DatabaseOptions database)
    {
        if (database.IsPostgres)
        {
            if (string.IsNullOrWhiteSpace(database.PostgresConnectionString))
            {
                throw new InvalidOperationException(
                    "Database:Provider is Postgres but ConnectionStrings:Portal is empty. Set it, e.g. Host=localhost;Database=portal;Username=portal;Password=...");
            }

            options.UseNpgsql(database.PostgresConnectionString);
        }
        else
        {
            options.UseSqlite(SqliteConnectionString(database.SqlitePath));
        }
    }

    public static string SqliteConnectionString(string path)
    {
        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        return new SqliteConnectionStringBuilder { DataSource = fullPath, Pooling = true, DefaultTimeout = 30 }.ToString();
    }
}

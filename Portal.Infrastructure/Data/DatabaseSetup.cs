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
        var folder = Path.GetDirectoryName(fullPath)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else if (!Directory.Exists(folder))
        {
            // The data folder holds the database, the uploads and the generated key certificate: the service account only.
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return new SqliteConnectionStringBuilder { DataSource = fullPath, Pooling = true, DefaultTimeout = 30 }.ToString();
    }
}

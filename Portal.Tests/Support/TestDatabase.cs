using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Portal.Infrastructure;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;

namespace Portal.Tests.Support;

/// <summary>The providers every persistence test runs on.</summary>
public static class Providers
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static TheoryData<string> All
    {
        get
        {
            var data = new TheoryData<string> { Sqlite };
            if (TestEnvironment.RunPostgres)
            {
                data.Add(Postgres);
            }

            return data;
        }
    }
}

/// <summary>An empty database of its own (a temp SQLite file or a fresh PostgreSQL database) with the app's real services.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? sqlitePath;
    private readonly string? postgresName;

    private TestDatabase(string provider, string? sqlitePath, string? postgresName, string? connectionString)
    {
        Provider = provider;
        this.sqlitePath = sqlitePath;
        this.postgresName = postgresName;
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider == Providers.Postgres ? "Postgres" : "Sqlite",
            ["Database:SqlitePath"] = sqlitePath,
            ["ConnectionStrings:Portal"] = connectionString,
            ["Portal:Storage:Path"] = Path.Combine(Path.GetTempPath(), "portal-tests", "files", Guid.NewGuid().ToString("N")),
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPortalInfrastructure(configuration);
        Services = services.BuildServiceProvider();
    }

    public string Provider { get; }

    public ServiceProvider Services { get; }

    public static async Task<TestDatabase> CreateAsync(string provider, bool migrate = true)
    {
        TestDatabase database;
        if (provider == Providers.Postgres)
        {
            var admin = TestEnvironment.PostgresConnectionString
                ?? throw new InvalidOperationException($"CI=true but {TestEnvironment.PostgresVariable} is not set: .ci/run must start PostgreSQL and export it.");
            var name = "portal_test_" + Guid.NewGuid().ToString("N")[..12];
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await create.ExecuteNonQueryAsync();
            }

            var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ToString();
            database = new TestDatabase(provider, null, name, connectionString);
        }
        else
        {
            var path = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N") + ".db");
            database = new TestDatabase(provider, path, null, null);
        }

        if (migrate)
        {
            await using var db = database.NewContext();
            await db.Database.MigrateAsync();
        }

        return database;
    }

    /// <summary>A raw context that sees every tenant: for arranging and asserting, never for the code under test.</summary>
    public PortalDbContext NewContext(bool crossTenant = true)
    {
        var db = Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
        if (crossTenant)
        {
            db.AllowCrossTenant();
        }

        return db;
    }

    /// <summary>A DI scope whose current user is the given one, as the web layer would set it.</summary>
    public AsyncServiceScope ActAs(Guid userId, string role, Guid? tenantId, string name = "Test User", string ip = "10.0.0.7", string userAgent = "tests")
    {
        var scope = Services.CreateAsyncScope();
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, userId.ToString()),
            new(ClaimTypes.Role, role),
            new(PortalClaims.DisplayName, name),
        };
        if (tenantId is { } t)
        {
            claims.Add(new Claim(PortalClaims.TenantId, t.ToString()));
        }

        var current = scope.ServiceProvider.GetRequiredService<CurrentUser>();
        current.Set(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")));
        current.SetClient(ip, userAgent);
        return scope;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (sqlitePath is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(sqlitePath);
        }

        if (postgresName is not null)
        {
            await using var connection = new NpgsqlConnection(TestEnvironment.PostgresConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}

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
    private readonly IConfiguration configuration;
    private readonly Action<IServiceCollection>? replace;

    private TestDatabase(string provider, string? sqlitePath, string? postgresName, string? connectionString, Action<IServiceCollection>? replace = null)
    {
        Provider = provider;
        this.replace = replace;
        this.sqlitePath = sqlitePath;
        this.postgresName = postgresName;
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider == Providers.Postgres ? "Postgres" : "Sqlite",
            ["Database:SqlitePath"] = sqlitePath,
            ["ConnectionStrings:Portal"] = connectionString,
            ["Portal:Storage:Path"] = Path.Combine(Path.GetTempPath(), "portal-tests", "files", Guid.NewGuid().ToString("N")),
        };
        configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        Services = NewServer();
    }

    /// <summary>Another server's services on the same database and file store (e.g. the one that starts after a crash).</summary>
    public ServiceProvider NewServer()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPortalInfrastructure(configuration);
        // As the web layer does: SignInManager signs in and out through the Identity cookie scheme.
        Microsoft.AspNetCore.Identity.IdentityCookieAuthenticationBuilderExtensions.AddIdentityCookies(services.AddAuthentication(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme));
        // The hash's cost is not what these tests check: one iteration instead of 100,000 saves seconds per account.
        services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1);
        replace?.Invoke(services);
        return services.BuildServiceProvider();
    }

    public string Provider { get; }

    public ServiceProvider Services { get; }

    /// <param name="provider">One of <see cref="Providers"/>.</param>
    /// <param name="migrate">False for an empty database.</param>
    /// <param name="services">Registrations added after the app's own on every server (a fake clock, a fake channel).</param>
    public static async Task<TestDatabase> CreateAsync(string provider, bool migrate = true, Action<IServiceCollection>? services = null)
    {
        if (provider == Providers.Postgres)
        {
            var admin = TestEnvironment.PostgresConnectionString
                ?? throw new InvalidOperationException($"CI=true but {TestEnvironment.PostgresVariable} is not set: .ci/run must start PostgreSQL and export it.");
            var template = migrate ? await PostgresTemplate.Value : null;
            var name = DatabasePrefix + Guid.NewGuid().ToString("N")[..12];
            await ExecuteAsync(admin, template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
            return new TestDatabase(provider, null, name, ConnectionTo(admin, name), services);
        }

        var path = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N") + ".db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (migrate)
        {
            File.Copy(await SqliteTemplate.Value, path);
        }

        return new TestDatabase(provider, path, null, null, services);
    }

    // Migrating costs a second or more per database; each provider migrates one template per test run and every test
    // database starts as a copy of it (a file copy on SQLite, CREATE DATABASE ... TEMPLATE on PostgreSQL).
    private const string DatabasePrefix = "portal_test_";

    private static readonly Lazy<Task<string>> SqliteTemplate = new(async () =>
    {
        var path = Path.Combine(Path.GetTempPath(), "portal-tests", "template-" + Guid.NewGuid().ToString("N") + ".db");
        var template = new TestDatabase(Providers.Sqlite, path, null, null);
        await using (var db = template.NewContext())
        {
            await db.Database.MigrateAsync();
        }

        await template.Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return path;
    });

    private static readonly Lazy<Task<string>> PostgresTemplate = new(async () =>
    {
        var admin = TestEnvironment.PostgresConnectionString!;
        await SweepLeftoversAsync(admin);
        var name = DatabasePrefix + "template_" + Guid.NewGuid().ToString("N")[..8];
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
        var template = new TestDatabase(Providers.Postgres, null, null, ConnectionTo(admin, name));
        await using (var db = template.NewContext())
        {
            await db.Database.MigrateAsync();
        }

        await template.Services.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        return name;
    });

    private static string ConnectionTo(string admin, string database) =>
        new NpgsqlConnectionStringBuilder(admin) { Database = database, Pooling = false }.ToString();

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    // Databases a stopped or failed run left behind (a drop refused by the server never fails a test): dropped at the next run.
    private static async Task SweepLeftoversAsync(string admin)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        var names = new List<string>();
        await using (var list = new NpgsqlCommand($"SELECT datname FROM pg_database WHERE datname LIKE '{DatabasePrefix}%'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        foreach (var name in names)
        {
            await TryDropAsync(admin, name);
        }
    }

    // DROP ... WITH (FORCE) ends other sessions, but PostgreSQL refuses (42501) when one belongs to another role, such as
    // an autovacuum worker: retry a few times, then leave the database for the next run's sweep.
    private static async Task TryDropAsync(string admin, string name)
    {
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            try
            {
                await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException) when (attempt < 5)
            {
                await Task.Delay(200 * attempt);
            }
            catch (PostgresException)
            {
                return;
            }
        }
    }

    /// <summary>A raw context that sees every tenant: for arranging and asserting, never for the code under test.</summary>
    public PortalDbContext NewContext() => Factory.Create(new DataScope(null, null, Platform: true, AllTenants: true, "tests"));

    /// <summary>A context scoped as a tenant user's would be.</summary>
    public PortalDbContext NewTenantContext(Guid tenantId) => Factory.Create(new DataScope(null, tenantId, Platform: false, AllTenants: false, "tests"));

    private PortalDbContextFactory Factory => Services.GetRequiredService<PortalDbContextFactory>();

    /// <summary>A DI scope whose current user is the given one, as the web layer would set it.</summary>
    /// <summary>A user known by an e-mail, a phone number or both (null tenant: platform staff); returns its id.</summary>
    public async Task<Guid> AddUserAsync(Guid? tenantId, string role, string? email = null, string? phone = null, string firstName = "Awa", string lastName = "Diop", DateTime? createdAt = null)
    {
        var id = Guid.NewGuid();
        var userName = email ?? phone ?? id.ToString("N");
        await using var db = NewContext();
        db.Users.Add(new PortalUser
        {
            Id = id,
            TenantId = tenantId,
            FirstName = firstName,
            LastName = lastName,
            Role = role,
            UserName = userName,
            NormalizedUserName = userName.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email?.ToUpperInvariant(),
            PhoneNumber = phone,
            SecurityStamp = Guid.NewGuid().ToString(),
            CreatedAt = createdAt ?? DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        return id;
    }

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
            await TryDropAsync(TestEnvironment.PostgresConnectionString!, postgresName);
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Infrastructure.Bootstrap;

namespace Portal.Infrastructure.Data;

/// <summary>
/// Applies the migrations, then the first-run accounts, before the web server starts listening
/// (hosted services start before the server in ASP.NET Core).
/// </summary>
internal sealed class DatabaseInitializer(IServiceProvider services, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await using (var db = scope.ServiceProvider.GetRequiredService<PortalDb>().ForSystem("migrations"))
        {
            logger.LogInformation("Applying migrations on {Provider}", db.Database.ProviderName);
            await db.Database.MigrateAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                // Readers (the progress page) must not wait for an import's long write transaction.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                if (!OperatingSystem.IsWindows() && db.Database.GetDbConnection().DataSource is { Length: > 0 } file && File.Exists(file))
                {
                    File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
            }
        }

        // Shown on the console once the server listens (StartupBanner): these passwords are stored hashed only.
        services.GetRequiredService<StartupBanner>().Record(await scope.ServiceProvider.GetRequiredService<BootstrapSeeder>().SeedAsync(cancellationToken));
        await using (var db = scope.ServiceProvider.GetRequiredService<PortalDb>().ForSystem("statistics"))
        {
            await SqliteStatistics.RefreshAsync(db.Database, logger, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

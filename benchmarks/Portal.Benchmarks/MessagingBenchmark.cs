using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Portal.Domain.Common;
using Portal.Domain.Tenancy;
using Portal.Infrastructure;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Events;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Messaging;
using Portal.Infrastructure.Notifications;
using Quartz;

namespace Portal.Benchmarks;

/// <summary>
/// Messaging benchmark: queues N messages through the outbox (in-app plus e-mail or WhatsApp for 1,000 people, 1,000
/// messages a commit), delivers them to the local sink with the delivery job's code, then measures the time from a
/// commit to the live bell event (the Quartz job started by the commit delivers it), on this node and, on PostgreSQL,
/// on a second node through LISTEN/NOTIFY.
/// </summary>
internal static class MessagingBenchmark
{
    private const int People = 1_000;
    private const int RecipientsPerRequest = 10;
    private const int RequestsPerCommit = 50;
    private const int BellSamples = 20;

    public static async Task RunAsync(int count, IReadOnlyList<string> providers, string? postgres, string work)
    {
        Console.WriteLine($"Portal messaging benchmark · {Environment.ProcessorCount} CPU · .NET {Environment.Version} · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine($"{"db",-9} {"messages",9} {"queue s",8} {"queued/s",9} {"deliver s",10} {"sent/s",8} {"bell ms p50",12} {"p95",6} {"other node p50",15} {"p95",6}");
        foreach (var provider in providers)
        {
            if (provider == "postgres" && string.IsNullOrWhiteSpace(postgres))
            {
                Console.WriteLine($"{provider,-9} skipped: set PORTAL_BENCH_POSTGRES (or PORTAL_TEST_POSTGRES) to an admin connection string");
                continue;
            }

            await using var database = await BenchDatabase.CreateAsync(provider, postgres, work);
            await MeasureAsync(database, provider, count);
        }
    }

    private static async Task MeasureAsync(BenchDatabase database, string provider, int count)
    {
        // Noon in Dakar, whatever the hour of the run: WhatsApp messages are not held back by the quiet hours.
        var clock = new NoonClock();
        await using var node = database.Node(clock);
        var tenant = new Tenant(CompanyName.Create("Messagerie SARL"), null, Sector.Retail, Country.Senegal, "bench");
        var people = Enumerable.Range(0, People).Select(i => Person(tenant.Id, i)).ToList();
        await using (var setup = node.Services.GetRequiredService<PortalDb>().ForSystem("benchmark setup"))
        {
            await setup.Database.MigrateAsync();
            setup.Tenants.Add(tenant);
            setup.Users.AddRange(people);
            await setup.SaveChangesAsync();
        }

        // Queue: each request reaches 10 people on 2 channels (in-app, and e-mail or WhatsApp).
        var requests = count / (RecipientsPerRequest * 2);
        var queue = Stopwatch.StartNew();
        for (var first = 0; first < requests; first += RequestsPerCommit)
        {
            await using var scope = node.Services.CreateAsyncScope();
            var outbox = scope.ServiceProvider.GetRequiredService<MessageOutbox>();
            await using var db = scope.ServiceProvider.GetRequiredService<PortalDb>().ForJob(tenant.Id, "benchmark");
            for (var r = first; r < Math.Min(requests, first + RequestsPerCommit); r++)
            {
                await outbox.QueueAsync(db, Request(tenant, people, r));
            }

            await db.SaveChangesAsync();
        }

        queue.Stop();
        var queued = requests * RecipientsPerRequest * 2;

        var deliver = Stopwatch.StartNew();
        await using (var scope = node.Services.CreateAsyncScope())
        {
            var sent = await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().RunAsync();
            if (sent != queued)
            {
                throw new InvalidOperationException($"Queued {queued} messages, delivered {sent}");
            }
        }

        deliver.Stop();
        Console.Write(string.Create(CultureInfo.InvariantCulture,
            $"{provider,-9} {queued,9:N0} {queue.Elapsed.TotalSeconds,8:0.0} {queued / queue.Elapsed.TotalSeconds,9:N0} {deliver.Elapsed.TotalSeconds,10:0.0} {queued / deliver.Elapsed.TotalSeconds,8:N0} "));
        if (provider == "postgres")
        {
            // What autovacuum does after such a burst: without fresh statistics the planner scans the whole table.
            await using var db = node.Services.GetRequiredService<PortalDb>().ForSystem("benchmark analyze");
            await db.Database.ExecuteSqlRawAsync("ANALYZE \"OutboxMessages\"");
        }

        // Commit to bell: Quartz runs the delivery job when the commit wakes it, as in the app.
        await node.StartAsync();
        await using var other = provider == "postgres" ? database.Node(clock) : null;
        if (other is not null)
        {
            await other.StartAsync();
        }

        var here = new List<double>();
        var there = new List<double>();
        for (var sample = 0; sample < BellSamples; sample++)
        {
            var person = people[sample * 2];
            var rung = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
            var rungThere = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
            var since = new Stopwatch();
            using var following = node.Services.GetRequiredService<EventBus>().Subscribe<object>(NotificationService.Key(person.Id), _ => rung.TrySetResult(since.Elapsed));
            using var followingThere = other?.Services.GetRequiredService<EventBus>().Subscribe<object>(NotificationService.Key(person.Id), _ => rungThere.TrySetResult(since.Elapsed));
            await using (var scope = node.Services.CreateAsyncScope())
            {
                await using var db = scope.ServiceProvider.GetRequiredService<PortalDb>().ForJob(tenant.Id, "benchmark");
                await scope.ServiceProvider.GetRequiredService<MessageOutbox>().QueueAsync(db, Request(tenant, [person], requests + sample) with { Channels = [] });
                await db.SaveChangesAsync();
                since.Start();
            }

            here.Add((await rung.Task.WaitAsync(TimeSpan.FromSeconds(30))).TotalMilliseconds);
            if (other is not null)
            {
                there.Add((await rungThere.Task.WaitAsync(TimeSpan.FromSeconds(30))).TotalMilliseconds);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Percentile(here, 0.5),12:0} {Percentile(here, 0.95),6:0} {(there.Count == 0 ? "-" : Percentile(there, 0.5).ToString("0", CultureInfo.InvariantCulture)),15} {(there.Count == 0 ? "-" : Percentile(there, 0.95).ToString("0", CultureInfo.InvariantCulture)),6}"));
    }

    private static MessageRequest Request(Tenant tenant, IReadOnlyList<PortalUser> people, int number) =>
        new(MessageKinds.ImportFailed, Enumerable.Range(0, Math.Min(RecipientsPerRequest, people.Count)).Select(i => people[(number * RecipientsPerRequest + i) % people.Count].Id).ToList(), $"bench:{number}")
        {
            TenantId = tenant.Id,
            Model = new Dictionary<string, object?> { ["tenant"] = new { name = "Messagerie SARL" }, ["import"] = new { file = $"ventes-{number}.xlsx", reason = "12 erreurs." } },
            Link = "/app",
        };

    // Half the people have an e-mail address, the other half only a phone (WhatsApp by default).
    private static PortalUser Person(Guid tenantId, int i) => new()
    {
        Id = Guid.NewGuid(),
        TenantId = tenantId,
        FirstName = "Personne",
        LastName = i.ToString(CultureInfo.InvariantCulture),
        Role = Domain.Identity.Roles.Member,
        UserName = i % 2 == 0 ? $"p{i}@bench.sn" : $"+22177{i:0000000}",
        NormalizedUserName = i % 2 == 0 ? $"P{i}@BENCH.SN" : $"+22177{i:0000000}",
        Email = i % 2 == 0 ? $"p{i}@bench.sn" : null,
        NormalizedEmail = i % 2 == 0 ? $"P{i}@BENCH.SN" : null,
        PhoneNumber = i % 2 == 0 ? null : $"+22177{i:0000000}",
        SecurityStamp = Guid.NewGuid().ToString("N"),
        CreatedAt = DateTime.UtcNow,
    };

    private static double Percentile(List<double> values, double share)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(share * sorted.Count) - 1)];
    }

    private sealed class NoonClock : TimeProvider
    {
        private readonly DateTimeOffset noon = new(DateTime.UtcNow.Date.AddHours(12), TimeSpan.Zero);
        private readonly Stopwatch elapsed = Stopwatch.StartNew();

        public override DateTimeOffset GetUtcNow() => noon + elapsed.Elapsed;
    }
}

/// <summary>A fresh database for one benchmark run (a temp SQLite file or a new PostgreSQL database), dropped afterwards.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? postgresAdmin;
    private readonly string name;
    private readonly IConfiguration configuration;

    private BenchDatabase(string provider, string? postgresAdmin, string name, string sqlitePath, string? connection)
    {
        Provider = provider;
        this.postgresAdmin = postgresAdmin;
        this.name = name;
        SqlitePath = sqlitePath;
        configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider == "postgres" ? "Postgres" : "Sqlite",
            ["Database:SqlitePath"] = sqlitePath,
            ["ConnectionStrings:Portal"] = connection,
        }).Build();
    }

    public string Provider { get; }

    public string SqlitePath { get; }

    public static async Task<BenchDatabase> CreateAsync(string provider, string? postgresAdmin, string work)
    {
        var name = "portal_bench_" + Guid.NewGuid().ToString("N")[..10];
        string? connection = null;
        if (provider == "postgres")
        {
            await using var admin = new NpgsqlConnection(postgresAdmin);
            await admin.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin).ExecuteNonQueryAsync();
            connection = new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = name }.ToString();
        }

        return new BenchDatabase(provider, postgresAdmin, name, Path.Combine(work, name + ".db"), connection);
    }

    /// <summary>The infrastructure of one server on this database (call it twice for two nodes).</summary>
    public BenchNode Node(TimeProvider? clock = null)
    {
        var services = new ServiceCollection().AddLogging().AddPortalInfrastructure(configuration);
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        return new BenchNode(services.BuildServiceProvider());
    }

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        File.Delete(SqlitePath);
        if (Provider == "postgres")
        {
            await using var admin = new NpgsqlConnection(postgresAdmin);
            await admin.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin).ExecuteNonQueryAsync();
        }
    }
}

/// <summary>One server's services; <see cref="StartAsync"/> starts what the host would: the Quartz scheduler and the event relay.</summary>
internal sealed class BenchNode(ServiceProvider services) : IAsyncDisposable
{
    private IScheduler? scheduler;
    private IHostedService? relay;

    public ServiceProvider Services { get; } = services;

    public async Task StartAsync()
    {
        scheduler = await Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Start();
        relay = Services.GetService<IEventRelay>() as IHostedService;
        if (relay is not null)
        {
            await relay.StartAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (scheduler is not null)
        {
            await scheduler.Shutdown(waitForJobsToComplete: true);
        }

        if (relay is not null)
        {
            await relay.StopAsync(CancellationToken.None);
        }

        await Services.DisposeAsync();
    }
}

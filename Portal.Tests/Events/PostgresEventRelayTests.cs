using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Portal.Domain.Onboarding;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Events;
using Portal.Infrastructure.Onboarding;
using Portal.Tests.Support;

namespace Portal.Tests.Events;

/// <summary>The relay over PostgreSQL: two servers (service providers) on one database stand for two web nodes behind a load balancer.</summary>
public class PostgresEventRelayTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void A_notification_carries_the_node_the_key_and_the_payload_but_no_payload_over_PostgreSQL_s_limit()
    {
        using var relay = new PostgresEventRelay(
            new DatabaseOptions { Provider = "Postgres", PostgresConnectionString = "Host=localhost;Database=portal" },
            NullLogger<PostgresEventRelay>.Instance);

        using var small = JsonDocument.Parse(relay.Encode("import:a", new ImportProgress(ImportPhase.Saving, 42, 1234)));
        using var large = JsonDocument.Parse(relay.Encode("import:a", new string('x', 8000)));

        Assert.Equal(relay.NodeId, small.RootElement.GetProperty("n").GetGuid());
        Assert.Equal("import:a", small.RootElement.GetProperty("k").GetString());
        Assert.Equal(new ImportProgress(ImportPhase.Saving, 42, 1234), small.RootElement.GetProperty("p").Deserialize<ImportProgress>(Web));
        Assert.Equal("import:a", large.RootElement.GetProperty("k").GetString());
        Assert.Equal(JsonValueKind.Null, large.RootElement.GetProperty("p").ValueKind);
    }

    [PostgresFact]
    public async Task Import_progress_published_on_one_node_reaches_a_page_on_another_with_its_type_then_the_end()
    {
        await using var database = await TestDatabase.CreateAsync(Providers.Postgres);
        await using var a = await Node.StartAsync(database);
        await using var b = await Node.StartAsync(database);
        var jobId = Guid.NewGuid();
        var progress = new TaskCompletionSource<ImportProgress?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var follow = b.Notifier.Follow(jobId, p =>
        {
            if (p is null)
            {
                finished.TrySetResult();
            }
            else
            {
                progress.TrySetResult(p);
            }
        });
        var sent = new ImportProgress(ImportPhase.Saving, 42, 1234, 5, 10);

        a.Notifier.Publish(jobId, sent);
        Assert.Equal(sent, await progress.Task.WaitAsync(Timeout));
        a.Notifier.Finished(jobId);
        await finished.Task.WaitAsync(Timeout);
    }

    [PostgresFact]
    public async Task A_subscriber_on_the_publishing_node_receives_the_event_once()
    {
        await using var database = await TestDatabase.CreateAsync(Providers.Postgres);
        await using var a = await Node.StartAsync(database);
        await using var b = await Node.StartAsync(database);
        var onA = 0;
        var onB = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var fence = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscriptionA = a.Bus.Subscribe<ImportProgress>("import:once", _ => Interlocked.Increment(ref onA));
        using var subscriptionB = b.Bus.Subscribe<ImportProgress>("import:once", _ => onB.TrySetResult());
        using var fenceA = a.Bus.Subscribe<object>("fence", _ => fence.TrySetResult());

        a.Bus.Publish("import:once", new ImportProgress(ImportPhase.Saving, 1, 1));
        Assert.Equal(1, Volatile.Read(ref onA));
        await onB.Task.WaitAsync(Timeout);

        // PostgreSQL delivers notifications in commit order: once A hears B's fence, it has already heard (and ignored) its own event.
        b.Bus.Publish<object>("fence", null);
        await fence.Task.WaitAsync(Timeout);
        Assert.Equal(1, Volatile.Read(ref onA));
    }

    [PostgresFact]
    public async Task Coalescing_a_burst_of_events_keeps_the_latest_of_each_key_in_order()
    {
        await using var database = await TestDatabase.CreateAsync(Providers.Postgres);
        await using var a = await Node.StartAsync(database);
        await using var b = await Node.StartAsync(database);
        const int Burst = 1000;
        var seen = new ConcurrentDictionary<string, ConcurrentQueue<long>>();
        var last = new ConcurrentDictionary<string, TaskCompletionSource>();
        var subscriptions = new List<IDisposable>();
        foreach (var key in new[] { "import:one", "import:two" })
        {
            seen[key] = new ConcurrentQueue<long>();
            last[key] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            subscriptions.Add(b.Bus.Subscribe<ImportProgress>(key, p =>
            {
                seen[key].Enqueue(p!.RowsDone);
                if (p.RowsDone == Burst)
                {
                    last[key].TrySetResult();
                }
            }));
        }

        for (var i = 1; i <= Burst; i++)
        {
            a.Bus.Publish("import:one", new ImportProgress(ImportPhase.Saving, i / 10, i));
            a.Bus.Publish("import:two", new ImportProgress(ImportPhase.Saving, i / 10, i));
        }

        await Task.WhenAll(last.Values.Select(l => l.Task)).WaitAsync(Timeout);
        foreach (var rows in seen.Values)
        {
            Assert.Equal(rows.Order(), rows);
            Assert.Equal(Burst, rows.Last());
        }

        subscriptions.ForEach(s => s.Dispose());
    }

    [PostgresFact]
    public async Task The_listener_reconnects_after_its_connection_is_killed_and_delivers_again()
    {
        await using var database = await TestDatabase.CreateAsync(Providers.Postgres);
        await using var a = await Node.StartAsync(database);
        await using var b = await Node.StartAsync(database);
        var killed = await b.Relay.Listening;
        await using (var admin = new NpgsqlConnection(TestEnvironment.PostgresConnectionString))
        {
            await admin.OpenAsync();
            await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(@pid)", admin) { Parameters = { new("pid", killed) } };
            Assert.True((bool)(await terminate.ExecuteScalarAsync())!);
        }

        var received = new TaskCompletionSource<ImportProgress?>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = b.Bus.Subscribe<ImportProgress>("import:again", p => received.TrySetResult(p));
        var sent = new ImportProgress(ImportPhase.Finishing, 99, 5000);

        // Events sent while B reconnects are lost (by design): publish until one gets through.
        using var deadline = new CancellationTokenSource(Timeout);
        while (!received.Task.IsCompleted)
        {
            a.Bus.Publish("import:again", sent);
            await Task.WhenAny(received.Task, Task.Delay(200, deadline.Token));
        }

        Assert.Equal(sent, await received.Task);
        Assert.NotEqual(killed, await b.Relay.Listening.WaitAsync(Timeout));
    }

    private sealed class Node : IAsyncDisposable
    {
        private readonly ServiceProvider services;

        private Node(ServiceProvider services)
        {
            this.services = services;
            Relay = services.GetRequiredService<PostgresEventRelay>();
        }

        public PostgresEventRelay Relay { get; }

        public EventBus Bus => services.GetRequiredService<EventBus>();

        public ImportProgressNotifier Notifier => services.GetRequiredService<ImportProgressNotifier>();

        // A bare service provider starts no hosted service: the relay is started as the host would.
        public static async Task<Node> StartAsync(TestDatabase database)
        {
            var node = new Node(database.NewServer());
            await node.Relay.StartAsync(CancellationToken.None);
            await node.Relay.Listening.WaitAsync(Timeout);
            return node;
        }

        public async ValueTask DisposeAsync()
        {
            await Relay.StopAsync(CancellationToken.None);
            await services.DisposeAsync();
        }
    }
}

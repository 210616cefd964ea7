using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Events;

/// <summary>
/// The event bus across web nodes on PostgreSQL. Each node LISTENs on <see cref="ChannelName"/> over a connection of its own
/// and sends its events with pg_notify from a background queue, so publishing never waits on the database. Pending events
/// of one key are coalesced: only the latest is sent (a progress figure or "something new" replaces the one before).
/// A node ignores its own notifications (the bus already delivered them here). While a connection is down, events are
/// lost, not replayed: the pages reload their state from the database anyway.
/// </summary>
public sealed class PostgresEventRelay : BackgroundService, IEventRelay
{
    public const string ChannelName = "portal_events";

    // PostgreSQL refuses a NOTIFY payload of 8000 bytes or more (the default page size).
    internal const int MaxNotificationBytes = 7999;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(30);

    // A pause between two sends lets a fast publisher's events coalesce: an import reports many times a second, a page
    // needs a few figures a second, and every NOTIFY takes a lock shared by the whole cluster at commit.
    private static readonly TimeSpan SendPause = TimeSpan.FromMilliseconds(50);

    private readonly string listenConnectionString;
    private readonly NpgsqlDataSource sendSource;
    private readonly ILogger<PostgresEventRelay> logger;
    private readonly Lock gate = new();
    private readonly OrderedDictionary<string, object?> pending = new(StringComparer.Ordinal);
    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private TaskCompletionSource<int> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private EventBus? bus;
    private int oversizeLogged;

    public PostgresEventRelay(DatabaseOptions database, ILogger<PostgresEventRelay> logger)
    {
        var connectionString = database.PostgresConnectionString
            ?? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Portal is empty.");
        this.logger = logger;

        // The listener holds one connection for the life of the process, outside any pool; keepalives let WaitAsync
        // notice a connection that a firewall or load balancer dropped silently.
        var listen = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        if (listen.KeepAlive == 0)
        {
            listen.KeepAlive = 30;
        }

        listenConnectionString = listen.ToString();

        // Sending runs one batch at a time: a small pool of its own, whatever the application's pooling setting.
        var send = new NpgsqlDataSourceBuilder(connectionString);
        send.ConnectionStringBuilder.Pooling = true;
        send.ConnectionStringBuilder.MaxPoolSize = 2;
        sendSource = send.Build();
    }

    /// <summary>This process's id in the notifications: its own are ignored when they come back.</summary>
    public Guid NodeId { get; } = Guid.NewGuid();

    /// <summary>Completes with the listener's backend process id once LISTEN runs; a new task after each reconnection.</summary>
    internal Task<int> Listening => Volatile.Read(ref listening).Task;

    public void Attach(EventBus bus)
    {
        if (Interlocked.CompareExchange(ref this.bus, bus, null) is not null)
        {
            throw new InvalidOperationException("This relay already serves an event bus.");
        }
    }

    public void Forward(string key, object? payload)
    {
        lock (gate)
        {
            pending[key] = payload;
        }

        wake.Writer.TryWrite(true);
    }

    public override void Dispose()
    {
        base.Dispose();
        sendSource.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Task.Run(() => ListenAsync(stoppingToken), stoppingToken), Task.Run(() => SendAsync(stoppingToken), stoppingToken));

    /// <summary>The notification's text: this node, the key and the payload, the payload left out (null) when too large.</summary>
    internal string Encode(string key, object? payload)
    {
        var text = JsonSerializer.Serialize(new Envelope(NodeId, key, payload), Json);
        if (Encoding.UTF8.GetByteCount(text) <= MaxNotificationBytes)
        {
            return text;
        }

        if (Interlocked.Exchange(ref oversizeLogged, 1) == 0)
        {
            logger.LogWarning("An event for {Key} is larger than a PostgreSQL notification allows: other nodes receive it without its payload", key);
        }

        return JsonSerializer.Serialize(new Envelope(NodeId, key, null), Json);
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var retry = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(listenConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Receive(e.Payload);
                await using (var command = new NpgsqlCommand($"LISTEN {ChannelName}", connection))
                {
                    await command.ExecuteNonQueryAsync(stoppingToken);
                }

                retry = FirstRetry;
                Volatile.Read(ref listening).TrySetResult(connection.ProcessID);
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Listening for events of other nodes failed; retrying in {Delay}", retry);
            }

            if (Listening.IsCompleted)
            {
                Volatile.Write(ref listening, new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously));
            }

            if (!await PauseAsync(retry, stoppingToken))
            {
                return;
            }

            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
        }
    }

    private void Receive(string text)
    {
        Envelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<Envelope>(text, Json);
        }
        catch (JsonException e)
        {
            logger.LogWarning(e, "Ignored a malformed notification on {Channel}", ChannelName);
            return;
        }

        if (envelope is null || envelope.N == NodeId || string.IsNullOrEmpty(envelope.K) || Volatile.Read(ref bus) is not { } target)
        {
            return;
        }

        try
        {
            target.DeliverRemote(envelope.K, envelope.P is JsonElement payload ? payload : null);
        }
        catch (Exception e)
        {
            // A subscriber's failure (or a payload of another version's shape) must not stop the listener.
            logger.LogWarning(e, "An event for {Key} from node {Node} could not be delivered", envelope.K, envelope.N);
        }
    }

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        var retry = FirstRetry;
        try
        {
            while (await wake.Reader.WaitToReadAsync(stoppingToken))
            {
                wake.Reader.TryRead(out _);
                KeyValuePair<string, object?>[] events;
                lock (gate)
                {
                    events = [.. pending];
                    pending.Clear();
                }

                if (events.Length == 0)
                {
                    continue;
                }

                try
                {
                    await NotifyAsync(events, stoppingToken);
                    retry = FirstRetry;
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(e, "Sending {Count} events to other nodes failed; they are dropped, next try in {Delay}", events.Length, retry);
                    await Task.Delay(retry, stoppingToken);
                    retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
                }

                await Task.Delay(SendPause, stoppingToken);
            }
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping (or disposed mid-send): pending events are dropped.
        }
    }

    private async Task NotifyAsync(KeyValuePair<string, object?>[] events, CancellationToken cancellationToken)
    {
        await using var connection = await sendSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var (key, payload) in events)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT pg_notify('{ChannelName}', $1)")
            {
                Parameters = { new NpgsqlParameter { Value = Encode(key, payload) } },
            });
        }

        // One round trip and one commit for the whole batch.
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<bool> PauseAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    // {"n":"<node id>","k":"<key>","p":<payload or null>}; read back, p is a JsonElement (or null).
    private sealed record Envelope(Guid N, string K, object? P);
}

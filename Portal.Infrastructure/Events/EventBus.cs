using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;

namespace Portal.Infrastructure.Events;

/// <summary>
/// Live events by key ("import:{id}", "notifications:{user}"): a page subscribes to the keys it shows and receives only
/// their events. Handlers run on the publisher's thread (or the relay's, for events of other nodes); Blazor components
/// marshal with InvokeAsync. On SQLite the bus is this server only. With a relay (PostgreSQL: PostgresEventRelay,
/// LISTEN/NOTIFY) every event is also sent to the other web nodes, whose subscribers receive the payload as JSON turned
/// back into their own type. Events are best effort: a page that must not miss one reloads its state from the database.
/// </summary>
public sealed class EventBus
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ConcurrentDictionary<string, ImmutableList<Subscriber>> subscribers = new(StringComparer.Ordinal);
    private readonly IEventRelay? relay;

    public EventBus(IEventRelay? relay = null)
    {
        this.relay = relay;
        relay?.Attach(this);
    }

    public IDisposable Subscribe<T>(string key, Action<T?> handler)
    {
        var subscriber = new Subscriber(
            payload => handler(payload is T typed ? typed : default),
            json => handler(json is { ValueKind: not JsonValueKind.Null } element ? element.Deserialize<T>(Json) : default));
        subscribers.AddOrUpdate(key, _ => [subscriber], (_, list) => list.Add(subscriber));
        return new Subscription(() =>
        {
            subscribers.AddOrUpdate(key, _ => [], (_, list) => list.Remove(subscriber));
            subscribers.TryRemove(new KeyValuePair<string, ImmutableList<Subscriber>>(key, []));
        });
    }

    public void Publish<T>(string key, T? payload)
    {
        relay?.Forward(key, payload);
        if (subscribers.TryGetValue(key, out var handlers))
        {
            foreach (var handler in handlers)
            {
                handler.Local(payload);
            }
        }
    }

    /// <summary>An event published on another node: each subscriber reads the JSON payload as its own type.</summary>
    public void DeliverRemote(string key, JsonElement? payload)
    {
        if (subscribers.TryGetValue(key, out var handlers))
        {
            foreach (var handler in handlers)
            {
                handler.Remote(payload);
            }
        }
    }

    internal int SubscriberCount(string key) => subscribers.TryGetValue(key, out var handlers) ? handlers.Count : 0;

    // A class, not a record: unsubscribing removes this very instance from the list.
    private sealed class Subscriber(Action<object?> local, Action<JsonElement?> remote)
    {
        public Action<object?> Local { get; } = local;

        public Action<JsonElement?> Remote { get; } = remote;
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private Action? pending = unsubscribe;

        public void Dispose() => Interlocked.Exchange(ref pending, null)?.Invoke();
    }
}

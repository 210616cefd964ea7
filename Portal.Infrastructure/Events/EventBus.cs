using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Portal.Infrastructure.Events;

/// <summary>
/// Live events inside this server, by key ("import:{id}"): a page subscribes to the keys it shows and receives only
/// their events. Handlers run on the publisher's thread; Blazor components marshal with InvokeAsync. Cross-node delivery
/// (PostgreSQL LISTEN/NOTIFY) will plug in here.
/// </summary>
public sealed class EventBus
{
    private readonly ConcurrentDictionary<string, ImmutableList<Action<object?>>> subscribers = new(StringComparer.Ordinal);

    public IDisposable Subscribe<T>(string key, Action<T?> handler)
    {
        Action<object?> wrapped = payload => handler(payload is T typed ? typed : default);
        subscribers.AddOrUpdate(key, _ => [wrapped], (_, list) => list.Add(wrapped));
        return new Subscription(() =>
        {
            subscribers.AddOrUpdate(key, _ => [], (_, list) => list.Remove(wrapped));
            subscribers.TryRemove(new KeyValuePair<string, ImmutableList<Action<object?>>>(key, []));
        });
    }

    public void Publish<T>(string key, T? payload)
    {
        if (subscribers.TryGetValue(key, out var handlers))
        {
            foreach (var handler in handlers)
            {
                handler(payload);
            }
        }
    }

    internal int SubscriberCount(string key) => subscribers.TryGetValue(key, out var handlers) ? handlers.Count : 0;

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private Action? pending = unsubscribe;

        public void Dispose() => Interlocked.Exchange(ref pending, null)?.Invoke();
    }
}

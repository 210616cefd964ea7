namespace Portal.Infrastructure.Events;

/// <summary>Carries the events published on this server to the other web nodes, and theirs to this server's bus.</summary>
public interface IEventRelay
{
    /// <summary>Called once by the bus built with this relay: events from other nodes go to its <see cref="EventBus.DeliverRemote"/>.</summary>
    void Attach(EventBus bus);

    /// <summary>Sends an event published here to the other nodes. Must return at once: publishers may run in tight loops.</summary>
    void Forward(string key, object? payload);
}

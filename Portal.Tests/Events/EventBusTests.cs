using System.Text.Json;
using Portal.Domain.Onboarding;
using Portal.Infrastructure.Events;
using Portal.Infrastructure.Onboarding;

namespace Portal.Tests.Events;

public class EventBusTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void A_subscriber_receives_the_events_of_its_key_only_until_it_unsubscribes()
    {
        var bus = new EventBus();
        var seen = new List<string?>();
        var subscription = bus.Subscribe<string>("import:a", seen.Add);

        bus.Publish("import:b", "other run");
        bus.Publish("import:a", "50 %");
        subscription.Dispose();
        bus.Publish("import:a", "100 %");

        Assert.Equal(["50 %"], seen);
        Assert.Equal(0, bus.SubscriberCount("import:a"));
    }

    [Fact]
    public void An_event_from_another_node_reaches_each_subscriber_as_its_own_type()
    {
        var bus = new EventBus();
        var progress = new List<ImportProgress?>();
        var signals = 0;
        bus.Subscribe<ImportProgress>("import:a", progress.Add);
        bus.Subscribe<object>("notifications:u", _ => signals++);
        var sent = new ImportProgress(ImportPhase.Saving, 42, 1234, 5, 10);

        bus.DeliverRemote("import:a", JsonSerializer.SerializeToElement(sent, Web));
        bus.DeliverRemote("import:a", null);
        bus.DeliverRemote("import:a", JsonSerializer.SerializeToElement<ImportProgress?>(null, Web));
        bus.DeliverRemote("notifications:u", null);
        bus.DeliverRemote("import:b", JsonSerializer.SerializeToElement(sent, Web));

        Assert.Equal([sent, null, null], progress);
        Assert.Equal(1, signals);
    }

    [Fact]
    public void A_published_event_goes_to_the_relay_and_to_the_local_subscribers_and_a_remote_one_only_to_the_subscribers()
    {
        var relay = new RecordingRelay();
        var bus = new EventBus(relay);
        var local = new List<ImportProgress?>();
        bus.Subscribe<ImportProgress>("import:a", local.Add);
        var sent = new ImportProgress(ImportPhase.ReadingSales, 10, 0);

        bus.Publish("import:a", sent);
        bus.Publish<ImportProgress>("import:a", null);
        bus.DeliverRemote("import:a", JsonSerializer.SerializeToElement(sent, Web));

        Assert.Same(bus, relay.Bus);
        Assert.Equal([("import:a", (object?)sent), ("import:a", null)], relay.Forwarded);
        Assert.Equal([sent, null, sent], local);
    }

    private sealed class RecordingRelay : IEventRelay
    {
        public EventBus? Bus { get; private set; }

        public List<(string Key, object? Payload)> Forwarded { get; } = [];

        public void Attach(EventBus bus) => Bus = bus;

        public void Forward(string key, object? payload) => Forwarded.Add((key, payload));
    }
}

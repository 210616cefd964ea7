using Portal.Infrastructure.Events;

namespace Portal.Tests.Events;

public class EventBusTests
{
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
}

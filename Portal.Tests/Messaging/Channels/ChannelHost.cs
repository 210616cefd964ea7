using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Messaging;
using Portal.Infrastructure.Messaging.Channels;

namespace Portal.Tests.Messaging.Channels;

/// <summary>The channels as the application builds them (<see cref="MessageChannelsServiceCollectionExtensions.AddMessageChannels"/>) over the given settings.</summary>
internal sealed class ChannelHost : IDisposable
{
    private readonly ServiceProvider services;

    public ChannelHost(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        services = new ServiceCollection().AddLogging().AddMessageChannels(configuration).BuildServiceProvider();
    }

    public IReadOnlyList<IMessageChannel> All => services.GetServices<IMessageChannel>().ToList();

    public T Channel<T>()
        where T : IMessageChannel => All.OfType<T>().Single();

    public void Dispose() => services.Dispose();

    public static OutgoingMessage Message(
        string address,
        string text = "Votre facture n° 12 est disponible.",
        string? html = null,
        string? templateName = null,
        params string[] parameters) =>
        new(Guid.NewGuid(), address, "Awa Ndiaye", "Facture n° 12 — échéance dépassée", text, html, templateName, parameters);
}

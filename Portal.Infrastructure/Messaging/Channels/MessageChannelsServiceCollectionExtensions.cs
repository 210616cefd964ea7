using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Portal.Infrastructure.Messaging.Channels;

public static class MessageChannelsServiceCollectionExtensions
{
    /// <summary>
    /// The e-mail, SMS and WhatsApp channels, each an <see cref="IMessageChannel"/> whether configured or not
    /// (<see cref="IMessageChannel.IsConfigured"/> tells). Singletons: the SMS channel keeps its token between sends, and
    /// the HTTP channels take a client from the factory for each send.
    /// </summary>
    public static IServiceCollection AddMessageChannels(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmailChannelOptions>(configuration.GetSection(EmailChannelOptions.Section));
        services.Configure<SmsChannelOptions>(configuration.GetSection(SmsChannelOptions.Section));
        services.Configure<WhatsAppChannelOptions>(configuration.GetSection(WhatsAppChannelOptions.Section));
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(OrangeSmsChannel.HttpClientName, (provider, client) =>
            client.Timeout = ProviderHttp.Timeout(provider.GetRequiredService<IOptions<SmsChannelOptions>>().Value.TimeoutSeconds));
        services.AddHttpClient(WhatsAppCloudChannel.HttpClientName, (provider, client) =>
            client.Timeout = ProviderHttp.Timeout(provider.GetRequiredService<IOptions<WhatsAppChannelOptions>>().Value.TimeoutSeconds));

        services.AddSingleton<IMessageChannel, SmtpEmailChannel>();
        services.AddSingleton<IMessageChannel, OrangeSmsChannel>();
        services.AddSingleton<IMessageChannel, WhatsAppCloudChannel>();
        return services;
    }
}

using Microsoft.Extensions.Configuration;
using Portal.Domain.Messaging;
using Portal.Infrastructure.Messaging.Channels;

namespace Portal.Tests.Messaging.Channels;

public class MessageChannelsRegistrationTests
{
    [Fact]
    public void Without_settings_the_three_channels_are_registered_and_none_is_configured()
    {
        using var host = new ChannelHost([]);

        Assert.Equal([MessageChannel.Email, MessageChannel.Sms, MessageChannel.WhatsApp], host.All.Select(c => c.Channel).Order());
        Assert.All(host.All, c => Assert.False(c.IsConfigured, $"{c.Channel} says it is configured"));
    }

    [Fact]
    public void The_defaults_written_in_appsettings_leave_every_channel_off()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        var configuration = new ConfigurationBuilder().AddJsonFile(file).Build();
        var settings = configuration.AsEnumerable().Where(p => p.Key.StartsWith("Portal:Messaging:", StringComparison.Ordinal)).ToDictionary();
        Assert.NotEmpty(settings);

        using var host = new ChannelHost(settings);

        Assert.All(host.All, c => Assert.False(c.IsConfigured, $"{c.Channel} says it is configured"));
    }

    [Fact]
    public void Each_channel_is_configured_by_its_required_settings_only()
    {
        using var host = new ChannelHost(new Dictionary<string, string?>
        {
            ["Portal:Messaging:Email:Host"] = "smtp.portal.test",
            ["Portal:Messaging:Email:FromAddress"] = "noreply@portal.test",
            ["Portal:Messaging:Sms:ClientId"] = "id",
            ["Portal:Messaging:Sms:ClientSecret"] = "secret",
            ["Portal:Messaging:WhatsApp:PhoneNumberId"] = "123",
        });

        Assert.True(host.Channel<SmtpEmailChannel>().IsConfigured);
        Assert.False(host.Channel<OrangeSmsChannel>().IsConfigured);
        Assert.False(host.Channel<WhatsAppCloudChannel>().IsConfigured);
    }
}

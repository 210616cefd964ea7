using Portal.Domain.Messaging;

namespace Portal.Tests.Messaging;

public class ChannelChoiceTests
{
    private static readonly Dictionary<MessageChannel, bool> None = [];

    [Fact]
    public void A_person_with_an_email_gets_in_app_and_email()
    {
        Assert.Equal([MessageChannel.InApp, MessageChannel.Email], ChannelChoice.For(hasEmail: true, hasPhone: true, None));
    }

    [Fact]
    public void A_person_known_by_their_phone_only_gets_in_app_and_whatsapp()
    {
        Assert.Equal([MessageChannel.InApp, MessageChannel.WhatsApp], ChannelChoice.For(hasEmail: false, hasPhone: true, None));
    }

    [Fact]
    public void Their_own_choices_win_over_the_defaults()
    {
        var chosen = new Dictionary<MessageChannel, bool> { [MessageChannel.Email] = false, [MessageChannel.Sms] = true };

        Assert.Equal([MessageChannel.InApp, MessageChannel.Sms], ChannelChoice.For(hasEmail: true, hasPhone: true, chosen));
    }

    [Fact]
    public void A_kind_that_stays_in_app_by_default_adds_only_what_the_person_asked_for()
    {
        Assert.Equal([MessageChannel.InApp], ChannelChoice.For(hasEmail: true, hasPhone: true, None, externalByDefault: false));

        var chosen = new Dictionary<MessageChannel, bool> { [MessageChannel.WhatsApp] = true };
        Assert.Equal([MessageChannel.InApp, MessageChannel.WhatsApp], ChannelChoice.For(hasEmail: true, hasPhone: true, chosen, externalByDefault: false));
    }

    [Fact]
    public void In_app_is_always_on()
    {
        Assert.Equal([MessageChannel.InApp], ChannelChoice.For(hasEmail: false, hasPhone: false, None));
        Assert.Throws<Portal.Domain.Common.DomainException>(() => new MessagePreference(Guid.NewGuid(), "import.failed", MessageChannel.InApp, false));
    }
}

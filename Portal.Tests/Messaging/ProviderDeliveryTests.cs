using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Identity;
using Portal.Domain.Messaging;
using Portal.Infrastructure.Messaging.Channels;
using Portal.Tests.Messaging.Channels;
using Portal.Tests.Support;

namespace Portal.Tests.Messaging;

/// <summary>The delivery job with the real SMS and WhatsApp channels, against local doubles of Orange's and Meta's APIs.</summary>
public class ProviderDeliveryTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Server_errors_and_timeouts_are_retried_with_back_off_and_a_refusal_is_final(string provider)
    {
        var smsAnswers = new Queue<Func<HttpContext, Task>>(
        [
            context => ProviderDouble.JsonAsync(context, 500, """{"code":1000,"message":"Internal error","description":"Réessayez plus tard"}"""),
            context => ProviderDouble.StallAsync(context),
            context => ProviderDouble.JsonAsync(context, 201, """{"outboundSMSMessageRequest":{"resourceURL":"https://api.orange.com/smsmessaging/v1/outbound/tel%3A%2B2210000000/requests/sms-42"}}"""),
        ]);
        await using var orange = await ProviderDouble.StartAsync((request, context) => request.Is("/oauth/v3/token")
            ? ProviderDouble.JsonAsync(context, 200, """{"token_type":"Bearer","access_token":"jeton","expires_in":3600}""")
            : smsAnswers.Dequeue()(context));
        await using var meta = await ProviderDouble.StartAsync((_, context) =>
            ProviderDouble.JsonAsync(context, 400, """{"error":{"message":"(#132001) Template name does not exist in the translation","code":132001}}"""));
        await using var harness = await MessagingHarness.CreateAsync(provider, services =>
        {
            services.Configure<SmsChannelOptions>(o => (o.BaseUrl, o.ClientId, o.ClientSecret, o.SenderNumber, o.TimeoutSeconds) = (orange.BaseUrl, "id", "secret", "2210000000", 1));
            services.Configure<WhatsAppChannelOptions>(o => (o.BaseUrl, o.PhoneNumberId, o.AccessToken) = (meta.BaseUrl, "10987", "jeton-meta"));
        });
        var tenant = await harness.AddTenantAsync();
        var manager = await harness.AddUserAsync(tenant, Roles.Manager, phone: "+221771234567", firstName: "Moussa");
        var queued = await harness.QueueAsync(MessagingHarness.AccountLocked(tenant, manager) with { Channels = [MessageChannel.Sms, MessageChannel.WhatsApp] });
        var sms = queued.Single(m => m.Channel == MessageChannel.Sms).Id;
        var whatsApp = queued.Single(m => m.Channel == MessageChannel.WhatsApp).Id;

        // First round: Orange answers 500 (tried again in a minute), Meta refuses the template (dead at once, its words kept).
        await harness.DeliverAsync();
        var first = await harness.MessageAsync(sms);
        Assert.Equal((MessageStatus.Failed, 1, harness.Clock.UtcNow.AddMinutes(1)), (first.Status, first.Attempts, first.NextAttemptAt));
        Assert.Contains("500", first.LastError, StringComparison.Ordinal);
        var refused = await harness.MessageAsync(whatsApp);
        Assert.Equal((MessageStatus.Dead, 1), (refused.Status, refused.Attempts));
        Assert.Contains("Template name does not exist", refused.LastError, StringComparison.Ordinal);
        var template = JsonDocument.Parse(Assert.Single(meta.Requests).Body).RootElement.GetProperty("template");
        Assert.Equal("portal_account_locked", template.GetProperty("name").GetString());
        Assert.Equal("02/03/2026 à 22:00", template.GetProperty("components")[0].GetProperty("parameters")[0].GetProperty("text").GetString());

        // Not due yet: nothing is sent.
        await harness.DeliverAsync();
        Assert.Single(orange.Requests, r => !r.Is("/oauth/v3/token"));

        // A minute later Orange does not answer in time: tried again four minutes later.
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        await harness.DeliverAsync();
        var second = await harness.MessageAsync(sms);
        Assert.Equal((MessageStatus.Failed, 2, harness.Clock.UtcNow.AddMinutes(4)), (second.Status, second.Attempts, second.NextAttemptAt));

        harness.Clock.Advance(TimeSpan.FromMinutes(4));
        await harness.DeliverAsync();
        var sent = await harness.MessageAsync(sms);
        Assert.Equal((MessageStatus.Sent, 3, "sms-42"), (sent.Status, sent.Attempts, sent.ProviderMessageId));
        var posted = orange.Requests.Where(r => !r.Is("/oauth/v3/token")).Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("outboundSMSMessageRequest")).ToList();
        Assert.Equal(3, posted.Count);
        Assert.All(posted, p => Assert.Equal(sms.ToString("N"), p.GetProperty("clientCorrelator").GetString()));
        Assert.True(SmsText.Measure(posted[0].GetProperty("outboundSMSTextMessage").GetProperty("message").GetString()!).Gsm7);
        Assert.Single(meta.Requests);
    }
}

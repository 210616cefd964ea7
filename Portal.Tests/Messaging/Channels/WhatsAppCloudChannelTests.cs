using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Portal.Infrastructure.Messaging;
using Portal.Infrastructure.Messaging.Channels;

namespace Portal.Tests.Messaging.Channels;

public class WhatsAppCloudChannelTests
{
    private const string MessagesPath = "/v21.0/123456789012345/messages";

    [Fact]
    public async Task A_template_is_sent_with_its_language_and_its_parameters_as_parameters()
    {
        await using var meta = await ProviderDouble.StartAsync((_, context) => Accepted(context));
        using var host = Host(meta);
        var message = ChannelHost.Message("+221771234567", "Bonjour Awa, votre facture de 12 500 FCFA est échue.", templateName: "facture_echue", parameters: ["Awa", "12 500 FCFA"]);

        var id = await host.Channel<WhatsAppCloudChannel>().SendAsync(message, CancellationToken.None);

        Assert.Equal("wamid.HBgLMjIxNzcxMjM0NTY3FQIAERgSQUFBQUFBQUFBQUFBQUFBQUFBAA==", id);
        var request = Assert.Single(meta.Requests);
        Assert.Equal(("POST", MessagesPath, "Bearer meta-token"), (request.Method, request.RawTarget, request.Authorization));
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal("whatsapp", root.GetProperty("messaging_product").GetString());
        Assert.Equal("221771234567", root.GetProperty("to").GetString());
        Assert.Equal("template", root.GetProperty("type").GetString());
        Assert.False(root.TryGetProperty("text", out _));
        var template = root.GetProperty("template");
        Assert.Equal("facture_echue", template.GetProperty("name").GetString());
        Assert.Equal("fr", template.GetProperty("language").GetProperty("code").GetString());
        var component = Assert.Single(template.GetProperty("components").EnumerateArray().ToList());
        Assert.Equal("body", component.GetProperty("type").GetString());
        var parameters = component.GetProperty("parameters").EnumerateArray().ToList();
        Assert.All(parameters, p => Assert.Equal("text", p.GetProperty("type").GetString()));
        Assert.Equal(["Awa", "12 500 FCFA"], parameters.Select(p => p.GetProperty("text").GetString()));
        Assert.DoesNotContain("échue", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_without_parameters_has_no_components_and_the_language_comes_from_the_settings()
    {
        await using var meta = await ProviderDouble.StartAsync((_, context) => Accepted(context));
        using var host = Host(meta, ("LanguageCode", "en_US"));

        await host.Channel<WhatsAppCloudChannel>().SendAsync(ChannelHost.Message("+221771234567", templateName: "bienvenue"), CancellationToken.None);

        using var body = JsonDocument.Parse(Assert.Single(meta.Requests).Body);
        var template = body.RootElement.GetProperty("template");
        Assert.Equal("en_US", template.GetProperty("language").GetProperty("code").GetString());
        Assert.False(template.TryGetProperty("components", out _));
    }

    [Fact]
    public async Task Without_a_template_the_text_is_sent_as_free_text()
    {
        await using var meta = await ProviderDouble.StartAsync((_, context) => Accepted(context));
        using var host = Host(meta);

        await host.Channel<WhatsAppCloudChannel>().SendAsync(ChannelHost.Message("+221771234567", "Merci, nous avons bien reçu votre paiement."), CancellationToken.None);

        using var body = JsonDocument.Parse(Assert.Single(meta.Requests).Body);
        var root = body.RootElement;
        Assert.Equal("text", root.GetProperty("type").GetString());
        Assert.Equal("Merci, nous avons bien reçu votre paiement.", root.GetProperty("text").GetProperty("body").GetString());
        Assert.False(root.TryGetProperty("template", out _));
    }

    [Fact]
    public async Task A_refusal_is_permanent_and_carries_Meta_s_message_and_code()
    {
        await using var meta = await ProviderDouble.StartAsync((_, context) => ProviderDouble.JsonAsync(context, 400, """
            {"error":{"message":"(#132001) Template name does not exist in the translation","type":"OAuthException","code":132001,"error_data":{"messaging_product":"whatsapp","details":"template name (facture) does not exist in fr"},"fbtrace_id":"A1b2"}}
            """));
        using var host = Host(meta);

        var failure = await Assert.ThrowsAsync<DeliveryException>(() => host.Channel<WhatsAppCloudChannel>().SendAsync(ChannelHost.Message("+221771234567", templateName: "facture"), CancellationToken.None));

        Assert.True(failure.Permanent);
        Assert.Contains("HTTP 400", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Template name does not exist in the translation (code 132001)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("template name (facture) does not exist in fr", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("meta-token", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rate_limit_sent_as_400_is_transient()
    {
        await using var meta = await ProviderDouble.StartAsync((_, context) =>
            ProviderDouble.JsonAsync(context, 400, """{"error":{"message":"(#130429) Rate limit hit","type":"OAuthException","code":130429}}"""));
        using var host = Host(meta);

        var failure = await Assert.ThrowsAsync<DeliveryException>(() => host.Channel<WhatsAppCloudChannel>().SendAsync(ChannelHost.Message("+221771234567"), CancellationToken.None));

        Assert.False(failure.Permanent);
    }

    [Fact]
    public async Task A_long_refusal_is_cut_to_about_500_characters()
    {
        var longMessage = new string('x', 2000);
        await using var meta = await ProviderDouble.StartAsync((_, context) =>
            ProviderDouble.JsonAsync(context, 400, $$$"""{"error":{"message":"{{{longMessage}}}","code":100}}"""));
        using var host = Host(meta);

        var failure = await Assert.ThrowsAsync<DeliveryException>(() => host.Channel<WhatsAppCloudChannel>().SendAsync(ChannelHost.Message("+221771234567"), CancellationToken.None));

        Assert.InRange(failure.Message.Length, 400, 500);
    }

    [Fact]
    public async Task A_server_error_is_transient()
    {
        await using var meta = await ProviderDouble.StartAsync((_, context) =>
            ProviderDouble.JsonAsync(context, 500, """{"error":{"message":"(#131000) Something went wrong","code":131000}}"""));
        using var host = Host(meta);

        var failure = await Assert.ThrowsAsync<DeliveryException>(() => host.Channel<WhatsAppCloudChannel>().SendAsync(ChannelHost.Message("+221771234567"), CancellationToken.None));

        Assert.False(failure.Permanent);
        Assert.Contains("Something went wrong", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_slower_than_the_timeout_leaves_the_outcome_unknown_as_meta_cannot_recognise_a_resend()
    {
        await using var meta = await ProviderDouble.StartAsync((_, context) => ProviderDouble.StallAsync(context));
        using var host = Host(meta, ("TimeoutSeconds", "1"));

        var failure = await Assert.ThrowsAsync<DeliveryException>(() => host.Channel<WhatsAppCloudChannel>().SendAsync(ChannelHost.Message("+221771234567"), CancellationToken.None));

        Assert.False(failure.Permanent);
        Assert.True(failure.OutcomeUnknown);
    }

    [Fact]
    public async Task A_provider_that_does_not_listen_is_transient()
    {
        string closed;
        await using (var meta = await ProviderDouble.StartAsync((_, context) => Accepted(context)))
        {
            closed = meta.BaseUrl;
        }

        using var host = new ChannelHost(new Dictionary<string, string?>
        {
            ["Portal:Messaging:WhatsApp:BaseUrl"] = closed,
            ["Portal:Messaging:WhatsApp:PhoneNumberId"] = "1",
            ["Portal:Messaging:WhatsApp:AccessToken"] = "meta-token",
        });

        var failure = await Assert.ThrowsAsync<DeliveryException>(() => host.Channel<WhatsAppCloudChannel>().SendAsync(ChannelHost.Message("+221771234567"), CancellationToken.None));

        // Refused connection: nothing went out, so it is simply tried again.
        Assert.False(failure.Permanent);
        Assert.False(failure.OutcomeUnknown);
    }

    private static ChannelHost Host(ProviderDouble meta, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Portal:Messaging:WhatsApp:BaseUrl"] = $"{meta.BaseUrl}/v21.0/",
            ["Portal:Messaging:WhatsApp:PhoneNumberId"] = "123456789012345",
            ["Portal:Messaging:WhatsApp:AccessToken"] = "meta-token",
        };
        foreach (var (key, value) in more)
        {
            settings[$"Portal:Messaging:WhatsApp:{key}"] = value;
        }

        return new ChannelHost(settings);
    }

    private static Task Accepted(HttpContext context) => ProviderDouble.JsonAsync(context, 200, """
        {"messaging_product":"whatsapp","contacts":[{"input":"221771234567","wa_id":"221771234567"}],"messages":[{"id":"wamid.HBgLMjIxNzcxMjM0NTY3FQIAERgSQUFBQUFBQUFBQUFBQUFBQUFBAA=="}]}
        """);
}

using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Portal.Infrastructure.Messaging;
using Portal.Infrastructure.Messaging.Channels;

namespace Portal.Tests.Messaging.Channels;

public class OrangeSmsChannelTests
{
    private const string SendPath = "/smsmessaging/v1/outbound/tel%3A%2B2210000000/requests";
    private const string TokenPath = "/oauth/v3/token";

    [Fact]
    public async Task Two_sends_share_one_token_and_post_Orange_s_request_from_the_sender_number()
    {
        var sent = 0;
        await using var orange = await ProviderDouble.StartAsync((request, context) => request.Is(TokenPath)
            ? Token(context, "jeton-1")
            : Created(context, $"req{Interlocked.Increment(ref sent)}"));
        using var host = Host(orange, ("SenderName", "PORTAL"));
        var channel = host.Channel<OrangeSmsChannel>();
        var first = ChannelHost.Message("+221771234567", "Votre code : 123456");
        var second = ChannelHost.Message("+221761112233", "Rappel : échéance dépassée");

        var ids = await Task.WhenAll(channel.SendAsync(first, CancellationToken.None), channel.SendAsync(second, CancellationToken.None));

        Assert.Equal(["req1", "req2"], ids.Order());
        var token = Assert.Single(orange.Requests, r => r.Is(TokenPath));
        Assert.Equal("POST", token.Method);
        Assert.Equal($"Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes("client-id:client-secret"))}", token.Authorization);
        Assert.StartsWith("application/x-www-form-urlencoded", token.ContentType, StringComparison.Ordinal);
        Assert.Equal("grant_type=client_credentials", token.Body);

        var sends = orange.Requests.Where(r => !r.Is(TokenPath)).ToList();
        Assert.Equal(2, sends.Count);
        Assert.All(sends, r => Assert.Equal(("POST", SendPath, "Bearer jeton-1"), (r.Method, r.RawTarget, r.Authorization)));
        var sms = sends.Select(SmsRequest).Single(r => r.GetProperty("address").GetString() == "tel:+221771234567");
        Assert.Contains("\"tel:+221771234567\"", string.Concat(sends.Select(r => r.Body)), StringComparison.Ordinal);
        Assert.Equal("tel:+2210000000", sms.GetProperty("senderAddress").GetString());
        Assert.Equal("PORTAL", sms.GetProperty("senderName").GetString());
        Assert.Equal("Votre code : 123456", sms.GetProperty("outboundSMSTextMessage").GetProperty("message").GetString());
        Assert.Equal(first.Id.ToString("N"), sms.GetProperty("clientCorrelator").GetString());
    }

    [Fact]
    public async Task Without_a_sender_name_none_is_sent_and_without_a_resource_url_the_id_is_the_correlator()
    {
        await using var orange = await ProviderDouble.StartAsync((request, context) => request.Is(TokenPath)
            ? Token(context, "jeton")
            : ProviderDouble.JsonAsync(context, 201, """{"outboundSMSMessageRequest":{}}"""));
        using var host = Host(orange);
        var message = ChannelHost.Message("+221771234567");

        var id = await host.Channel<OrangeSmsChannel>().SendAsync(message, CancellationToken.None);

        Assert.Equal(message.Id.ToString("N"), id);
        Assert.False(SmsRequest(orange.Requests.Last()).TryGetProperty("senderName", out _));
    }

    [Fact]
    public async Task A_send_answered_401_gets_a_new_token_and_is_tried_once_more()
    {
        var tokens = 0;
        await using var orange = await ProviderDouble.StartAsync((request, context) =>
        {
            if (request.Is(TokenPath))
            {
                return Token(context, $"jeton-{Interlocked.Increment(ref tokens)}");
            }

            return request.Authorization == "Bearer jeton-1"
                ? ProviderDouble.JsonAsync(context, 401, """{"code":42,"message":"Expired credentials","description":"The requested service needs credentials, and the ones provided were out-of-date."}""")
                : Created(context, "apres-401");
        });
        using var host = Host(orange);

        var id = await host.Channel<OrangeSmsChannel>().SendAsync(ChannelHost.Message("+221771234567"), CancellationToken.None);

        Assert.Equal("apres-401", id);
        Assert.Equal(2, orange.Requests.Count(r => r.Is(TokenPath)));
        Assert.Equal(["Bearer jeton-1", "Bearer jeton-2"], orange.Requests.Where(r => r.Is(SendPath)).Select(r => r.Authorization));
    }

    [Fact]
    public async Task A_refusal_is_permanent_and_carries_Orange_s_own_words()
    {
        await using var orange = await ProviderDouble.StartAsync((request, context) => request.Is(TokenPath)
            ? Token(context, "jeton")
            : ProviderDouble.JsonAsync(context, 400, """
                {"requestError":{"serviceException":{"messageId":"SVC0004","text":"No valid addresses provided in message part %1","variables":["address"]}}}
                """));
        using var host = Host(orange);

        var failure = await Assert.ThrowsAsync<DeliveryException>(() => host.Channel<OrangeSmsChannel>().SendAsync(ChannelHost.Message("+221771234567"), CancellationToken.None));

        Assert.True(failure.Permanent);
        Assert.Contains("HTTP 400", failure.Message, StringComparison.Ordinal);
        Assert.Contains("SVC0004 No valid addresses provided in message part address", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_credentials_are_retried_and_name_the_settings_without_the_secret()
    {
        await using var orange = await ProviderDouble.StartAsync((_, context) =>
            ProviderDouble.JsonAsync(context, 401, """{"error":"invalid_client","error_description":"The requested service needs credentials, but none were provided."}"""));
        using var host = Host(orange);

        var failure = await Assert.ThrowsAsync<DeliveryException>(() => host.Channel<OrangeSmsChannel>().SendAsync(ChannelHost.Message("+221771234567"), CancellationToken.None));

        Assert.False(failure.Permanent);
        Assert.Contains("ClientSecret", failure.Message, StringComparison.Ordinal);
        Assert.Contains("invalid_client", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("client-secret", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(orange.Requests, r => r.Is(SendPath));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(429)]
    [InlineData(408)]
    public async Task Server_errors_and_requests_to_slow_down_are_transient(int status)
    {
        await using var orange = await ProviderDouble.StartAsync((request, context) => request.Is(TokenPath)
            ? Token(context, "jeton")
            : ProviderDouble.JsonAsync(context, status, """{"code":1000,"message":"Internal error","description":"Try again later"}"""));
        using var host = Host(orange);

        var failure = await Assert.ThrowsAsync<DeliveryException>(() => host.Channel<OrangeSmsChannel>().SendAsync(ChannelHost.Message("+221771234567"), CancellationToken.None));

        Assert.False(failure.Permanent);
        Assert.Contains($"HTTP {status}", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Internal error", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_slower_than_the_timeout_is_transient()
    {
        await using var orange = await ProviderDouble.StartAsync((request, context) => request.Is(TokenPath)
            ? Token(context, "jeton")
            : ProviderDouble.StallAsync(context));
        using var host = Host(orange, ("TimeoutSeconds", "1"));

        var failure = await Assert.ThrowsAsync<DeliveryException>(() => host.Channel<OrangeSmsChannel>().SendAsync(ChannelHost.Message("+221771234567"), CancellationToken.None));

        Assert.False(failure.Permanent);
        Assert.IsAssignableFrom<OperationCanceledException>(failure.InnerException);
    }

    [Fact]
    public async Task The_caller_s_cancellation_is_not_turned_into_a_delivery_failure()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var orange = await ProviderDouble.StartAsync((request, context) => request.Is(TokenPath)
            ? Token(context, "jeton")
            : ProviderDouble.StallAsync(context, arrived));
        using var host = Host(orange);
        using var cancel = new CancellationTokenSource();

        var sending = host.Channel<OrangeSmsChannel>().SendAsync(ChannelHost.Message("+221771234567"), cancel.Token);
        await arrived.Task;
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
    }

    [Fact]
    public async Task A_number_that_is_not_E164_is_refused_without_calling_Orange()
    {
        await using var orange = await ProviderDouble.StartAsync((_, context) => Token(context, "jeton"));
        using var host = Host(orange);

        var failure = await Assert.ThrowsAsync<DeliveryException>(() => host.Channel<OrangeSmsChannel>().SendAsync(ChannelHost.Message("77 123 45 67 poste 2"), CancellationToken.None));

        Assert.True(failure.Permanent);
        Assert.Empty(orange.Requests);
    }

    [Theory]
    [InlineData("""{"requestError":{"policyException":{"messageId":"POL0001","text":"A policy error occurred. Error code is %1","variables":["Expired bundle"]}}}""", "POL0001 A policy error occurred. Error code is Expired bundle")]
    [InlineData("""{"code":41,"message":"Invalid credentials","description":"Invalid or missing credentials"}""", "41 Invalid credentials — Invalid or missing credentials")]
    [InlineData("""{"unexpected":true}""", null)]
    public void Orange_s_error_shapes_are_read(string json, string? expected)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Equal(expected, OrangeSmsChannel.DescribeError(document.RootElement));
    }

    private static ChannelHost Host(ProviderDouble orange, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Portal:Messaging:Sms:BaseUrl"] = orange.BaseUrl,
            ["Portal:Messaging:Sms:ClientId"] = "client-id",
            ["Portal:Messaging:Sms:ClientSecret"] = "client-secret",
            ["Portal:Messaging:Sms:SenderNumber"] = "2210000000",
        };
        foreach (var (key, value) in more)
        {
            settings[$"Portal:Messaging:Sms:{key}"] = value;
        }

        return new ChannelHost(settings);
    }

    private static Task Token(HttpContext context, string token) =>
        ProviderDouble.JsonAsync(context, 200, $$"""{"token_type":"Bearer","access_token":"{{token}}","expires_in":3600}""");

    private static Task Created(HttpContext context, string id) =>
        ProviderDouble.JsonAsync(context, 201, $$$"""
            {"outboundSMSMessageRequest":{"address":["tel:+221771234567"],"senderAddress":"tel:+2210000000","resourceURL":"https://api.orange.com/smsmessaging/v1/outbound/tel%3A%2B2210000000/requests/{{{id}}}"}}
            """);

    private static JsonElement SmsRequest(RecordedRequest request)
    {
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(request.Body);
        return document.RootElement.GetProperty("outboundSMSMessageRequest").Clone();
    }
}

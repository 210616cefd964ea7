using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Domain.Messaging;

namespace Portal.Infrastructure.Messaging.Channels;

/// <summary>
/// SMS through Orange's SMS API (the one Orange sells across West Africa): an OAuth client-credentials token, kept until a
/// minute before it expires and shared by every send, then one POST per message from the contract's sender number.
/// </summary>
public sealed class OrangeSmsChannel(
    IHttpClientFactory httpClients, IOptions<SmsChannelOptions> options, TimeProvider clock, ILogger<OrangeSmsChannel> logger) : IMessageChannel
{
    public const string HttpClientName = "Portal.Messaging.Sms";
    private const string Provider = "Orange SMS";
    private static readonly TimeSpan RenewBeforeExpiry = TimeSpan.FromSeconds(60);

    private readonly SmsChannelOptions settings = options.Value;
    private readonly SemaphoreSlim tokenLock = new(1, 1);
    private BearerToken? token;

    public MessageChannel Channel => MessageChannel.Sms;

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(settings.ClientId) && !string.IsNullOrWhiteSpace(settings.ClientSecret) && !string.IsNullOrWhiteSpace(SenderNumber);

    private string BaseUrl => (string.IsNullOrWhiteSpace(settings.BaseUrl) ? SmsChannelOptions.DefaultBaseUrl : settings.BaseUrl).TrimEnd('/');

    private string SenderNumber => (settings.SenderNumber ?? string.Empty).Trim().TrimStart('+');

    public async Task<string> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (!IsConfigured)
        {
            throw new InvalidOperationException("The SMS channel is not configured (Portal:Messaging:Sms).");
        }

        var digits = PhoneDigits.FromE164(message.Address)
            ?? throw new DeliveryException($"Numéro invalide pour un SMS : « {message.Address} ».", permanent: true);
        var correlator = message.Id.ToString("N");
        var body = RequestBody(message, digits, correlator);
        var http = httpClients.CreateClient(HttpClientName);

        var bearer = await TokenAsync(http, cancellationToken);
        var response = await PostAsync(http, bearer, body, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            // The token was revoked or expired early: one new token, one more try.
            response.Dispose();
            Interlocked.CompareExchange(ref token, null, bearer);
            bearer = await TokenAsync(http, cancellationToken);
            response = await PostAsync(http, bearer, body, cancellationToken);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await ProviderHttp.RefusalAsync(response, Provider, DescribeError, cancellationToken);
            }

            var answer = await ProviderHttp.JsonAsync(response, cancellationToken);
            var resource = answer?.Child("outboundSMSMessageRequest")?.Text("resourceURL");
            var id = resource?.TrimEnd('/') is { Length: > 0 } url ? url[(url.LastIndexOf('/') + 1)..] : null;
            return string.IsNullOrWhiteSpace(id) ? correlator : id;
        }
    }

    private string RequestBody(OutgoingMessage message, string digits, string correlator)
    {
        var request = new JsonObject
        {
            ["address"] = $"tel:+{digits}",
            ["senderAddress"] = $"tel:+{SenderNumber}",
        };
        if (!string.IsNullOrWhiteSpace(settings.SenderName))
        {
            request["senderName"] = settings.SenderName;
        }

        request["outboundSMSTextMessage"] = new JsonObject { ["message"] = message.Text };
        request["clientCorrelator"] = correlator;
        return new JsonObject { ["outboundSMSMessageRequest"] = request }.ToJsonString(ProviderHttp.Json);
    }

    private async Task<HttpResponseMessage> PostAsync(HttpClient http, BearerToken bearer, string body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{BaseUrl}/smsmessaging/v1/outbound/tel%3A%2B{SenderNumber}/requests")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer.Value);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await ProviderHttp.SendAsync(http, request, Provider, cancellationToken);
    }

    private async Task<BearerToken> TokenAsync(HttpClient http, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref token) is { } current && clock.GetUtcNow() < current.RenewAt)
        {
            return current;
        }

        await tokenLock.WaitAsync(cancellationToken);
        try
        {
            if (Volatile.Read(ref token) is { } fresh && clock.GetUtcNow() < fresh.RenewAt)
            {
                return fresh;
            }

            var obtained = await RequestTokenAsync(http, cancellationToken);
            Volatile.Write(ref token, obtained);
            return obtained;
        }
        finally
        {
            tokenLock.Release();
        }
    }

    private async Task<BearerToken> RequestTokenAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{BaseUrl}/oauth/v3/token")
        {
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("grant_type", "client_credentials")]),
        };
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.ClientId}:{settings.ClientSecret}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await ProviderHttp.SendAsync(http, request, Provider, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ProviderHttp.RefusalAsync(response, Provider, DescribeError, cancellationToken,
                action: "le jeton d'accès", advice: "vérifiez Portal:Messaging:Sms:ClientId et ClientSecret");
        }

        var answer = await ProviderHttp.JsonAsync(response, cancellationToken);
        var value = answer?.Text("access_token");
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DeliveryException($"{Provider} a répondu à la demande de jeton sans jeton.", permanent: false);
        }

        var lifetime = TimeSpan.FromSeconds(
            double.TryParse(answer?.Text("expires_in"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds : 0);
        logger.LogInformation("Orange SMS token obtained, valid for {Lifetime}", lifetime);
        return new BearerToken(value, clock.GetUtcNow() + lifetime - RenewBeforeExpiry);
    }

    /// <summary>
    /// Orange's refusals: <c>{"requestError":{"serviceException"|"policyException":{"messageId","text","variables"}}}</c>
    /// (the text holds %1, %2 for the variables), <c>{"code","message","description"}</c> from the gateway, or an OAuth
    /// <c>{"error","error_description"}</c> from the token endpoint.
    /// </summary>
    internal static string? DescribeError(JsonElement error)
    {
        var requestError = error.Child("requestError");
        var exception = requestError?.Child("serviceException") ?? requestError?.Child("policyException");
        if (exception is { } found)
        {
            var text = found.Text("text") ?? string.Empty;
            if (found.Child("variables") is { ValueKind: JsonValueKind.Array } variables)
            {
                var index = 1;
                foreach (var variable in variables.EnumerateArray())
                {
                    text = text.Replace($"%{index++}", variable.ToString(), StringComparison.Ordinal);
                }
            }

            return $"{found.Text("messageId")} {text}".Trim();
        }

        if (error.Text("message") is { } message)
        {
            var description = error.Text("description");
            return $"{error.Text("code")} {message}{(string.IsNullOrWhiteSpace(description) ? string.Empty : $" — {description}")}".Trim();
        }

        return error.Text("error") is { } oauth ? $"{oauth} {error.Text("error_description")}".Trim() : null;
    }

    private sealed class BearerToken(string value, DateTimeOffset renewAt)
    {
        public string Value { get; } = value;

        public DateTimeOffset RenewAt { get; } = renewAt;
    }
}

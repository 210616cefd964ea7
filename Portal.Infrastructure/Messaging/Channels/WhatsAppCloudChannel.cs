using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Portal.Domain.Messaging;

namespace Portal.Infrastructure.Messaging.Channels;

/// <summary>
/// WhatsApp through Meta's Cloud API. A message with a template name is sent as that approved template, its parameters
/// filling the body's placeholders; one without is free text, which WhatsApp delivers only within 24 hours of the
/// person's last message (the caller decides which applies).
/// </summary>
public sealed class WhatsAppCloudChannel(IHttpClientFactory httpClients, IOptions<WhatsAppChannelOptions> options) : IMessageChannel
{
    public const string HttpClientName = "Portal.Messaging.WhatsApp";
    private const string Provider = "WhatsApp";

    // Meta answers its rate limits with HTTP 400 and these codes: they mean "later", not "never"
    // (API too many calls, rate limit, throughput, spam rate limit, pair rate limit).
    private static readonly HashSet<string> RateLimitCodes = ["4", "80007", "130429", "131048", "131056"];

    private readonly WhatsAppChannelOptions settings = options.Value;

    public MessageChannel Channel => MessageChannel.WhatsApp;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(settings.PhoneNumberId) && !string.IsNullOrWhiteSpace(settings.AccessToken);

    private string BaseUrl => (string.IsNullOrWhiteSpace(settings.BaseUrl) ? WhatsAppChannelOptions.DefaultBaseUrl : settings.BaseUrl).TrimEnd('/');

    public async Task<string> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (!IsConfigured)
        {
            throw new InvalidOperationException("The WhatsApp channel is not configured (Portal:Messaging:WhatsApp).");
        }

        var digits = PhoneDigits.FromE164(message.Address)
            ?? throw new DeliveryException($"Numéro invalide pour WhatsApp : « {message.Address} ».", permanent: true);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{BaseUrl}/{Uri.EscapeDataString(settings.PhoneNumberId!.Trim())}/messages")
        {
            Content = new StringContent(RequestBody(message, digits), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.AccessToken!.Trim());

        // The Cloud API has no idempotency key: a message that may have arrived is not sent again.
        using var response = await ProviderHttp.SendAsync(httpClients.CreateClient(HttpClientName), request, Provider, cancellationToken, idempotent: false);
        if (!response.IsSuccessStatusCode)
        {
            throw await ProviderHttp.RefusalAsync(response, Provider, DescribeError, cancellationToken, transient: IsRateLimit);
        }

        var answer = await ProviderHttp.JsonAsync(response, cancellationToken);
        var id = answer?.Child("messages") is { ValueKind: JsonValueKind.Array } messages && messages.GetArrayLength() > 0
            ? messages[0].Text("id")
            : null;
        // A 200 means WhatsApp took the message: without an id in the answer, ours still identifies it.
        return string.IsNullOrWhiteSpace(id) ? message.Id.ToString("N") : id;
    }

    private string RequestBody(OutgoingMessage message, string digits)
    {
        var body = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["to"] = digits,
        };
        if (message.TemplateName is null)
        {
            body["type"] = "text";
            body["text"] = new JsonObject { ["body"] = message.Text };
            return body.ToJsonString(ProviderHttp.Json);
        }

        var template = new JsonObject
        {
            ["name"] = message.TemplateName,
            ["language"] = new JsonObject { ["code"] = string.IsNullOrWhiteSpace(settings.LanguageCode) ? "fr" : settings.LanguageCode },
        };
        if (message.TemplateParameters.Count > 0)
        {
            var parameters = new JsonArray();
            foreach (var parameter in message.TemplateParameters)
            {
                parameters.Add(new JsonObject { ["type"] = "text", ["text"] = parameter });
            }

            template["components"] = new JsonArray(new JsonObject { ["type"] = "body", ["parameters"] = parameters });
        }

        body["type"] = "template";
        body["template"] = template;
        return body.ToJsonString(ProviderHttp.Json);
    }

    /// <summary>Meta's refusals: <c>{"error":{"message","code","error_data":{"details"}}}</c>.</summary>
    internal static string? DescribeError(JsonElement answer)
    {
        if (answer.Child("error") is not { } error)
        {
            return null;
        }

        var details = error.Child("error_data")?.Text("details");
        var code = error.Text("code");
        return $"{error.Text("message")}{(code is null ? string.Empty : $" (code {code})")}{(string.IsNullOrWhiteSpace(details) ? string.Empty : $" — {details}")}".Trim();
    }

    private static bool IsRateLimit(JsonElement answer) => answer.Child("error")?.Text("code") is { } code && RateLimitCodes.Contains(code);
}

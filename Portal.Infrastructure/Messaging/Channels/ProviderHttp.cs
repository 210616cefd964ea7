using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Portal.Infrastructure.Messaging.Channels;

/// <summary>What the HTTP channels (SMS, WhatsApp) share: the call, and the reading of a provider's refusal.</summary>
internal static class ProviderHttp
{
    private const int MaxErrorLength = 500;

    /// <summary>Request bodies as plain UTF-8 (accents and "+" written as they are, not as \u escapes): easier to read in a provider's logs.</summary>
    public static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// 4xx refuses this message for good, except 408 and 429 which ask to come back later, and 401 and 403 (an expired
    /// token, a revoked secret: the operator fixes the settings and every message still goes out); anything else may pass later.
    /// </summary>
    public static bool IsPermanent(HttpStatusCode status) =>
        (int)status is >= 400 and < 500
        && status is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);

    public static TimeSpan Timeout(int seconds) => TimeSpan.FromSeconds(seconds > 0 ? seconds : 15);

    /// <summary>
    /// Sends, turning the provider being out of reach or too slow into a transient <see cref="DeliveryException"/>.
    /// When the request may have reached a provider that cannot recognise a resend (<paramref name="idempotent"/> false),
    /// a timeout or a broken answer leaves the outcome unknown. The caller's own cancellation is not caught.
    /// </summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, string provider, CancellationToken cancellationToken, bool idempotent = true)
    {
        try
        {
            return await http.SendAsync(request, cancellationToken);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DeliveryException(string.Create(CultureInfo.InvariantCulture, $"{provider} n'a pas répondu en {http.Timeout.TotalSeconds:0} s."), permanent: false, e, outcomeUnknown: !idempotent);
        }
        catch (HttpRequestException e)
        {
            var neverSent = e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError;
            throw new DeliveryException(Truncate($"{provider} injoignable : {e.Message}"), permanent: false, e, outcomeUnknown: !idempotent && !neverSent);
        }
    }

    /// <summary>
    /// The exception for a response that is not a success: the status code and the provider's own words. A permanent
    /// refusal names the <paramref name="action"/> refused and gives the <paramref name="advice"/> (which settings to
    /// check); <paramref name="transient"/> picks out the refusals a provider sends as 4xx that still mean "later".
    /// </summary>
    public static async Task<DeliveryException> RefusalAsync(
        HttpResponseMessage response,
        string provider,
        Func<JsonElement, string?> describe,
        CancellationToken cancellationToken,
        string action = "l'envoi",
        string? advice = null,
        Func<JsonElement, bool>? transient = null)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var json = Parse(body);
        var detail = ((json is { } element ? describe(element) : null) ?? body).ReplaceLineEndings(" ").Trim();
        var permanent = IsPermanent(response.StatusCode) && !(json is { } parsed && transient is not null && transient(parsed));
        var status = (int)response.StatusCode;
        var credentials = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
        var text = permanent || credentials
            ? $"{provider} a refusé {action} (HTTP {status}{(advice is null ? string.Empty : $" ; {advice}")})"
            : $"{provider} indisponible (HTTP {status})";
        return new DeliveryException(Truncate(string.IsNullOrWhiteSpace(detail) ? $"{text}." : $"{text} : {detail}"), permanent);
    }

    /// <summary>Reads a success body; an unreadable one gives null (the message went through all the same).</summary>
    public static async Task<JsonElement?> JsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return Parse(body);
    }

    public static string? Text(this JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    public static JsonElement? Child(this JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) ? value : null;

    public static string Truncate(string text) => text.Length <= MaxErrorLength ? text : string.Concat(text.AsSpan(0, MaxErrorLength - 1), "…");

    private static JsonElement? Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

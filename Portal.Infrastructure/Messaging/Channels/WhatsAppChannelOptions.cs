namespace Portal.Infrastructure.Messaging.Channels;

/// <summary>The WhatsApp Cloud API (<see cref="WhatsAppCloudChannel"/>). The channel is off until PhoneNumberId and AccessToken are set.</summary>
public sealed class WhatsAppChannelOptions
{
    public const string Section = "Portal:Messaging:WhatsApp";
    public const string DefaultBaseUrl = "https://graph.facebook.com/v21.0";

    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>The business phone number's id in Meta's WhatsApp Manager (not the number itself).</summary>
    public string? PhoneNumberId { get; set; }

    /// <summary>A system user's permanent access token.</summary>
    public string? AccessToken { get; set; }

    /// <summary>The language the templates were approved in.</summary>
    public string LanguageCode { get; set; } = "fr";

    public int TimeoutSeconds { get; set; } = 15;
}

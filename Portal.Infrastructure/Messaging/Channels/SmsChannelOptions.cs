namespace Portal.Infrastructure.Messaging.Channels;

/// <summary>Orange's SMS API (<see cref="OrangeSmsChannel"/>). The channel is off until ClientId, ClientSecret and SenderNumber are set.</summary>
public sealed class SmsChannelOptions
{
    public const string Section = "Portal:Messaging:Sms";
    public const string DefaultBaseUrl = "https://api.orange.com";

    public string BaseUrl { get; set; } = DefaultBaseUrl;

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The number the contract sends from, digits with the country code and no "+", e.g. 2210000000.</summary>
    public string? SenderNumber { get; set; }

    /// <summary>Optional sender name shown on the phone, when the contract allows one.</summary>
    public string? SenderName { get; set; }

    public int TimeoutSeconds { get; set; } = 15;
}

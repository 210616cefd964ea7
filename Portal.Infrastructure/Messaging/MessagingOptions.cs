namespace Portal.Infrastructure.Messaging;

/// <summary>Settings of the outbox (section <c>Portal:Messaging</c>); each channel has its own sub-section.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Portal:Messaging";

    /// <summary>Name in messages ("Portal : ..."), e.g. the operator's brand.</summary>
    public string AppName { get; set; } = "Portal";

    /// <summary>The app's public address (https://portal.example.com), for the links in e-mails; none when empty.</summary>
    public string PublicUrl { get; set; } = string.Empty;

    /// <summary>How often the delivery job looks for due messages besides the immediate run after each commit.</summary>
    public int PollSeconds { get; set; } = 15;

    /// <summary>Messages one delivery round claims at once.</summary>
    public int BatchSize { get; set; } = 200;
}

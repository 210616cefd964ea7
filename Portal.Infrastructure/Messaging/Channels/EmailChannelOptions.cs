namespace Portal.Infrastructure.Messaging.Channels;

/// <summary>The SMTP relay that sends e-mails (<see cref="SmtpEmailChannel"/>). The channel is off until Host and FromAddress are set.</summary>
public sealed class EmailChannelOptions
{
    public const string Section = "Portal:Messaging:Email";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    /// <summary>Optional: the channel authenticates only when a user name is set.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string? FromAddress { get; set; }

    public string FromName { get; set; } = "Portal";

    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>How the connection to the SMTP relay is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>TLS from the first byte on port 465, STARTTLS when the server offers it on any other port (MailKit's choice).</summary>
    Auto,

    /// <summary>Plain text: only for a relay on the same host or network.</summary>
    None,

    /// <summary>STARTTLS, required: a server that does not offer it is refused.</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,
}

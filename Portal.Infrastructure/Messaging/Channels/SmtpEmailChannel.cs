using System.Globalization;
using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Portal.Domain.Messaging;

namespace Portal.Infrastructure.Messaging.Channels;

/// <summary>
/// E-mail through an SMTP relay (MailKit), one connection per message. The Message-Id comes from the outbox row, so a
/// message sent twice (after a lost answer) is recognisable as the same one.
/// </summary>
public sealed class SmtpEmailChannel(IOptions<EmailChannelOptions> options) : IMessageChannel
{
    private readonly EmailChannelOptions settings = options.Value;

    public MessageChannel Channel => MessageChannel.Email;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(settings.Host) && !string.IsNullOrWhiteSpace(settings.FromAddress);

    private int TimeoutSeconds => settings.TimeoutSeconds > 0 ? settings.TimeoutSeconds : 30;

    public async Task<string> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (!IsConfigured)
        {
            throw new InvalidOperationException("The e-mail channel is not configured (Portal:Messaging:Email).");
        }

        var mime = Compose(message);
        var server = string.Create(CultureInfo.InvariantCulture, $"{settings.Host}:{settings.Port}");
        var handedOver = false;
        try
        {
            using var client = new SmtpClient { Timeout = TimeoutSeconds * 1000 };
            await client.ConnectAsync(settings.Host!.Trim(), settings.Port, SocketOptions(settings.Security), cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken);
            }

            handedOver = true;
            await client.SendAsync(mime, cancellationToken);
            try
            {
                await client.DisconnectAsync(quit: true, cancellationToken);
            }
            catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or TimeoutException)
            {
                // The server has accepted the message: a failed goodbye changes nothing.
            }

            return MessageId(message);
        }
        catch (AuthenticationException e)
        {
            // Retried: once an operator fixes the credentials, the waiting messages still go out.
            throw new DeliveryException(
                $"Le serveur SMTP {server} a refusé l'identification : vérifiez Portal:Messaging:Email:UserName et Password ({e.Message}).", permanent: false, e);
        }
        catch (SmtpCommandException e)
        {
            var status = (int)e.StatusCode;
            var permanent = status is >= 500 and < 600;
            var verb = permanent ? "a refusé" : "a différé";
            throw new DeliveryException(ProviderHttp.Truncate($"Le serveur SMTP {server} {verb} le message ({status}) : {e.Message}"), permanent, e);
        }
        catch (NotSupportedException e)
        {
            // STARTTLS required but not offered, or a user name set for a server without AUTH: the settings must change.
            throw new DeliveryException($"Le serveur SMTP {server} ne permet pas ces réglages : {e.Message}", permanent: true, e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // Silent after the message went out: the server may have queued it.
            throw new DeliveryException($"Le serveur SMTP {server} n'a pas répondu en {TimeoutSeconds} s.", permanent: false, e, outcomeUnknown: handedOver);
        }
        catch (Exception e) when (e is SmtpProtocolException or SslHandshakeException or IOException or SocketException or TimeoutException)
        {
            throw new DeliveryException(ProviderHttp.Truncate($"Serveur SMTP {server} injoignable : {e.Message}"), permanent: false, e, outcomeUnknown: handedOver);
        }
    }

    private MimeMessage Compose(OutgoingMessage message)
    {
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            MessageId = MessageId(message),
        };
        mime.From.Add(Mailbox(settings.FromName, settings.FromAddress!, "l'expéditeur (Portal:Messaging:Email:FromAddress)"));
        mime.To.Add(Mailbox(message.RecipientName, message.Address, "le destinataire"));
        mime.Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody();
        return mime;
    }

    /// <summary>The Message-Id header (without its angle brackets), and the id this channel returns.</summary>
    internal static string MessageId(OutgoingMessage message) => $"{message.Id:N}@portal";

    private static MailboxAddress Mailbox(string? name, string address, string role)
    {
        try
        {
            return new MailboxAddress(name ?? string.Empty, address.Trim());
        }
        catch (ParseException e)
        {
            throw new DeliveryException($"Adresse e-mail invalide pour {role} : « {address} ».", permanent: true, e);
        }
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}

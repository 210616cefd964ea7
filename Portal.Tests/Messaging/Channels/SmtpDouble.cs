using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Portal.Tests.Messaging.Channels;

/// <summary>
/// An SMTP server on a loopback port (the SmtpServer package) that keeps every message it accepts. Its mailbox filter
/// refuses recipients at <c>refuse.test</c> (550) and defers those at <c>later.test</c> (450); with a password set,
/// it requires AUTH with user "portal".
/// </summary>
internal sealed class SmtpDouble : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;

    private SmtpDouble(string? password)
    {
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, e) => Port = ((IPEndPoint)e.LocalEndPoint).Port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("smtp.test")
            .Endpoint(endpoint => endpoint
                .Endpoint(new IPEndPoint(IPAddress.Loopback, 0))
                .AuthenticationRequired(password is not null)
                .AllowUnsecureAuthentication(password is not null))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new Store(Messages));
        services.Add(new Filter(this));
        if (password is not null)
        {
            services.Add(new Authenticator(password));
        }

        // The listener starts before StartAsync's first await, so the port is known when the constructor returns.
        running = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
    }

    public int Port { get; private set; }

    public ConcurrentQueue<byte[]> Messages { get; } = new();

    /// <summary>Set to hold every RCPT TO until the session is cancelled; completed when one arrives.</summary>
    public TaskCompletionSource? Stall { get; set; }

    public static SmtpDouble Start(string? password = null)
    {
        var server = new SmtpDouble(password);
        Assert.NotEqual(0, server.Port);
        return server;
    }

    public MimeMessage Received()
    {
        Assert.True(Messages.TryPeek(out var raw), "the server received no message");
        using var stream = new MemoryStream(raw);
        return MimeMessage.Load(stream);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }

    private sealed class Store(ConcurrentQueue<byte[]> messages) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            messages.Enqueue(buffer.ToArray());
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    private sealed class Filter(SmtpDouble server) : MailboxFilter
    {
        public override async Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            if (server.Stall is { } stall)
            {
                stall.TrySetResult();
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            }

            return to.Host switch
            {
                "refuse.test" => false,
                "later.test" => throw new SmtpResponseException(new SmtpResponse(SmtpReplyCode.Unavailable, "greylisted, try again later")),
                _ => true,
            };
        }
    }

    private sealed class Authenticator(string expected) : UserAuthenticator
    {
        public override Task<bool> AuthenticateAsync(ISessionContext context, string user, string password, CancellationToken cancellationToken) =>
            Task.FromResult(user == "portal" && password == expected);
    }
}

using System.Net;
using System.Net.Sockets;
using MimeKit;
using Portal.Infrastructure.Messaging;
using Portal.Infrastructure.Messaging.Channels;

namespace Portal.Tests.Messaging.Channels;

public class SmtpEmailChannelTests
{
    [Fact]
    public async Task Sends_a_multipart_message_with_an_accented_subject_and_a_message_id_taken_from_the_outbox()
    {
        await using var server = SmtpDouble.Start();
        using var host = Host(server.Port);
        var message = ChannelHost.Message("awa@client.test", "Bonjour Awa, votre échéance est dépassée.", "<p>Bonjour <b>Awa</b>, votre échéance est dépassée.</p>");

        var id = await host.Channel<SmtpEmailChannel>().SendAsync(message, CancellationToken.None);

        var received = server.Received();
        Assert.Equal($"{message.Id:N}@portal", id);
        Assert.Equal(id, received.MessageId);
        Assert.Equal("Facture n° 12 — échéance dépassée", received.Subject);
        var to = Assert.IsType<MailboxAddress>(Assert.Single(received.To));
        Assert.Equal(("Awa Ndiaye", "awa@client.test"), (to.Name, to.Address));
        var from = Assert.IsType<MailboxAddress>(Assert.Single(received.From));
        Assert.Equal(("Portal Facturation", "factures@portal.test"), (from.Name, from.Address));
        var body = Assert.IsType<MultipartAlternative>(received.Body);
        Assert.Equal(2, body.Count);
        Assert.Equal("Bonjour Awa, votre échéance est dépassée.", received.TextBody?.Trim());
        Assert.Equal("<p>Bonjour <b>Awa</b>, votre échéance est dépassée.</p>", received.HtmlBody?.Trim());
    }

    [Fact]
    public async Task Without_html_the_message_is_plain_text()
    {
        await using var server = SmtpDouble.Start();
        using var host = Host(server.Port);

        await host.Channel<SmtpEmailChannel>().SendAsync(ChannelHost.Message("awa@client.test", "Texte seul."), CancellationToken.None);

        var part = Assert.IsType<TextPart>(server.Received().Body);
        Assert.True(part.IsPlain);
        Assert.Equal("Texte seul.", part.Text.Trim());
    }

    [Fact]
    public async Task Authenticates_when_a_user_name_is_set()
    {
        await using var server = SmtpDouble.Start(password: "s3cret");
        using var host = Host(server.Port, ("UserName", "portal"), ("Password", "s3cret"));

        await host.Channel<SmtpEmailChannel>().SendAsync(ChannelHost.Message("awa@client.test"), CancellationToken.None);

        Assert.Single(server.Messages);
    }

    [Fact]
    public async Task Refused_credentials_are_retried_until_an_operator_fixes_them_and_name_the_settings()
    {
        await using var server = SmtpDouble.Start(password: "s3cret");
        using var host = Host(server.Port, ("UserName", "portal"), ("Password", "wrong"));

        var failure = await Assert.ThrowsAsync<DeliveryException>(() => host.Channel<SmtpEmailChannel>().SendAsync(ChannelHost.Message("awa@client.test"), CancellationToken.None));

        Assert.False(failure.Permanent);
        Assert.False(failure.OutcomeUnknown);
        Assert.Contains("Portal:Messaging:Email:UserName", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", failure.Message, StringComparison.Ordinal);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task A_recipient_the_server_refuses_is_a_permanent_failure_with_the_server_s_words()
    {
        await using var server = SmtpDouble.Start();
        using var host = Host(server.Port);

        var failure = await Assert.ThrowsAsync<DeliveryException>(() => host.Channel<SmtpEmailChannel>().SendAsync(ChannelHost.Message("personne@refuse.test"), CancellationToken.None));

        Assert.True(failure.Permanent);
        Assert.Contains("550", failure.Message, StringComparison.Ordinal);
        Assert.Contains("mailbox unavailable", failure.Message, StringComparison.Ordinal);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task A_recipient_the_server_defers_with_a_4xx_is_a_transient_failure()
    {
        await using var server = SmtpDouble.Start();
        using var host = Host(server.Port);

        var failure = await Assert.ThrowsAsync<DeliveryException>(() => host.Channel<SmtpEmailChannel>().SendAsync(ChannelHost.Message("awa@later.test"), CancellationToken.None));

        Assert.False(failure.Permanent);
        Assert.Contains("450", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_does_not_listen_is_a_transient_failure()
    {
        using var host = Host(ClosedPort());

        var failure = await Assert.ThrowsAsync<DeliveryException>(() => host.Channel<SmtpEmailChannel>().SendAsync(ChannelHost.Message("awa@client.test"), CancellationToken.None));

        Assert.False(failure.Permanent);
    }

    [Fact]
    public async Task The_caller_s_cancellation_is_not_turned_into_a_delivery_failure()
    {
        await using var server = SmtpDouble.Start();
        server.Stall = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var host = Host(server.Port);
        using var cancel = new CancellationTokenSource();

        var sending = host.Channel<SmtpEmailChannel>().SendAsync(ChannelHost.Message("awa@client.test"), cancel.Token);
        await server.Stall.Task;
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
    }

    private static ChannelHost Host(int port, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Portal:Messaging:Email:Host"] = "127.0.0.1",
            ["Portal:Messaging:Email:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Portal:Messaging:Email:Security"] = "None",
            ["Portal:Messaging:Email:FromAddress"] = "factures@portal.test",
            ["Portal:Messaging:Email:FromName"] = "Portal Facturation",
            ["Portal:Messaging:Email:TimeoutSeconds"] = "10",
        };
        foreach (var (key, value) in more)
        {
            settings[$"Portal:Messaging:Email:{key}"] = value;
        }

        return new ChannelHost(settings);
    }

    /// <summary>A loopback port nobody listens on: taken from the system, then let go.</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Identity;
using Portal.Domain.Messaging;
using Portal.Infrastructure.Messaging;
using Portal.Tests.Support;

namespace Portal.Tests.Messaging;

/// <summary>The delivery job: claims, sends, records, retries, and never sends a message twice.</summary>
public class OutboxDeliveryTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_in_app_message_becomes_the_persons_notification_with_the_same_id(string provider)
    {
        await using var harness = await MessagingHarness.CreateAsync(provider);
        var tenant = await harness.AddTenantAsync();
        var owner = await harness.AddUserAsync(tenant, Roles.Owner, email: MessagingHarness.NewEmail());
        var queued = await harness.QueueAsync(MessagingHarness.ImportFailed(tenant, owner));

        Assert.Equal(2, await harness.DeliverAsync());

        var inApp = queued.Single(m => m.Channel == MessageChannel.InApp);
        var sent = await harness.MessageAsync(inApp.Id);
        Assert.Equal(MessageStatus.Sent, sent.Status);
        Assert.Equal(LocalSink.InAppId, sent.ProviderMessageId);
        Assert.Equal(harness.Clock.UtcNow, sent.SentAt);
        Assert.Equal(1, sent.Attempts);
        await using var db = harness.Database.NewContext();
        var notification = await db.Notifications.SingleAsync();
        Assert.Equal((inApp.Id, owner, inApp.Subject, inApp.Body, "/admin/onboarding"), (notification.Id, notification.UserId, notification.Title, notification.Body, notification.Link));
        Assert.Equal(0, await harness.DeliverAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_in_app_message_left_claimed_by_a_dead_run_is_delivered_by_the_next_one(string provider)
    {
        await using var harness = await MessagingHarness.CreateAsync(provider);
        var tenant = await harness.AddTenantAsync();
        var owner = await harness.AddUserAsync(tenant, Roles.Owner, email: MessagingHarness.NewEmail());
        var queued = await harness.QueueAsync(MessagingHarness.ImportFailed(tenant, owner));
        var claimedAt = harness.Clock.UtcNow;
        await using (var db = harness.Database.NewContext())
        {
            await db.OutboxMessages.ExecuteUpdateAsync(set => set.SetProperty(m => m.Status, MessageStatus.Sending)
                .SetProperty(m => m.ClaimToken, Guid.NewGuid()).SetProperty(m => m.ClaimedAt, claimedAt).SetProperty(m => m.Attempts, 1));
        }

        harness.Clock.Advance(OutboxMessage.ClaimLease + TimeSpan.FromSeconds(1));
        Assert.Equal(2, await harness.DeliverAsync());

        // Neither left the database (in-app, e-mail in the local sink): both are delivered once, not set aside.
        Assert.All(await harness.MessagesAsync(), m => Assert.Equal((MessageStatus.Sent, 1), (m.Status, m.Attempts)));
        await using var check = harness.Database.NewContext();
        Assert.Equal(queued.Single(m => m.Channel == MessageChannel.InApp).Id, (await check.Notifications.SingleAsync()).Id);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_send_whose_outcome_is_unknown_is_set_aside_and_never_sent_again_on_its_own(string provider)
    {
        var email = new FakeChannel(MessageChannel.Email) { Provider = _ => throw new DeliveryException("Le serveur SMTP n'a pas répondu en 30 s.", permanent: false, outcomeUnknown: true) };
        await using var harness = await MessagingHarness.CreateAsync(provider, email);
        var tenant = await harness.AddTenantAsync();
        var owner = await harness.AddUserAsync(tenant, Roles.Owner, email: MessagingHarness.NewEmail());
        var id = (await harness.QueueAsync(MessagingHarness.ImportFailed(tenant, owner))).Single(m => m.Channel == MessageChannel.Email).Id;

        await harness.DeliverAsync();
        harness.Clock.Advance(TimeSpan.FromHours(2));
        await harness.DeliverAsync();

        var dead = await harness.MessageAsync(id);
        Assert.Equal(MessageStatus.Dead, dead.Status);
        Assert.Contains("n'a pas répondu en 30 s : le message a peut-être été remis", dead.LastError, StringComparison.Ordinal);
        Assert.Equal(1, email.Count(id));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_channel_that_is_not_configured_keeps_its_messages_in_the_local_sink(string provider)
    {
        await using var harness = await MessagingHarness.CreateAsync(provider);
        var tenant = await harness.AddTenantAsync();
        var owner = await harness.AddUserAsync(tenant, Roles.Owner, email: MessagingHarness.NewEmail());
        var queued = await harness.QueueAsync(MessagingHarness.ImportFailed(tenant, owner));

        await harness.DeliverAsync();

        var email = await harness.MessageAsync(queued.Single(m => m.Channel == MessageChannel.Email).Id);
        Assert.Equal(MessageStatus.Sent, email.Status);
        Assert.Equal(LocalSink.ProviderId, email.ProviderMessageId);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_configured_channel_sends_with_the_rendered_parts_and_keeps_the_providers_id(string provider)
    {
        var whatsApp = new FakeChannel(MessageChannel.WhatsApp);
        var sent = new List<OutgoingMessage>();
        whatsApp.Provider = message =>
        {
            sent.Add(message);
            return "wamid.1";
        };
        await using var harness = await MessagingHarness.CreateAsync(provider, whatsApp);
        var tenant = await harness.AddTenantAsync();
        var phone = MessagingHarness.NewPhone();
        var manager = await harness.AddUserAsync(tenant, Roles.Manager, phone: phone);
        var queued = (await harness.QueueAsync(MessagingHarness.ImportFailed(tenant, manager))).Single(m => m.Channel == MessageChannel.WhatsApp);

        await harness.DeliverAsync();

        var message = Assert.Single(sent);
        Assert.Equal((queued.Id, phone, "Awa Diop", "portal_import_failed"), (message.Id, message.Address, message.RecipientName, message.TemplateName));
        Assert.Equal(["Keur Commerce", "ventes.xlsx"], message.TemplateParameters);
        var stored = await harness.MessageAsync(queued.Id);
        Assert.Equal((MessageStatus.Sent, "wamid.1"), (stored.Status, stored.ProviderMessageId));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_provider_that_cannot_be_reached_is_tried_again_with_back_off_then_given_up_after_five_attempts(string provider)
    {
        var email = new FakeChannel(MessageChannel.Email) { Provider = _ => throw new DeliveryException("Serveur SMTP injoignable", permanent: false) };
        await using var harness = await MessagingHarness.CreateAsync(provider, email);
        var tenant = await harness.AddTenantAsync();
        var owner = await harness.AddUserAsync(tenant, Roles.Owner, email: MessagingHarness.NewEmail());
        var id = (await harness.QueueAsync(MessagingHarness.ImportFailed(tenant, owner))).Single(m => m.Channel == MessageChannel.Email).Id;

        await harness.DeliverAsync();

        var failed = await harness.MessageAsync(id);
        Assert.Equal(MessageStatus.Failed, failed.Status);
        Assert.Equal(harness.Clock.UtcNow.AddMinutes(1), failed.NextAttemptAt);
        Assert.Equal("Serveur SMTP injoignable", failed.LastError);

        harness.Clock.Advance(TimeSpan.FromSeconds(59));
        await harness.DeliverAsync();
        Assert.Equal(1, email.Count(id));

        foreach (var wait in new[] { 4, 16, 64 })
        {
            harness.Clock.Set((await harness.MessageAsync(id)).NextAttemptAt);
            await harness.DeliverAsync();
            var retried = await harness.MessageAsync(id);
            Assert.Equal(MessageStatus.Failed, retried.Status);
            Assert.Equal(harness.Clock.UtcNow.AddMinutes(wait), retried.NextAttemptAt);
        }

        harness.Clock.Set((await harness.MessageAsync(id)).NextAttemptAt);
        await harness.DeliverAsync();

        var dead = await harness.MessageAsync(id);
        Assert.Equal(MessageStatus.Dead, dead.Status);
        Assert.Equal(OutboxMessage.MaxAttempts, dead.Attempts);
        Assert.Equal(OutboxMessage.MaxAttempts, email.Count(id));

        harness.Clock.Advance(TimeSpan.FromDays(1));
        await harness.DeliverAsync();
        Assert.Equal(OutboxMessage.MaxAttempts, email.Count(id));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_refusal_ends_the_message_at_once_with_the_providers_reason(string provider)
    {
        var whatsApp = new FakeChannel(MessageChannel.WhatsApp) { Provider = _ => throw new DeliveryException("(#131026) Numéro WhatsApp inexistant", permanent: true) };
        await using var harness = await MessagingHarness.CreateAsync(provider, whatsApp);
        var tenant = await harness.AddTenantAsync();
        var manager = await harness.AddUserAsync(tenant, Roles.Manager, phone: MessagingHarness.NewPhone());
        var id = (await harness.QueueAsync(MessagingHarness.ImportFailed(tenant, manager))).Single(m => m.Channel == MessageChannel.WhatsApp).Id;

        await harness.DeliverAsync();

        var dead = await harness.MessageAsync(id);
        Assert.Equal((MessageStatus.Dead, 1), (dead.Status, dead.Attempts));
        Assert.Equal("(#131026) Numéro WhatsApp inexistant", dead.LastError);
        harness.Clock.Advance(TimeSpan.FromHours(2));
        await harness.DeliverAsync();
        Assert.Equal(1, whatsApp.Count(id));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_dead_sms_queued_again_by_staff_at_night_waits_for_the_morning(string provider)
    {
        var sms = new FakeChannel(MessageChannel.Sms) { Provider = _ => throw new DeliveryException("400 numéro inconnu", permanent: true) };
        await using var harness = await MessagingHarness.CreateAsync(provider, sms);
        var tenant = await harness.AddTenantAsync();
        var manager = await harness.AddUserAsync(tenant, Roles.Manager, phone: MessagingHarness.NewPhone());
        var staff = await harness.AddUserAsync(null, Roles.Staff, email: MessagingHarness.NewEmail(), firstName: "Nadia");
        var id = (await harness.QueueAsync(MessagingHarness.ImportFailed(tenant, manager) with { Channels = [MessageChannel.Sms] })).Single(m => m.Channel == MessageChannel.Sms).Id;
        await harness.DeliverAsync();
        Assert.Equal(MessageStatus.Dead, (await harness.MessageAsync(id)).Status);

        var night = MessagingHarness.Noon.Date.AddHours(23);
        harness.Clock.Set(night);
        await using (var scope = harness.Database.ActAs(staff, Roles.Staff, null, "Nadia Diop"))
        {
            await scope.ServiceProvider.GetRequiredService<MessageCenter>().RequeueAsync(id);
        }

        Assert.Equal((MessageStatus.Queued, night.Date.AddDays(1).AddHours(7)), ((await harness.MessageAsync(id)).Status, (await harness.MessageAsync(id)).NextAttemptAt));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_whatsapp_retry_that_would_ring_at_night_waits_for_the_morning(string provider)
    {
        var whatsApp = new FakeChannel(MessageChannel.WhatsApp) { Provider = _ => throw new DeliveryException("503", permanent: false) };
        await using var harness = await MessagingHarness.CreateAsync(provider, whatsApp);
        var evening = MessagingHarness.Noon.Date.AddHours(20).AddMinutes(59).AddSeconds(30);
        harness.Clock.Set(evening);
        var tenant = await harness.AddTenantAsync();
        var manager = await harness.AddUserAsync(tenant, Roles.Manager, phone: MessagingHarness.NewPhone());
        var id = (await harness.QueueAsync(MessagingHarness.ImportFailed(tenant, manager))).Single(m => m.Channel == MessageChannel.WhatsApp).Id;

        await harness.DeliverAsync();

        var failed = await harness.MessageAsync(id);
        Assert.Equal(MessageStatus.Failed, failed.Status);
        Assert.Equal(evening.Date.AddDays(1).AddHours(7), failed.NextAttemptAt);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Two_servers_delivering_at_once_send_each_message_exactly_once(string provider)
    {
        var email = new FakeChannel(MessageChannel.Email);
        await using var harness = await MessagingHarness.CreateAsync(provider, email);
        var tenant = await harness.AddTenantAsync();
        var owner = await harness.AddUserAsync(tenant, Roles.Owner, email: MessagingHarness.NewEmail());
        await using (var scope = harness.Database.Services.CreateAsyncScope())
        await using (var db = harness.Database.NewContext())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<MessageOutbox>();
            // One connection for the 1,200 reads: test databases have no pool, and a connection per read costs a minute on PostgreSQL.
            await db.Database.OpenConnectionAsync();
            for (var i = 0; i < 300; i++)
            {
                await outbox.QueueAsync(db, MessagingHarness.ImportFailed(tenant, owner) with { DedupKey = "import:" + i });
            }

            await db.SaveChangesAsync();
        }

        await using var first = harness.Database.NewServer();
        await using var second = harness.Database.NewServer();
        var handled = await Task.WhenAll(Task.Run(() => harness.DeliverAsync(first)), Task.Run(() => harness.DeliverAsync(second)));

        var messages = await harness.MessagesAsync();
        Assert.Equal(600, messages.Count);
        Assert.Equal(600, handled.Sum());
        Assert.All(messages, m => Assert.Equal(MessageStatus.Sent, m.Status));
        Assert.All(messages, m => Assert.Equal(1, m.Attempts));
        var emails = messages.Where(m => m.Channel == MessageChannel.Email).Select(m => m.Id).ToList();
        Assert.Equal(300, emails.Count);
        Assert.All(emails, id => Assert.Equal(1, email.Count(id)));
        Assert.Equal(300, email.Sends.Count);
        await using var check = harness.Database.NewContext();
        Assert.Equal(300, await check.Notifications.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_send_interrupted_by_a_crash_is_set_aside_not_sent_again_until_staff_queue_it_again(string provider)
    {
        var email = new FakeChannel(MessageChannel.Email) { Provider = message => "smtp-" + message.Id.ToString("N") };
        await using var harness = await MessagingHarness.CreateAsync(provider, email);
        var tenant = await harness.AddTenantAsync();
        var owner = await harness.AddUserAsync(tenant, Roles.Owner, email: MessagingHarness.NewEmail());
        var staff = await harness.AddUserAsync(null, Roles.Staff, email: MessagingHarness.NewEmail(), firstName: "Nadia");
        var id = (await harness.QueueAsync(MessagingHarness.ImportFailed(tenant, owner))).Single(m => m.Channel == MessageChannel.Email).Id;

        // A run claimed it, and the process died before recording what the provider said.
        var claimedAt = harness.Clock.UtcNow;
        await using (var db = harness.Database.NewContext())
        {
            await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(set => set.SetProperty(m => m.Status, MessageStatus.Sending)
                .SetProperty(m => m.ClaimToken, Guid.NewGuid()).SetProperty(m => m.ClaimedAt, claimedAt).SetProperty(m => m.Attempts, 1));
        }

        harness.Clock.Advance(OutboxMessage.ClaimLease - TimeSpan.FromSeconds(1));
        await harness.DeliverAsync();
        Assert.Equal(MessageStatus.Sending, (await harness.MessageAsync(id)).Status);

        harness.Clock.Advance(TimeSpan.FromSeconds(2));
        await harness.DeliverAsync();
        var dead = await harness.MessageAsync(id);
        Assert.Equal(MessageStatus.Dead, dead.Status);
        Assert.Contains("peut-être été remis", dead.LastError, StringComparison.Ordinal);
        harness.Clock.Advance(TimeSpan.FromHours(1));
        await harness.DeliverAsync();
        Assert.Equal(0, email.Count(id));

        await using (var scope = harness.Database.ActAs(staff, Roles.Staff, null, "Nadia Diop"))
        {
            await scope.ServiceProvider.GetRequiredService<MessageCenter>().RequeueAsync(id);
        }

        var requeued = await harness.MessageAsync(id);
        Assert.Equal((MessageStatus.Queued, 0), (requeued.Status, requeued.Attempts));

        await harness.DeliverAsync();

        var sent = await harness.MessageAsync(id);
        Assert.Equal(MessageStatus.Sent, sent.Status);
        Assert.Equal("smtp-" + id.ToString("N"), sent.ProviderMessageId);
        Assert.Equal(1, email.Count(id));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_unexpected_error_on_one_message_does_not_set_aside_the_rest_of_its_batch(string provider)
    {
        var email = new FakeChannel(MessageChannel.Email);
        await using var harness = await MessagingHarness.CreateAsync(provider, email);
        var tenant = await harness.AddTenantAsync();
        var first = await harness.AddUserAsync(tenant, Roles.Owner, email: MessagingHarness.NewEmail());
        var second = await harness.AddUserAsync(tenant, Roles.Manager, email: MessagingHarness.NewEmail());
        var ids = (await harness.QueueAsync(MessagingHarness.ImportFailed(tenant, first, second))).Where(m => m.Channel == MessageChannel.Email).Select(m => m.Id).ToList();
        var broken = default(Guid?);
        email.Provider = message => (broken ??= message.Id) == message.Id ? throw new FormatException("réponse illisible") : "smtp-1";

        try
        {
            await harness.DeliverAsync();
        }
        catch (FormatException)
        {
            // What the delivery does with a channel's bug is what this test is about, not whether the run reports it.
        }

        harness.Clock.Advance(OutboxMessage.ClaimLease + TimeSpan.FromMinutes(1));
        await harness.DeliverAsync();

        var other = ids.Single(id => id != broken);
        Assert.Equal(1, email.Count(other));
        Assert.Equal(MessageStatus.Sent, (await harness.MessageAsync(other)).Status);
        Assert.Equal(MessageStatus.Dead, (await harness.MessageAsync(broken!.Value)).Status);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_run_stopped_mid_batch_leaves_the_messages_it_never_sent_to_the_next_run(string provider)
    {
        var email = new FakeChannel(MessageChannel.Email);
        await using var harness = await MessagingHarness.CreateAsync(provider, email);
        var tenant = await harness.AddTenantAsync();
        var first = await harness.AddUserAsync(tenant, Roles.Owner, email: MessagingHarness.NewEmail());
        var second = await harness.AddUserAsync(tenant, Roles.Manager, email: MessagingHarness.NewEmail());
        var ids = (await harness.QueueAsync(MessagingHarness.ImportFailed(tenant, first, second))).Where(m => m.Channel == MessageChannel.Email).Select(m => m.Id).ToList();
        using var shutdown = new CancellationTokenSource();
        email.Provider = message =>
        {
            shutdown.Cancel();
            return "smtp-" + message.Id.ToString("N");
        };

        await using (var scope = harness.Database.Services.CreateAsyncScope())
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scope.ServiceProvider.GetRequiredService<OutboxDelivery>().RunAsync(shutdown.Token));
        }

        harness.Clock.Advance(OutboxMessage.ClaimLease + TimeSpan.FromMinutes(1));
        await harness.DeliverAsync();

        Assert.All(ids, id => Assert.Equal(1, email.Count(id)));
        Assert.All(await harness.MessagesAsync(), m => Assert.Equal(MessageStatus.Sent, m.Status));
    }
}

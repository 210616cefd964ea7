using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.Identity;
using Portal.Domain.Messaging;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Messaging;
using Portal.Tests.Support;

namespace Portal.Tests.Messaging;

/// <summary>Writing messages into the sender's own transaction: who gets what, on which channel, and when.</summary>
public class MessageOutboxTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_rolled_back_change_leaves_no_message_and_a_committed_one_leaves_them_all(string provider)
    {
        await using var harness = await MessagingHarness.CreateAsync(provider);
        var tenant = await harness.AddTenantAsync();
        var owner = await harness.AddUserAsync(tenant, Roles.Owner, email: MessagingHarness.NewEmail());
        await using var scope = harness.Database.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<MessageOutbox>();

        await using (var db = harness.Database.NewTenantContext(tenant))
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await outbox.QueueAsync(db, MessagingHarness.ImportFailed(tenant, owner));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        Assert.Empty(await harness.MessagesAsync());

        await using (var db = harness.Database.NewTenantContext(tenant))
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await outbox.QueueAsync(db, MessagingHarness.ImportFailed(tenant, owner));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        Assert.Equal([MessageChannel.InApp, MessageChannel.Email], (await harness.MessagesAsync()).Select(m => m.Channel));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_same_request_queued_twice_gives_one_message_per_person_and_channel(string provider)
    {
        await using var harness = await MessagingHarness.CreateAsync(provider);
        var tenant = await harness.AddTenantAsync();
        var owner = await harness.AddUserAsync(tenant, Roles.Owner, email: MessagingHarness.NewEmail());
        var manager = await harness.AddUserAsync(tenant, Roles.Manager, phone: MessagingHarness.NewPhone());
        var request = MessagingHarness.ImportFailed(tenant, owner, manager, owner);

        Assert.Equal(4, (await harness.QueueAsync(request)).Count);
        Assert.Empty(await harness.QueueAsync(request));

        var messages = await harness.MessagesAsync();
        Assert.Equal(4, messages.Count);
        Assert.Equal(4, messages.Select(m => (m.UserId, m.Channel)).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_person_known_by_phone_gets_whatsapp_and_one_with_an_email_gets_email(string provider)
    {
        await using var harness = await MessagingHarness.CreateAsync(provider);
        var tenant = await harness.AddTenantAsync();
        var phone = MessagingHarness.NewPhone();
        var email = MessagingHarness.NewEmail();
        var manager = await harness.AddUserAsync(tenant, Roles.Manager, phone: phone);
        var owner = await harness.AddUserAsync(tenant, Roles.Owner, email: email, phone: MessagingHarness.NewPhone());

        await harness.QueueAsync(MessagingHarness.ImportFailed(tenant, manager, owner));

        var messages = await harness.MessagesAsync();
        Assert.Equal([(MessageChannel.InApp, ""), (MessageChannel.WhatsApp, phone)], messages.Where(m => m.UserId == manager).Select(m => (m.Channel, m.Address)));
        Assert.Equal([(MessageChannel.InApp, ""), (MessageChannel.Email, email)], messages.Where(m => m.UserId == owner).Select(m => (m.Channel, m.Address)));
        Assert.All(messages, m =>
        {
            Assert.Equal(MessageStatus.Queued, m.Status);
            Assert.Equal(tenant, m.TenantId);
            Assert.Equal("import.failed", m.Type);
            Assert.Null(m.FallbackReason);
        });
        var whatsApp = messages.Single(m => m.Channel == MessageChannel.WhatsApp);
        Assert.Equal("portal_import_failed", whatsApp.TemplateName);
        Assert.Equal("[\"Keur Commerce\",\"ventes.xlsx\"]", whatsApp.TemplateParameters);
        Assert.NotNull(messages.Single(m => m.Channel == MessageChannel.Email).Html);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_sms_asked_for_a_person_without_a_phone_goes_in_app_with_the_reason(string provider)
    {
        await using var harness = await MessagingHarness.CreateAsync(provider);
        var tenant = await harness.AddTenantAsync();
        var owner = await harness.AddUserAsync(tenant, Roles.Owner, email: MessagingHarness.NewEmail());

        await harness.QueueAsync(MessagingHarness.ImportFailed(tenant, owner) with { Channels = [MessageChannel.Sms] });

        var message = Assert.Single(await harness.MessagesAsync());
        Assert.Equal(MessageChannel.InApp, message.Channel);
        Assert.Contains("pas de numéro de téléphone pour SMS", message.FallbackReason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_inactive_person_gets_nothing(string provider)
    {
        await using var harness = await MessagingHarness.CreateAsync(provider);
        var tenant = await harness.AddTenantAsync();
        var owner = await harness.AddUserAsync(tenant, Roles.Owner, email: MessagingHarness.NewEmail());
        await using (var db = harness.Database.NewContext())
        {
            (await db.Users.SingleAsync(u => u.Id == owner)).IsActive = false;
            await db.SaveChangesAsync();
        }

        Assert.Empty(await harness.QueueAsync(MessagingHarness.ImportFailed(tenant, owner)));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task At_ten_in_the_evening_whatsapp_waits_for_seven_unless_the_message_is_urgent(string provider)
    {
        await using var harness = await MessagingHarness.CreateAsync(provider);
        var evening = MessagingHarness.Noon.Date.AddHours(22);
        harness.Clock.Set(evening);
        var tenant = await harness.AddTenantAsync();
        var manager = await harness.AddUserAsync(tenant, Roles.Manager, phone: MessagingHarness.NewPhone());

        var failed = await harness.QueueAsync(MessagingHarness.ImportFailed(tenant, manager));
        var locked = await harness.QueueAsync(MessagingHarness.AccountLocked(tenant, manager));
        var later = failed.Single(m => m.Channel == MessageChannel.WhatsApp);
        var urgent = locked.Single(m => m.Channel == MessageChannel.WhatsApp);

        Assert.Equal(evening.Date.AddDays(1).AddHours(7), later.NextAttemptAt);
        Assert.Equal(evening, urgent.NextAttemptAt);
        Assert.Equal(MessagePriority.Urgent, urgent.Priority);
        Assert.All(failed.Concat(locked).Where(m => m.Channel == MessageChannel.InApp), m => Assert.Equal(evening, m.NextAttemptAt));

        await harness.DeliverAsync();

        var statuses = (await harness.MessagesAsync()).ToDictionary(m => m.Id, m => m.Status);
        Assert.Equal(MessageStatus.Queued, statuses[later.Id]);
        Assert.Equal(MessageStatus.Sent, statuses[urgent.Id]);
        Assert.All(failed.Concat(locked).Where(m => m.Channel == MessageChannel.InApp), m => Assert.Equal(MessageStatus.Sent, statuses[m.Id]));

        harness.Clock.Set(evening.Date.AddDays(1).AddHours(7));
        await harness.DeliverAsync();

        Assert.Equal(MessageStatus.Sent, (await harness.MessageAsync(later.Id)).Status);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_tenants_change_cannot_queue_a_message_for_another_tenants_user(string provider)
    {
        await using var harness = await MessagingHarness.CreateAsync(provider);
        var alpha = await harness.AddTenantAsync("Alpha");
        var beta = await harness.AddTenantAsync("Beta");
        var ownerB = await harness.AddUserAsync(beta, Roles.Owner, email: MessagingHarness.NewEmail());
        await using var scope = harness.Database.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<MessageOutbox>();

        await using (var db = harness.Database.NewTenantContext(alpha))
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => outbox.QueueAsync(db, MessagingHarness.ImportFailed(alpha, ownerB)));
        }

        await using (var db = harness.Database.NewTenantContext(alpha))
        {
            await outbox.QueueAsync(db, MessagingHarness.ImportFailed(beta, ownerB));
            await Assert.ThrowsAsync<ForbiddenException>(() => db.SaveChangesAsync());
        }

        Assert.Empty(await harness.MessagesAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_tenant_context_cannot_add_a_message_for_another_tenants_user_by_hand_either(string provider)
    {
        await using var harness = await MessagingHarness.CreateAsync(provider);
        var alpha = await harness.AddTenantAsync("Alpha");
        var beta = await harness.AddTenantAsync("Beta");
        var ownerB = await harness.AddUserAsync(beta, Roles.Owner, email: MessagingHarness.NewEmail());

        await using var db = harness.Database.NewTenantContext(alpha);
        db.OutboxMessages.Add(new OutboxMessage(
            new OutboxDraft(alpha, ownerB, "Owner Beta", MessageChannel.InApp, string.Empty, "import.failed", MessagePriority.High, "Alerte", "Cliquez ici", "forged"),
            harness.Clock.UtcNow,
            harness.Clock.UtcNow));

        await Assert.ThrowsAsync<ForbiddenException>(() => db.SaveChangesAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_tenant_context_cannot_read_the_outbox_even_about_its_own_tenant(string provider)
    {
        await using var harness = await MessagingHarness.CreateAsync(provider);
        var alpha = await harness.AddTenantAsync("Alpha");
        var owner = await harness.AddUserAsync(alpha, Roles.Owner, email: MessagingHarness.NewEmail());
        await using var scope = harness.Database.Services.CreateAsyncScope();

        await using (var db = harness.Database.NewTenantContext(alpha))
        {
            await scope.ServiceProvider.GetRequiredService<MessageOutbox>().QueueAsync(db, MessagingHarness.ImportFailed(alpha, owner));
            await db.SaveChangesAsync();
        }

        var forged = (await harness.MessagesAsync())[0];
        await using (var db = harness.Database.NewTenantContext(alpha))
        {
            Assert.Empty(await db.OutboxMessages.ToListAsync());
            db.OutboxMessages.Attach(forged);
            db.Entry(forged).Property(m => m.Body).CurrentValue = "changé";
            await Assert.ThrowsAsync<ForbiddenException>(() => db.SaveChangesAsync());
        }

        Assert.Equal(2, (await harness.MessagesAsync()).Count);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_locked_account_tells_its_owner_at_once_in_app_and_by_email(string provider)
    {
        await using var harness = await MessagingHarness.CreateAsync(provider);
        harness.Clock.Set(MessagingHarness.Noon.Date.AddHours(23));
        var tenant = await harness.AddTenantAsync();
        var owner = await harness.AddUserAsync(tenant, Roles.Owner, email: MessagingHarness.NewEmail());
        PortalUser user;
        await using (var db = harness.Database.NewContext())
        {
            user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == owner);
        }

        await using (var scope = harness.Database.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LockoutAlerts>().AccountLockedAsync(user, "41.82.1.2", deviceOnly: false);
        }

        var messages = await harness.MessagesAsync();
        Assert.Equal([MessageChannel.InApp, MessageChannel.Email], messages.Select(m => m.Channel));
        Assert.All(messages, m =>
        {
            Assert.Equal(owner, m.UserId);
            Assert.Equal("account.locked", m.Type);
            Assert.Equal(MessagePriority.Urgent, m.Priority);
            Assert.Equal(harness.Clock.UtcNow, m.NextAttemptAt);
            Assert.Contains("41.82.1.2", m.Body, StringComparison.Ordinal);
        });
    }
}

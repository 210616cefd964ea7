using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.Identity;
using Portal.Domain.Messaging;
using Portal.Infrastructure.Messaging;
using Portal.Tests.Support;

namespace Portal.Tests.Messaging;

/// <summary>The staff's message viewer: every message as sent, re-queueing and test messages; closed to tenant users.</summary>
public class MessageCenterTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Staff_see_every_message_as_its_recipient_received_it(string provider)
    {
        await using var harness = await MessagingHarness.CreateAsync(provider);
        var tenant = await harness.AddTenantAsync();
        var manager = await harness.AddUserAsync(tenant, Roles.Manager, phone: MessagingHarness.NewPhone());
        var staff = await harness.AddUserAsync(null, Roles.Staff, email: MessagingHarness.NewEmail(), firstName: "Nadia");
        var whatsApp = (await harness.QueueAsync(MessagingHarness.ImportFailed(tenant, manager))).Single(m => m.Channel == MessageChannel.WhatsApp);
        await harness.DeliverAsync();

        await using var scope = harness.Database.ActAs(staff, Roles.Staff, null, "Nadia Diop");
        var center = scope.ServiceProvider.GetRequiredService<MessageCenter>();
        var page = await center.ListAsync(new MessageFilter(Channel: MessageChannel.WhatsApp), new PageRequest(0, 20));
        var detail = await center.GetAsync(whatsApp.Id);

        Assert.Equal(1, page.Total);
        Assert.True(Assert.Single(page.Items).InLocalSink);
        Assert.Equal(["Keur Commerce", "ventes.xlsx"], detail.TemplateParameters);
        Assert.Equal(MessageStatus.Sent, detail.Status);
        Assert.Equal(new MessageCounts(0, 0, 0, 2), await center.CountsAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Only_a_dead_message_can_be_queued_again(string provider)
    {
        await using var harness = await MessagingHarness.CreateAsync(provider);
        var staff = await harness.AddUserAsync(null, Roles.Staff, email: MessagingHarness.NewEmail());
        var queued = await harness.QueueAsync(MessagingHarness.AccountLocked(null, staff));

        await using var scope = harness.Database.ActAs(staff, Roles.Staff, null);
        var center = scope.ServiceProvider.GetRequiredService<MessageCenter>();

        await Assert.ThrowsAsync<DomainException>(() => center.RequeueAsync(queued[0].Id));
        await Assert.ThrowsAsync<NotFoundException>(() => center.RequeueAsync(Guid.NewGuid()));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_test_message_reaches_the_staff_member_on_the_chosen_channel(string provider)
    {
        await using var harness = await MessagingHarness.CreateAsync(provider);
        var staff = await harness.AddUserAsync(null, Roles.Staff, email: MessagingHarness.NewEmail(), phone: MessagingHarness.NewPhone(), firstName: "Nadia");

        await using (var scope = harness.Database.ActAs(staff, Roles.Staff, null, "Nadia Diop"))
        {
            Assert.Null(await scope.ServiceProvider.GetRequiredService<MessageCenter>().SendTestAsync(MessageChannel.Sms));
        }

        var messages = await harness.MessagesAsync();
        Assert.Equal([MessageChannel.InApp, MessageChannel.Sms], messages.Select(m => m.Channel));
        Assert.All(messages, m => Assert.Equal(staff, m.UserId));
        Assert.Contains("Nadia Diop", messages[1].Body, StringComparison.Ordinal);
        Assert.True(SmsText.Measure(messages[1].Body).Gsm7, messages[1].Body);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_tenant_user_can_neither_read_nor_manage_the_messages(string provider)
    {
        await using var harness = await MessagingHarness.CreateAsync(provider);
        var tenant = await harness.AddTenantAsync();
        var owner = await harness.AddUserAsync(tenant, Roles.Owner, email: MessagingHarness.NewEmail());
        var id = (await harness.QueueAsync(MessagingHarness.ImportFailed(tenant, owner)))[0].Id;

        await using var scope = harness.Database.ActAs(owner, Roles.Owner, tenant);
        var center = scope.ServiceProvider.GetRequiredService<MessageCenter>();

        await Assert.ThrowsAsync<ForbiddenException>(() => center.ListAsync(new MessageFilter(), new PageRequest(0, 20)));
        await Assert.ThrowsAsync<ForbiddenException>(() => center.CountsAsync());
        await Assert.ThrowsAsync<ForbiddenException>(() => center.GetAsync(id));
        await Assert.ThrowsAsync<ForbiddenException>(() => center.RequeueAsync(id));
        await Assert.ThrowsAsync<ForbiddenException>(() => center.SendTestAsync(MessageChannel.Email));
        await using var db = harness.Database.NewContext();
        Assert.Equal(2, await db.OutboxMessages.CountAsync());
    }
}

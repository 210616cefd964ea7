using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.Identity;
using Portal.Domain.Messaging;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Notifications;
using Portal.Tests.Support;

namespace Portal.Tests.Messaging;

/// <summary>The bell and the notifications page: one's own notifications only, unread first, expired ones gone.</summary>
public class NotificationServiceTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_unread_notifications_are_listed_newest_first_page_by_page(string provider)
    {
        await using var harness = await MessagingHarness.CreateAsync(provider);
        var tenant = await harness.AddTenantAsync();
        var owner = await harness.AddUserAsync(tenant, Roles.Owner, email: MessagingHarness.NewEmail());
        var ids = await AddNotificationsAsync(harness, owner, 5);
        await AsAsync(harness, owner, tenant, n => n.MarkReadAsync(ids[1]));

        var first = await AsAsync(harness, owner, tenant, n => n.ListAsync(unreadOnly: true, new PageRequest(0, 2)));
        var second = await AsAsync(harness, owner, tenant, n => n.ListAsync(unreadOnly: true, new PageRequest(2, 2)));
        var all = await AsAsync(harness, owner, tenant, n => n.ListAsync(unreadOnly: false, new PageRequest(0, 10)));

        Assert.Equal(4, first.Total);
        Assert.Equal([ids[4], ids[3]], first.Items.Select(n => n.Id));
        Assert.Equal([ids[2], ids[0]], second.Items.Select(n => n.Id));
        Assert.Equal(5, all.Total);
        Assert.True(all.Items.Single(n => n.Id == ids[1]).IsRead);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Marking_one_or_all_as_read_lowers_the_count_of_the_bell(string provider)
    {
        await using var harness = await MessagingHarness.CreateAsync(provider);
        var tenant = await harness.AddTenantAsync();
        var owner = await harness.AddUserAsync(tenant, Roles.Owner, email: MessagingHarness.NewEmail());
        var ids = await AddNotificationsAsync(harness, owner, 3);

        Assert.Equal(3, (await AsAsync(harness, owner, tenant, n => n.GetAsync())).Unread);

        await AsAsync(harness, owner, tenant, n => n.MarkReadAsync(ids[0]));
        var bell = await AsAsync(harness, owner, tenant, n => n.GetAsync());
        Assert.Equal(2, bell.Unread);
        Assert.Equal(ids[0], bell.Latest[^1].Id);

        await AsAsync(harness, owner, tenant, n => n.MarkAllReadAsync());
        Assert.Equal(0, (await AsAsync(harness, owner, tenant, n => n.GetAsync())).Unread);
        Assert.Equal(0, (await AsAsync(harness, owner, tenant, n => n.ListAsync(unreadOnly: true, new PageRequest(0, 10)))).Total);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_expired_notification_is_neither_shown_nor_counted(string provider)
    {
        await using var harness = await MessagingHarness.CreateAsync(provider);
        var tenant = await harness.AddTenantAsync();
        var owner = await harness.AddUserAsync(tenant, Roles.Owner, email: MessagingHarness.NewEmail());
        var kept = await AddNotificationsAsync(harness, owner, 1);
        var offer = Guid.NewGuid();
        await using (var db = harness.Database.NewContext())
        {
            db.Notifications.Add(new Notification(offer, owner, "Offre", "Jusqu'à ce soir", null, MessagePriority.Low, harness.Clock.UtcNow.AddHours(1)));
            await db.SaveChangesAsync();
        }

        Assert.Equal(2, (await AsAsync(harness, owner, tenant, n => n.GetAsync())).Unread);

        harness.Clock.Advance(TimeSpan.FromHours(1));

        var bell = await AsAsync(harness, owner, tenant, n => n.GetAsync());
        var page = await AsAsync(harness, owner, tenant, n => n.ListAsync(unreadOnly: false, new PageRequest(0, 10)));
        Assert.Equal(1, bell.Unread);
        Assert.Equal(kept, bell.Latest.Select(n => n.Id));
        Assert.Equal(1, page.Total);
        Assert.Equal(kept, page.Items.Select(n => n.Id));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Someone_elses_notification_cannot_be_read_or_marked(string provider)
    {
        await using var harness = await MessagingHarness.CreateAsync(provider);
        var tenant = await harness.AddTenantAsync();
        var owner = await harness.AddUserAsync(tenant, Roles.Owner, email: MessagingHarness.NewEmail());
        var colleague = await harness.AddUserAsync(tenant, Roles.Manager, phone: MessagingHarness.NewPhone());
        var ids = await AddNotificationsAsync(harness, owner, 1);

        Assert.Equal(0, (await AsAsync(harness, colleague, tenant, n => n.ListAsync(unreadOnly: false, new PageRequest(0, 10)))).Total);
        await Assert.ThrowsAsync<NotFoundException>(() => AsAsync(harness, colleague, tenant, n => n.MarkReadAsync(ids[0])));
        await AsAsync(harness, colleague, tenant, n => n.MarkAllReadAsync());

        Assert.Equal(1, (await AsAsync(harness, owner, tenant, n => n.GetAsync())).Unread);
    }

    // One a minute, oldest first, so "newest first" has one answer.
    private static async Task<List<Guid>> AddNotificationsAsync(MessagingHarness harness, Guid userId, int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            harness.Clock.Advance(TimeSpan.FromMinutes(1));
            await using var db = harness.Database.NewContext();
            var notification = new Notification(Guid.NewGuid(), userId, $"Notification {i}", "Corps", null, MessagePriority.Normal, null);
            db.Notifications.Add(notification);
            await db.SaveChangesAsync();
            ids.Add(notification.Id);
        }

        return ids;
    }

    private static async Task<T> AsAsync<T>(MessagingHarness harness, Guid userId, Guid tenantId, Func<NotificationService, Task<T>> action)
    {
        await using var scope = harness.Database.ActAs(userId, Roles.Owner, tenantId);
        return await action(scope.ServiceProvider.GetRequiredService<NotificationService>());
    }

    private static async Task AsAsync(MessagingHarness harness, Guid userId, Guid tenantId, Func<NotificationService, Task> action)
    {
        await using var scope = harness.Database.ActAs(userId, Roles.Owner, tenantId);
        await action(scope.ServiceProvider.GetRequiredService<NotificationService>());
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Identity;
using Portal.Domain.Messaging;
using Portal.Infrastructure.Messaging;
using Portal.Tests.Support;

namespace Portal.Tests.Messaging;

/// <summary>Each person's own choices: only differences from the defaults are stored, and the next message follows them.</summary>
public class PreferenceServiceTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Switching_a_channel_on_stores_one_choice_and_switching_back_to_the_default_removes_it(string provider)
    {
        await using var harness = await MessagingHarness.CreateAsync(provider);
        var staff = await harness.AddUserAsync(null, Roles.Staff, email: MessagingHarness.NewEmail(), phone: MessagingHarness.NewPhone());

        var defaults = await AsAsync(harness, staff, p => p.GetAsync());
        var importFailed = defaults.Rows.Single(r => r.Type == MessageKinds.ImportFailed.Type);
        Assert.True(importFailed.Channels[MessageChannel.Email]);
        Assert.False(importFailed.Channels[MessageChannel.WhatsApp]);
        Assert.DoesNotContain(defaults.Rows, r => r.Type == MessageKinds.Test.Type);

        await AsAsync(harness, staff, p => p.SaveAsync(With(defaults, MessageKinds.ImportFailed.Type, MessageChannel.WhatsApp, true)));

        var stored = Assert.Single(await PreferencesAsync(harness));
        Assert.Equal((staff, "import.failed", MessageChannel.WhatsApp, true), (stored.UserId, stored.Type, stored.Channel, stored.Enabled));
        var saved = await AsAsync(harness, staff, p => p.GetAsync());
        Assert.True(saved.Rows.Single(r => r.Type == MessageKinds.ImportFailed.Type).Channels[MessageChannel.WhatsApp]);

        await AsAsync(harness, staff, p => p.SaveAsync(defaults));

        Assert.Empty(await PreferencesAsync(harness));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Saved_choices_and_quiet_hours_decide_the_next_message(string provider)
    {
        await using var harness = await MessagingHarness.CreateAsync(provider);
        var evening = MessagingHarness.Noon.Date.AddHours(21).AddMinutes(30);
        harness.Clock.Set(evening);
        var tenant = await harness.AddTenantAsync();
        var staff = await harness.AddUserAsync(null, Roles.Staff, email: MessagingHarness.NewEmail(), phone: MessagingHarness.NewPhone());
        var defaults = await AsAsync(harness, staff, p => p.GetAsync());
        var choices = With(defaults, MessageKinds.ImportFailed.Type, MessageChannel.WhatsApp, true);
        choices = With(choices, MessageKinds.ImportFailed.Type, MessageChannel.Email, false) with { QuietStart = new TimeOnly(22, 0), QuietEnd = new TimeOnly(6, 0) };

        await AsAsync(harness, staff, p => p.SaveAsync(choices));

        var saved = await AsAsync(harness, staff, p => p.GetAsync());
        Assert.Equal((new TimeOnly(22, 0), new TimeOnly(6, 0)), (saved.QuietStart, saved.QuietEnd));
        Assert.Equal(2, (await PreferencesAsync(harness)).Count);

        var queued = await harness.QueueAsync(MessagingHarness.ImportFailed(tenant, staff));

        Assert.Equal([MessageChannel.InApp, MessageChannel.WhatsApp], queued.Select(m => m.Channel).OrderBy(c => c));
        Assert.Equal(evening, queued.Single(m => m.Channel == MessageChannel.WhatsApp).NextAttemptAt);

        await AsAsync(harness, staff, p => p.SaveAsync(defaults));
        await using var db = harness.Database.NewContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == staff);
        Assert.Null(user.QuietHoursStart);
        Assert.Null(user.QuietHoursEnd);
    }

    private static MessagePreferences With(MessagePreferences preferences, string type, MessageChannel channel, bool on) =>
        preferences with
        {
            Rows = [.. preferences.Rows.Select(r => r.Type != type ? r : r with { Channels = new Dictionary<MessageChannel, bool>(r.Channels) { [channel] = on } })],
        };

    private static async Task<List<MessagePreference>> PreferencesAsync(MessagingHarness harness)
    {
        await using var db = harness.Database.NewContext();
        return await db.MessagePreferences.AsNoTracking().ToListAsync();
    }

    private static async Task<T> AsAsync<T>(MessagingHarness harness, Guid userId, Func<PreferenceService, Task<T>> action)
    {
        await using var scope = harness.Database.ActAs(userId, Roles.Staff, null);
        return await action(scope.ServiceProvider.GetRequiredService<PreferenceService>());
    }

    private static async Task AsAsync(MessagingHarness harness, Guid userId, Func<PreferenceService, Task> action)
    {
        await using var scope = harness.Database.ActAs(userId, Roles.Staff, null);
        await action(scope.ServiceProvider.GetRequiredService<PreferenceService>());
    }
}

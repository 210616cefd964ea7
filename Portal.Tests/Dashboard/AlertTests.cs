using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Domain.Common;
using Portal.Domain.Dashboard;
using Portal.Domain.Identity;
using Portal.Domain.Messaging;
using Portal.Domain.Onboarding;
using Portal.Infrastructure.Dashboard;
using Portal.Infrastructure.Messaging;
using Portal.Tests.Messaging;
using Portal.Tests.Support;

namespace Portal.Tests.Dashboard;

/// <summary>Alerts checked by the insights job, told through the outbox, and the alerts page's service, on both databases.</summary>
public class AlertTests
{
    private static readonly DateOnly Today = new(2026, 11, 15);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_run_opens_one_alert_per_condition_and_tells_the_owner_the_manager_and_whoever_opted_in(string provider)
    {
        await using var shop = await AlertShop.CreateAsync(provider);
        await shop.SwitchAllOnAsync();

        await shop.RunAsync();

        var firings = await shop.FiringsAsync();
        Assert.Equal(
            [
                (AlertKind.BelowReorderPoint, "STEADY", 10.0), (AlertKind.BelowReorderPoint, "EMPTY", 0), (AlertKind.StockOutSoon, "STEADY", 3),
                (AlertKind.StockOutSoon, "EMPTY", 0), (AlertKind.Dormant, "ASLEEP", 80),
            ],
            firings.Select(f => (f.Kind, shop.CodeOf(f.ProductId), f.Value)));
        Assert.All(firings, f => Assert.Equal((Today, Today, (DateOnly?)null), (f.FirstSeen, f.LastSeen, f.Resolved)));

        // Owner by e-mail, manager (phone only) by WhatsApp, the viewer on the SMS she chose; the member did not opt in.
        var messages = await shop.MessagesAsync();
        Assert.Equal(5 * 6, messages.Count);
        Assert.All(messages, m => Assert.Equal((MessageKinds.StockAlert.Type, (Guid?)shop.Fixture.TenantId, "/app/alerts"), (m.Type, m.TenantId, m.Link)));
        Assert.Equal(
            [(shop.Owner, MessageChannel.Email), (shop.Owner, MessageChannel.InApp), (shop.Manager, MessageChannel.InApp), (shop.Manager, MessageChannel.WhatsApp),
             (shop.Viewer, MessageChannel.InApp), (shop.Viewer, MessageChannel.Sms)],
            messages.Select(m => (m.UserId, m.Channel)).Distinct().OrderBy(x => x.UserId == shop.Owner ? 0 : x.UserId == shop.Manager ? 1 : 2).ThenBy(x => x.Channel.ToString()));
        var steady = shop.IdOf("STEADY");
        var sms = messages.Single(m => m.Channel == MessageChannel.Sms && m.DedupKey.EndsWith($"{steady:N}:StockOutSoon:2026-11-15", StringComparison.Ordinal));
        Assert.Equal("Portal : Produit STEADY, rupture prévue dans 3 jours.", sms.Body);
        var whatsApp = messages.Single(m => m.Channel == MessageChannel.WhatsApp && m.DedupKey.EndsWith($"{steady:N}:BelowReorderPoint:2026-11-15", StringComparison.Ordinal));
        Assert.Equal(["Produit STEADY", "plus que 10 unités en stock, seuil d'alerte atteint"], JsonSerializer.Deserialize<List<string>>(whatsApp.TemplateParameters!));
        Assert.Equal("Alerte : Stock sous le seuil d'alerte (Produit STEADY)", whatsApp.Subject);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Many_new_alerts_at_once_reach_each_person_as_one_summary_never_twice(string provider)
    {
        await using var shop = await AlertShop.CreateAsync(provider, withSales: false);
        var today = new DateOnly(2026, 11, 15);
        var products = Enumerable.Range(1, AlertEvaluator.MaxSeparateMessages + 3).Select(i => SalesFixture.Product($"LOW{i}", 1000, 600, 2, 10)).ToList();
        await shop.WriteAsync(products, products.Select((_, i) => (shop.Fixture.MainSite, i, today.AddDays(-1), 1)));
        await shop.SetRulesAsync(new AlertRuleSetting(AlertKind.BelowReorderPoint, true, null));

        await shop.RunAsync();
        await shop.RunAsync();

        Assert.Equal(products.Count, (await shop.FiringsAsync()).Count);
        var messages = await shop.MessagesAsync();
        Assert.Equal(messages.Count, messages.Select(m => (m.UserId, m.Channel)).Distinct().Count()); // one per person and channel
        Assert.Contains(messages, m => m.UserId == shop.Manager);
        Assert.All(messages, m => Assert.Contains($"{Labels.Of(AlertKind.BelowReorderPoint)} : {products.Count}", m.Subject + " " + m.Body, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_second_run_the_same_day_opens_nothing_and_sends_nothing_more_and_the_next_day_only_moves_last_seen(string provider)
    {
        await using var shop = await AlertShop.CreateAsync(provider);
        await shop.SwitchAllOnAsync();
        await shop.RunAsync();
        var first = await shop.FiringsAsync();

        await shop.RunAsync();

        Assert.Equal(first.Select(f => (f.Id, f.FirstSeen, f.LastSeen, f.Resolved)), (await shop.FiringsAsync()).Select(f => (f.Id, f.FirstSeen, f.LastSeen, f.Resolved)));
        Assert.Equal(30, (await shop.MessagesAsync()).Count);

        shop.Clock.Advance(TimeSpan.FromDays(1));
        await shop.RunAsync();

        var next = await shop.FiringsAsync();
        Assert.Equal(first.Select(f => f.Id), next.Select(f => f.Id));
        Assert.All(next, f => Assert.Equal((Today, Today.AddDays(1), (DateOnly?)null), (f.FirstSeen, f.LastSeen, f.Resolved)));
        Assert.Equal(81, next.Single(f => f.Kind == AlertKind.Dormant).Value);
        Assert.Equal(30, (await shop.MessagesAsync()).Count);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_alert_resolves_when_its_condition_ends_and_coming_back_the_same_day_is_not_told_twice(string provider)
    {
        await using var shop = await AlertShop.CreateAsync(provider);
        await shop.SetRulesAsync(new AlertRuleSetting(AlertKind.BelowReorderPoint, true, null));
        await shop.RunAsync();
        Assert.Equal(2 * 6, (await shop.MessagesAsync()).Count);

        await shop.RestockAsync("STEADY", 200); // a delivery
        await shop.RunAsync();

        var resolved = Assert.Single(await shop.FiringsAsync(), f => shop.CodeOf(f.ProductId) == "STEADY");
        Assert.Equal(Today, resolved.Resolved);
        Assert.Single(await shop.FiringsAsync(), f => f.IsOpen);

        // Sold out again the same day: a new alert, but the same product, rule and day are never told twice.
        await shop.RestockAsync("STEADY", 10);
        await shop.RunAsync();

        var steady = (await shop.FiringsAsync()).Where(f => shop.CodeOf(f.ProductId) == "STEADY").ToList();
        Assert.Equal(2, steady.Count);
        Assert.Single(steady, f => f.IsOpen);
        Assert.Equal(12, (await shop.MessagesAsync()).Count);

        // Another day, another stock-out: told again.
        await shop.RestockAsync("STEADY", 200);
        await shop.RunAsync();
        shop.Clock.Advance(TimeSpan.FromDays(1));
        await shop.RestockAsync("STEADY", 10);
        await shop.RunAsync();

        Assert.Equal(12 + 6, (await shop.MessagesAsync()).Count);
        Assert.Equal(Today.AddDays(1), (await shop.FiringsAsync()).Single(f => f.IsOpen && shop.CodeOf(f.ProductId) == "STEADY").FirstSeen);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_revenue_rule_compares_the_last_seven_complete_days_with_the_seven_before(string provider)
    {
        await using var shop = await AlertShop.CreateAsync(provider, withSales: false);
        var fixture = shop.Fixture;
        // Days 14 to 8 before today: 10 a day at 1,000 = 70,000. Days 7 to 1: 4 + 2 a day = 42,000, a 40 % drop.
        // Day 15 and today (not complete) sell 100 each and must not count.
        var lines = new List<(Guid, int, DateOnly, int)> { (fixture.MainSite, 0, Today.AddDays(-15), 100), (fixture.MainSite, 0, Today, 100) };
        for (var day = 1; day <= 14; day++)
        {
            lines.AddRange(day >= 8
                ? [(fixture.MainSite, 0, Today.AddDays(-day), 10)]
                : [(fixture.MainSite, 0, Today.AddDays(-day), 4), (fixture.Branch, 0, Today.AddDays(-day), 2)]);
        }

        await shop.WriteAsync([SalesFixture.Product("R", 1000, 600, 10_000, null)], lines);
        await shop.SetRulesAsync(new AlertRuleSetting(AlertKind.RevenueDrop, true, 41));
        await shop.RunAsync();
        Assert.Empty(await shop.FiringsAsync());

        await shop.SetRulesAsync(new AlertRuleSetting(AlertKind.RevenueDrop, true, 40));
        await shop.RunAsync();

        var firing = Assert.Single(await shop.FiringsAsync());
        Assert.Equal((AlertKind.RevenueDrop, (Guid?)null, 40.0), (firing.Kind, firing.ProductId, firing.Value));
        var sms = Assert.Single(await shop.MessagesAsync(), m => m.Channel == MessageChannel.Sms);
        Assert.Equal("Portal : Fixture Commerce SARL, chiffre d'affaires des 7 derniers jours en baisse de 40 % sur les 7 jours d'avant.", sms.Body);
        Assert.EndsWith("|company:RevenueDrop:2026-11-15", sms.DedupKey, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Sales_not_imported_yet_do_not_read_as_a_revenue_drop_but_an_import_without_them_does(string provider)
    {
        await using var shop = await AlertShop.CreateAsync(provider, withSales: false);
        // The same revenue every day, but the last import stopped 5 days ago.
        await shop.WriteAsync([SalesFixture.Product("R", 1000, 600, 10_000, null)],
            Enumerable.Range(5, 30).Select(day => (shop.Fixture.MainSite, 0, Today.AddDays(-day), 10)));
        await shop.SetRulesAsync(new AlertRuleSetting(AlertKind.RevenueDrop, true, 20));

        await shop.RunAsync();
        Assert.Empty(await shop.FiringsAsync());

        // An import that ran this morning and brought no sale for those days says they sold nothing: now it is a drop.
        await using (var db = shop.Database.NewContext())
        {
            var job = ImportJob.Append(shop.Fixture.TenantId, dryRun: false, includeDuplicates: false, "ventes.xlsx", 1000, "imports/x", shop.Owner, "Owner");
            job.Start(shop.Clock.UtcNow.AddHours(-1));
            job.Succeed("{}", 0, shop.Clock.UtcNow.AddHours(-1));
            db.ImportJobs.Add(job);
            await db.SaveChangesAsync();
        }

        await shop.RunAsync();
        Assert.Equal(AlertKind.RevenueDrop, Assert.Single(await shop.FiringsAsync()).Kind);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Switched_off_rules_fire_nothing_and_switching_one_off_resolves_its_alerts(string provider)
    {
        await using var shop = await AlertShop.CreateAsync(provider);

        await shop.RunAsync(); // the defaults: every rule off

        Assert.Empty(await shop.FiringsAsync());
        Assert.Empty(await shop.MessagesAsync());

        await shop.SetRulesAsync(new AlertRuleSetting(AlertKind.Dormant, true, 60));
        await shop.RunAsync();
        Assert.Equal("ASLEEP", shop.CodeOf(Assert.Single(await shop.FiringsAsync(), f => f.IsOpen).ProductId));

        await shop.SetRulesAsync(new AlertRuleSetting(AlertKind.Dormant, false, 60));
        await shop.RunAsync();

        Assert.Equal(Today, Assert.Single(await shop.FiringsAsync()).Resolved);
        Assert.Equal(6, (await shop.MessagesAsync()).Count);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Another_companys_products_never_fire_into_this_company(string provider)
    {
        await using var shop = await AlertShop.CreateAsync(provider);
        var other = await SalesFixture.CreateAsync(shop.Database, "Autre Commerce SARL");
        await other.WriteAsync([SalesFixture.Product("X", 500, 100, 0, 5)], [(other.MainSite, 0, Today.AddDays(-1), 1)], at: shop.Clock.UtcNow.AddDays(-200));
        var stranger = await shop.AddUserAsync(other.TenantId, Roles.Owner, email: MessagingHarness.NewEmail());
        await shop.SwitchAllOnAsync();
        await shop.SwitchAllOnAsync(other.TenantId);

        await shop.RunAsync();

        Assert.DoesNotContain(await shop.FiringsAsync(), f => shop.CodeOf(f.ProductId) == "?");
        Assert.DoesNotContain(await shop.MessagesAsync(), m => m.UserId == stranger);

        await shop.RunAsync(other.TenantId);

        await using var db = shop.Database.NewContext();
        var theirs = await db.AlertFirings.AsNoTracking().Where(f => f.TenantId == other.TenantId).ToListAsync();
        Assert.Equal(2, theirs.Count); // X: below its reorder point and out of stock
        Assert.All(await db.OutboxMessages.AsNoTracking().Where(m => m.TenantId == other.TenantId).ToListAsync(), m => Assert.Equal(stranger, m.UserId));
        await using var owner = shop.Fixture.As(Roles.Owner);
        var alerts = owner.ServiceProvider.GetRequiredService<AlertService>();
        var page = await alerts.FiringsAsync(AlertState.All, new PageRequest(0, 50));
        Assert.Equal(5, page.Total);
        Assert.DoesNotContain(page.Items, r => r.ProductCode == "X");
        Assert.Equal((5, 0), await alerts.CountsAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_manager_switches_a_rule_on_and_tunes_it_and_the_change_is_audited(string provider)
    {
        await using var shop = await AlertShop.CreateAsync(provider, withSales: false);
        await using var manager = shop.Fixture.As(Roles.Manager);
        var alerts = manager.ServiceProvider.GetRequiredService<AlertService>();
        Assert.Equal(
            [(AlertKind.BelowReorderPoint, false, null), (AlertKind.StockOutSoon, false, 7), (AlertKind.RevenueDrop, false, 20), (AlertKind.Dormant, false, (int?)60)],
            (await alerts.RulesAsync()).Select(r => (r.Kind, r.Enabled, r.Threshold)));

        await alerts.SaveAsync([new AlertRuleSetting(AlertKind.StockOutSoon, true, 10), new AlertRuleSetting(AlertKind.BelowReorderPoint, true, null)]);

        Assert.Equal(
            [(AlertKind.BelowReorderPoint, true, null), (AlertKind.StockOutSoon, true, 10), (AlertKind.RevenueDrop, false, 20), (AlertKind.Dormant, false, (int?)60)],
            (await alerts.RulesAsync()).Select(r => (r.Kind, r.Enabled, r.Threshold)));
        await using var db = shop.Database.NewContext();
        var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "change_alert_rules");
        Assert.Equal(shop.Fixture.TenantId, audit.TenantId);
        Assert.Contains("\"threshold\":10", audit.Details, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Members_and_viewers_read_the_alerts_but_cannot_change_the_rules(string provider)
    {
        await using var shop = await AlertShop.CreateAsync(provider);
        await shop.SwitchAllOnAsync();
        await shop.RunAsync();

        foreach (var role in new[] { Roles.Viewer, Roles.Member })
        {
            await using var scope = shop.Fixture.As(role);
            var alerts = scope.ServiceProvider.GetRequiredService<AlertService>();
            await Assert.ThrowsAsync<ForbiddenException>(() => alerts.SaveAsync([new AlertRuleSetting(AlertKind.Dormant, false, 60)]));
            Assert.All(await alerts.RulesAsync(), r => Assert.True(r.Enabled));
            Assert.Equal(5, (await alerts.FiringsAsync(AlertState.Open, new PageRequest(0, 20))).Total);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Thresholds_out_of_range_are_refused_together_in_French_and_nothing_is_saved(string provider)
    {
        await using var shop = await AlertShop.CreateAsync(provider, withSales: false);
        await using var owner = shop.Fixture.As(Roles.Owner);
        var alerts = owner.ServiceProvider.GetRequiredService<AlertService>();

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => alerts.SaveAsync(
            [new AlertRuleSetting(AlertKind.BelowReorderPoint, true, null), new AlertRuleSetting(AlertKind.StockOutSoon, true, 0), new AlertRuleSetting(AlertKind.Dormant, true, 400)]));

        Assert.Equal(["Le délai avant la rupture va de 1 à 90 jours.", "La durée sans vente va de 7 à 365 jours."], refused.Errors);
        Assert.All(await alerts.RulesAsync(), r => Assert.False(r.Enabled));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_list_shows_open_alerts_first_with_product_names_and_filters_by_state(string provider)
    {
        await using var shop = await AlertShop.CreateAsync(provider);
        await shop.SetRulesAsync(new AlertRuleSetting(AlertKind.BelowReorderPoint, true, null), new AlertRuleSetting(AlertKind.Dormant, true, 60));
        await shop.RunAsync();
        await shop.RestockAsync("STEADY", 200);
        shop.Clock.Advance(TimeSpan.FromDays(1));
        await shop.RunAsync();

        await using var viewer = shop.Fixture.As(Roles.Viewer);
        var alerts = viewer.ServiceProvider.GetRequiredService<AlertService>();
        var all = await alerts.FiringsAsync(AlertState.All, new PageRequest(0, 20));

        Assert.Equal(
            [("Produit EMPTY", "EMPTY", (DateOnly?)null), ("Produit ASLEEP", "ASLEEP", null), ("Produit STEADY", "STEADY", Today.AddDays(1))],
            all.Items.Select(r => (r.ProductName, r.ProductCode, r.Resolved)));
        Assert.Equal("Stock sous le seuil d'alerte", all.Items[0].Title);
        Assert.Equal("aucune vente depuis 81 jours", all.Items[1].Text);
        Assert.Equal(["STEADY"], (await alerts.FiringsAsync(AlertState.Resolved, new PageRequest(0, 20))).Items.Select(r => r.ProductCode));
        Assert.Equal(2, (await alerts.FiringsAsync(AlertState.Open, new PageRequest(0, 1))).Total);
        Assert.Equal((2, 1), await alerts.CountsAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Preferences_show_alerts_on_for_managers_and_off_for_members_until_they_choose_a_channel(string provider)
    {
        await using var shop = await AlertShop.CreateAsync(provider, withSales: false);

        var manager = await shop.PreferencesAsync(shop.Manager, p => p.GetAsync());
        var managerRow = manager.Rows.Single(r => r.Type == "stock.alert");
        Assert.Equal((false, true, false, false), (managerRow.OptIn, managerRow.Channels[MessageChannel.WhatsApp], managerRow.Channels[MessageChannel.Sms], managerRow.Channels[MessageChannel.Email]));
        var member = await shop.PreferencesAsync(shop.Member, p => p.GetAsync());
        var memberRow = member.Rows.Single(r => r.Type == "stock.alert");
        Assert.True(memberRow.OptIn);
        Assert.All(memberRow.Channels.Values, Assert.False);
        Assert.DoesNotContain(await shop.RecipientsAsync(), id => id == shop.Member);

        await shop.PreferencesAsync(shop.Member, async p =>
        {
            await p.SaveAsync(member with { Rows = [.. member.Rows.Select(r => r.Type != "stock.alert" ? r : r with { Channels = new Dictionary<MessageChannel, bool>(r.Channels) { [MessageChannel.Email] = true } })] });
            return 0;
        });

        Assert.Contains(await shop.RecipientsAsync(), id => id == shop.Member);
        Assert.True((await shop.PreferencesAsync(shop.Member, p => p.GetAsync())).Rows.Single(r => r.Type == "stock.alert").Channels[MessageChannel.Email]);
    }

    /// <summary>
    /// The insights fixture's company (a steady seller under its reorder point, one out of stock, a new one, one dormant
    /// for 80 days) on a clock set to 15 November 2026, 09:00 in Dakar, with an owner (e-mail), a manager (phone only), a
    /// member (e-mail) and a viewer (phone) who switched SMS on for alerts.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_monthly_report_reaches_only_those_who_asked_once_with_last_months_figures(string provider)
    {
        await using var shop = await AlertShop.CreateAsync(provider);
        await shop.RunAsync(); // today's stock statuses, which the message counts
        await using (var db = shop.Database.NewContext())
        {
            db.MessagePreferences.Add(new MessagePreference(shop.Member, MessageKinds.MonthlyReport.Type, MessageChannel.Email, true));
            await db.SaveChangesAsync();
        }

        shop.Clock.Set(new DateTime(2026, 11, 1, 7, 0, 0)); // the trigger's hour on the 1st (Dakar is on UTC): October's report
        await shop.RunMonthlyReportJobAsync();
        var october = new DateOnly(2026, 10, 1);
        Assert.Equal(0, await shop.SendMonthlyReportAsync(october)); // a retry or a second server sends nothing more
        Assert.Equal(0, await shop.SendMonthlyReportAsync(new DateOnly(2026, 3, 1))); // no sale that month: no message

        var messages = (await shop.MessagesAsync()).Where(m => m.Type == MessageKinds.MonthlyReport.Type).ToList(); // the member, by e-mail and in the app
        Assert.Equal([MessageChannel.Email, MessageChannel.InApp], messages.Select(m => m.Channel).OrderBy(c => c.ToString()));
        Assert.All(messages, m => Assert.Equal((shop.Member, "/app/reports"), (m.UserId, m.Link)));
        var email = messages.Single(m => m.Channel == MessageChannel.Email);
        Assert.Equal("Rapport mensuel (octobre 2026) : Fixture Commerce SARL", email.Subject);

        // October by hand: 31 days of STEADY (4 x 1,000) and EMPTY (2 x 500), and NEW (800) from the 26th; September 30 x 5,000.
        var french = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
        Assert.Contains($"Chiffre d'affaires : {Currency.Xof.Format(159_800)} (+{(159_800 / 150_000.0 - 1).ToString("P0", french)} par rapport à septembre), 192 unités vendues en 99 lignes.", email.Body, StringComparison.Ordinal);
        Assert.Contains("Aujourd'hui : 1 produit en rupture et 1 produit sous le seuil d'alerte.", email.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void The_monthly_message_names_the_products_that_need_attention()
    {
        Assert.Null(MonthlyReportJob.StockText(0, 0));
        Assert.Equal("Aujourd'hui : 2 produits en rupture", MonthlyReportJob.StockText(2, 0));
        Assert.Equal("Aujourd'hui : 1 produit sous le seuil d'alerte", MonthlyReportJob.StockText(0, 1));
    }

    private sealed class AlertShop : IAsyncDisposable
    {
        private readonly Dictionary<Guid, string> codes = [];

        private AlertShop(TestDatabase database, MutableClock clock, ErrorLog errors, SalesFixture fixture)
        {
            Database = database;
            Clock = clock;
            Errors = errors;
            Fixture = fixture;
        }

        public TestDatabase Database { get; }

        public MutableClock Clock { get; }

        public ErrorLog Errors { get; }

        public SalesFixture Fixture { get; }

        public Guid Owner { get; private set; }

        public Guid Manager { get; private set; }

        public Guid Member { get; private set; }

        public Guid Viewer { get; private set; }

        public static async Task<AlertShop> CreateAsync(string provider, bool withSales = true)
        {
            var clock = new MutableClock(new DateTime(2026, 11, 15, 9, 0, 0, DateTimeKind.Utc));
            var errors = new ErrorLog();
            var database = await TestDatabase.CreateAsync(provider, services: s =>
            {
                s.AddSingleton<TimeProvider>(clock);
                s.AddSingleton<ILoggerProvider>(errors);
            });
            var shop = new AlertShop(database, clock, errors, await SalesFixture.CreateAsync(database));
            shop.Owner = await shop.AddUserAsync(shop.Fixture.TenantId, Roles.Owner, email: MessagingHarness.NewEmail());
            shop.Manager = await shop.AddUserAsync(shop.Fixture.TenantId, Roles.Manager, phone: MessagingHarness.NewPhone());
            shop.Member = await shop.AddUserAsync(shop.Fixture.TenantId, Roles.Member, email: MessagingHarness.NewEmail());
            shop.Viewer = await shop.AddUserAsync(shop.Fixture.TenantId, Roles.Viewer, phone: MessagingHarness.NewPhone());
            await using (var db = database.NewContext())
            {
                db.MessagePreferences.Add(new MessagePreference(shop.Viewer, MessageKinds.StockAlert.Type, MessageChannel.Sms, true));
                await db.SaveChangesAsync();
            }

            if (withSales)
            {
                await shop.WriteSalesAsync();
            }

            return shop;
        }

        public async Task WriteAsync(IReadOnlyList<Portal.Domain.Onboarding.Import.ProductLine> products, IEnumerable<(Guid, int, DateOnly, int)> lines)
        {
            // Listed long ago: "never sold" counts from the listing day.
            await Fixture.WriteAsync(products, lines, at: Clock.UtcNow.AddDays(-200));
            foreach (var p in products)
            {
                codes[p.Id] = p.Code;
            }
        }

        public string CodeOf(Guid? productId) => productId is { } id ? codes.GetValueOrDefault(id, "?") : "-";

        public Guid IdOf(string code) => codes.Single(c => c.Value == code).Key;

        /// <summary>The insights job's work for one company, as after an import or at night.</summary>
        public async Task RunAsync(Guid? tenantId = null)
        {
            await using var scope = Database.Services.CreateAsyncScope();
            var job = ActivatorUtilities.CreateInstance<InsightsJob>(scope.ServiceProvider);
            await job.RefreshAsync(tenantId ?? Fixture.TenantId);
            Assert.True(Errors.IsEmpty, string.Join('\n', Errors));
        }

        public Task SwitchAllOnAsync(Guid? tenantId = null) => SetRulesAsync(tenantId, [.. AlertRule.Kinds.Select(k => new AlertRuleSetting(k, true, AlertRule.ThresholdOf(k)?.Default))]);

        public Task SetRulesAsync(params AlertRuleSetting[] settings) => SetRulesAsync(null, settings);

        public async Task<List<AlertFiring>> FiringsAsync()
        {
            await using var db = Database.NewContext();
            var order = AlertRule.Kinds.ToList();
            return [.. (await db.AlertFirings.AsNoTracking().Where(f => f.TenantId == Fixture.TenantId).ToListAsync())
                .OrderBy(f => order.IndexOf(f.Kind)).ThenBy(f => f.FirstSeen).ThenBy(f => CodeOrder(CodeOf(f.ProductId)))];
        }

        public async Task<List<OutboxMessage>> MessagesAsync()
        {
            await using var db = Database.NewContext();
            return await db.OutboxMessages.AsNoTracking().Where(m => m.TenantId == Fixture.TenantId).ToListAsync();
        }

        public async Task RestockAsync(string code, int stock)
        {
            await using var db = Database.NewContext();
            await db.Products.Where(p => p.TenantId == Fixture.TenantId && p.Code == code).ExecuteUpdateAsync(s => s.SetProperty(p => p.CurrentStock, stock));
        }

        public async Task RunMonthlyReportJobAsync()
        {
            await using var scope = Database.Services.CreateAsyncScope();
            await ActivatorUtilities.CreateInstance<MonthlyReportJob>(scope.ServiceProvider).RunAsync();
            Assert.True(Errors.IsEmpty, string.Join('\n', Errors));
        }

        public async Task<int> SendMonthlyReportAsync(DateOnly month)
        {
            await using var scope = Database.Services.CreateAsyncScope();
            return await ActivatorUtilities.CreateInstance<MonthlyReportJob>(scope.ServiceProvider).SendAsync(Fixture.TenantId, month);
        }

        public async Task<List<Guid>> RecipientsAsync()
        {
            await using var db = Database.NewContext();
            return await TenantRecipients.ForAsync(db, Fixture.TenantId, MessageKinds.StockAlert);
        }

        public async Task<T> PreferencesAsync<T>(Guid userId, Func<PreferenceService, Task<T>> act)
        {
            await using var db = Database.NewContext();
            var role = await db.Users.Where(u => u.Id == userId).Select(u => u.Role).SingleAsync();
            await using var scope = Database.ActAs(userId, role, Fixture.TenantId);
            return await act(scope.ServiceProvider.GetRequiredService<PreferenceService>());
        }

        public Task<Guid> AddUserAsync(Guid tenantId, string role, string? email = null, string? phone = null) =>
            Database.AddUserAsync(tenantId, role, email, phone, firstName: role, createdAt: Clock.UtcNow);

        public ValueTask DisposeAsync() => Database.DisposeAsync();

        private static int CodeOrder(string code) => Array.IndexOf(["STEADY", "EMPTY", "NEW", "ASLEEP"], code);

        private async Task SetRulesAsync(Guid? tenantId, AlertRuleSetting[] settings)
        {
            await using var manager = Database.ActAs(Guid.NewGuid(), Roles.Manager, tenantId ?? Fixture.TenantId);
            await manager.ServiceProvider.GetRequiredService<AlertService>().SaveAsync(settings);
        }

        // InsightsTests' company: a steady seller (4 a day for 100 days, 10 left, reorder at 12), an empty one selling
        // 2 a day, a new one (20 days), a dormant one (last sale 80 days ago).
        private Task WriteSalesAsync()
        {
            var products = new[]
            {
                SalesFixture.Product("STEADY", 1000, 600, 10, 12, "Boissons"),
                SalesFixture.Product("EMPTY", 500, null, 0, 5),
                SalesFixture.Product("NEW", 800, 500, 50, 5),
                SalesFixture.Product("ASLEEP", 900, 300, 30, 5),
            };
            var lines = new List<(Guid, int, DateOnly, int)>();
            for (var day = 1; day <= 100; day++)
            {
                lines.Add((Fixture.MainSite, 0, Today.AddDays(-day), 3));
                lines.Add((Fixture.Branch, 0, Today.AddDays(-day), 1));
                lines.Add((Fixture.MainSite, 1, Today.AddDays(-day), 2));
                if (day <= 20)
                {
                    lines.Add((Fixture.MainSite, 2, Today.AddDays(-day), 1));
                }

                if (day >= 80)
                {
                    lines.Add((Fixture.MainSite, 3, Today.AddDays(-day), 1));
                }
            }

            return WriteAsync(products, lines);
        }
    }

    /// <summary>Errors the job logged (it logs failures instead of throwing them, so one company never stops the night).</summary>
    private sealed class ErrorLog : ConcurrentQueue<string>, ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(ErrorLog log, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    log.Enqueue($"{category}: {formatter(state, exception)} {exception}");
                }
            }
        }
    }
}

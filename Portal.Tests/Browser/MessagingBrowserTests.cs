using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Tests.Support;

namespace Portal.Tests.Browser;

[Collection("browser")]
public partial class MessagingBrowserTests(AppServer app) : IClassFixture<AppServer>
{
    [BrowserFact]
    public async Task A_staff_member_sends_a_test_email_and_reads_it_in_the_local_sink_while_the_bell_rings()
    {
        var page = await app.NewPageAsync(1440);
        await SignInAsync(page, "admin@portal.local", "Plateforme2026x", "/admin");
        await page.GotoAsync(app.BaseUrl + "/admin/messages");
        await AppServer.WaitInteractiveAsync(page);

        await AppServer.ChooseAsync(page, "Canal du test", "E-mail");
        await page.ClickAsync("#send-test");

        // Delivered to the local sink (no SMTP server is configured) and shown live, without reloading.
        var row = page.Locator(".messages-grid tbody tr", new() { HasText = "admin@portal.local" });
        await row.GetByText("Envoyé").WaitForAsync();
        Assert.Contains("local", await row.InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { NameRegex = BellWithUnread() }).WaitForAsync();

        await row.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Voir le message") }).ClickAsync();
        var frame = page.Locator("#message-detail iframe.email-frame");
        await frame.WaitForAsync();
        Assert.Equal(string.Empty, await frame.GetAttributeAsync("sandbox"));
        Assert.Contains("Bonjour Admin", await page.FrameLocator("#message-detail iframe.email-frame").Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        await AppServer.ScreenshotAsync(page, "messages-email-1440");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "message viewer");

        // Staff have no phone number here: an SMS test goes in-app only, and says why.
        await AppServer.ChooseAsync(page, "Canal du test", "SMS");
        await page.ClickAsync("#send-test");
        await page.GetByText("pas de numéro de téléphone pour SMS").First.WaitForAsync();
        await AppServer.ChooseAsync(page, "Statut", "Envoyé");
        await page.Locator(".messages-grid tbody tr").Nth(2).WaitForAsync();
    }

    [BrowserFact]
    public async Task A_tenant_users_bell_counts_up_live_on_every_open_tab_when_a_message_reaches_them()
    {
        var phone = await app.NewPageAsync(390, 844);
        await SignInAsync(phone, "awa.diop@demo.sn", "Diop2026xyz", "/app");
        var laptop = await app.NewPageAsync(1440);
        await app.SignInAsync(laptop, "awa.diop@demo.sn", "Diop2026xyz");
        await AppServer.WaitInteractiveAsync(phone);
        await AppServer.WaitInteractiveAsync(laptop);
        Assert.Equal(0, await phone.GetByRole(AriaRole.Button, new() { NameRegex = BellWithUnread() }).CountAsync());

        // Someone guesses her password five times from elsewhere: the lock notice reaches both open tabs, no reload.
        var stranger = await app.NewPageAsync(1440);
        for (var guess = 1; guess <= 5; guess++)
        {
            await app.SignInAsync(stranger, "awa.diop@demo.sn", $"Devine{guess}abc");
        }

        await phone.GetByRole(AriaRole.Button, new() { NameRegex = BellWithUnread() }).WaitForAsync();
        await laptop.GetByRole(AriaRole.Button, new() { NameRegex = BellWithUnread() }).WaitForAsync();

        // The notifications page lists it unread; marking it read clears the other tab's count too.
        await phone.GotoAsync(app.BaseUrl + "/app/notifications");
        await AppServer.WaitInteractiveAsync(phone);
        await phone.GetByText("Votre compte a été verrouillé").WaitForAsync();
        await AppServer.ScreenshotAsync(phone, "notifications-390");
        await Accessibility.AssertNoSeriousViolationsAsync(phone, "notifications page, 390 px");
        await phone.ClickAsync("#mark-all-read");
        await laptop.GetByRole(AriaRole.Button, new() { Name = "Notifications", Exact = true }).WaitForAsync();

        // Her preferences: e-mail by default (she has an address), WhatsApp unavailable without a phone number.
        await phone.GotoAsync(app.BaseUrl + "/app/profile/notifications");
        await AppServer.WaitInteractiveAsync(phone);
        Assert.True(await phone.IsCheckedAsync("#pref-account\\.locked-email"));
        Assert.True(await phone.IsDisabledAsync("#pref-account\\.locked-whatsapp"));
        await phone.UncheckAsync("#pref-account\\.device_locked-email");
        await phone.FillAsync("#quiet-start", "22:00");
        await phone.ClickAsync("#save-preferences");
        await phone.GetByText("Préférences enregistrées.").WaitForAsync();
        await phone.ReloadAsync();
        await AppServer.WaitInteractiveAsync(phone);
        Assert.Equal("22:00", await phone.InputValueAsync("#quiet-start"));
        await AppServer.ScreenshotAsync(phone, "preferences-390");
        await Accessibility.AssertNoSeriousViolationsAsync(phone, "preferences page, 390 px");
    }

    private async Task SignInAsync(IPage page, string identifier, string password, string home)
    {
        var temporary = app.PasswordOf(identifier);
        await app.SignInAsync(page, identifier, temporary);
        await app.ChangePasswordAsync(page, temporary, password);
        app.PasswordChanged(identifier, password);
        Assert.EndsWith(home, page.Url, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^Notifications, \d+ non lue")]
    private static partial Regex BellWithUnread();
}

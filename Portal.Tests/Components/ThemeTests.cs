using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using MudBlazor.Utilities;
using Portal.Domain.Identity;
using Portal.Infrastructure.Identity;
using Portal.Tests.Support;
using Portal.Web.Components.Layout;
using Portal.Web.Components.Theme;

namespace Portal.Tests.Components;

public class ThemeTests
{
    public static TheoryData<string?> BrandColors => [null, "#0B5CAD", "#FFD54F", "#E91E63", "#00A86B", "#101010", "#FFFFFF"];

    [Theory]
    [MemberData(nameof(BrandColors))]
    public void Every_text_and_background_pair_passes_WCAG_AA_in_both_palettes_whatever_the_brand_colour(string? brand)
    {
        var theme = PortalTheme.Create(brand, dark: false);
        foreach (Palette palette in new Palette[] { theme.PaletteLight, theme.PaletteDark })
        {
            var pairs = new List<(string Name, MudColor Text, MudColor Background)>
            {
                ("text on background", palette.TextPrimary, palette.Background),
                ("text on surface", palette.TextPrimary, palette.Surface),
                ("secondary text on background", palette.TextSecondary, palette.Background),
                ("secondary text on surface", palette.TextSecondary, palette.Surface),
                ("disabled text on surface", palette.TextDisabled, palette.Surface),
                ("app bar", palette.AppbarText, palette.AppbarBackground),
                ("drawer", palette.DrawerText, palette.DrawerBackground),
            };
            foreach (var (name, colour, text) in new (string, MudColor, MudColor)[]
            {
                ("primary", palette.Primary, palette.PrimaryContrastText),
                ("secondary", palette.Secondary, palette.SecondaryContrastText),
                ("tertiary", palette.Tertiary, palette.TertiaryContrastText),
                ("info", palette.Info, palette.InfoContrastText),
                ("success", palette.Success, palette.SuccessContrastText),
                ("warning", palette.Warning, palette.WarningContrastText),
                ("error", palette.Error, palette.ErrorContrastText),
                ("dark", palette.Dark, palette.DarkContrastText),
            })
            {
                pairs.Add(($"text on filled {name}", text, colour));
                pairs.Add(($"{name} text on surface", colour, palette.Surface));
                pairs.Add(($"{name} text on background", colour, palette.Background));
            }

            Assert.All(pairs, pair => Assert.True(ColorContrast.Ratio(pair.Text, pair.Background) >= ColorContrast.AaText,
                $"{(palette is PaletteDark ? "dark" : "light")} palette, brand {brand ?? "default"}: {pair.Name} is {ColorContrast.Ratio(pair.Text, pair.Background):0.00}:1"));
        }
    }

    [Fact]
    public void The_brand_colour_is_kept_when_it_already_passes_and_nudged_when_it_does_not()
    {
        Assert.Equal("#0B5CAD", ColorContrast.Hex(PortalTheme.Create("#0B5CAD", dark: false).PaletteLight.Primary));
        var pale = PortalTheme.Create("#FFD54F", dark: false).PaletteLight.Primary;
        Assert.NotEqual("#FFD54F", ColorContrast.Hex(pale));
        Assert.True(ColorContrast.Ratio(pale, new MudColor("#FFFFFF")) >= 4.5);
    }

    [Fact]
    public void The_dark_palette_is_scoped_to_the_body_class_and_the_light_one_to_the_root()
    {
        Assert.Equal(":root", PortalTheme.Create(null, dark: false).PseudoCss.Scope);
        Assert.Equal(":is(body.portal-dark)", PortalTheme.Create(null, dark: true).PseudoCss.Scope);
    }

    [Fact]
    public async Task Choosing_a_theme_applies_it_in_the_browser_and_keeps_it_for_the_person()
    {
        await using var database = await TestDatabase.CreateAsync(Providers.Sqlite);
        var userId = Guid.NewGuid();
        await using (var db = database.NewContext())
        {
            db.Users.Add(new PortalUser { Id = userId, UserName = "awa@demo.sn", Role = Roles.Staff, FirstName = "Awa", LastName = "Diop" });
            await db.SaveChangesAsync();
        }

        await using var scope = database.ActAs(userId, Roles.Staff, null);
        await using var ctx = ComponentTest.Create(scope.ServiceProvider);
        ctx.JSInterop.Setup<string>("portal.themePreference").SetResult("system");
        var menu = ctx.Render<ThemeMenu>();

        menu.WaitForAssertion(() => Assert.Equal("true", menu.Find(".theme-system").GetAttribute("aria-pressed")));
        await menu.Find(".theme-dark").ClickAsync(new());
        Assert.Equal("true", menu.Find(".theme-dark").GetAttribute("aria-pressed"));

        Assert.Equal("dark", ctx.JSInterop.VerifyInvoke("portal.setTheme").Arguments[0]);
        await using (var db = database.NewContext())
        {
            Assert.Equal("dark", (await db.Users.SingleAsync(u => u.Id == userId)).Theme);
        }

        await menu.Find(".theme-system").ClickAsync(new());
        Assert.Equal("system", ctx.JSInterop.VerifyInvoke("portal.setTheme", 2)[1].Arguments[0]);
        await using (var db = database.NewContext())
        {
            Assert.Null((await db.Users.SingleAsync(u => u.Id == userId)).Theme);
        }
    }
}

using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using MudBlazor;
using Portal.Web.Components.Shared;

namespace Portal.Tests.Components;

public partial class FrenchMudLocalizerTests
{
    [Fact]
    public void Every_MudBlazor_text_has_a_French_translation_with_the_same_placeholders()
    {
        var resources = new ResourceManager("MudBlazor.Resources.LanguageResource", typeof(MudLocalizer).Assembly)
            .GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!;
        var localizer = new FrenchMudLocalizer();
        var english = resources.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);

        Assert.NotEmpty(english);
        Assert.All(english, entry =>
        {
            var french = localizer[entry.Key];
            Assert.False(french.ResourceNotFound, $"{entry.Key} has no French text");
            Assert.Equal(Placeholders(entry.Value), Placeholders(french.Value));
        });
        Assert.Equal("Lignes par page :", localizer["MudDataGridPager_RowsPerPage"].Value);
        Assert.Equal("1-25 sur 120", localizer["MudDataGridPager_InfoFormat", 1, 25, 120].Value);
    }

    private static string Placeholders(string text) => string.Join(",", PlaceholderPattern().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal));

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}

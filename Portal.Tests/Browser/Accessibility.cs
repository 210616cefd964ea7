using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Portal.Tests.Browser;

internal static class Accessibility
{
    /// <summary>axe-core on the page as it is: no serious or critical violation (WCAG AA contrast, labels, roles...).</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string where)
    {
        // Frames are left out: the message viewer shows e-mails in a sandboxed frame where axe's script cannot run, and
        // waits for an answer from it that never comes.
        var result = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions { Iframes = false });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{where}: " + string.Join("\n", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} -> {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }
}

using Portal.Domain.Common;
using Portal.Infrastructure.Dashboard.Documents;

namespace Portal.Tests.Dashboard.Documents;

public class DocumentTextTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(850, "850")]
    [InlineData(12_000, "12\u00A0k")]
    [InlineData(2_500, "2,5\u00A0k")]
    [InlineData(1_200_000, "1,2\u00A0M")]
    [InlineData(1_250_000, "1,3\u00A0M")]
    [InlineData(3_000_000_000, "3\u00A0Md")]
    [InlineData(-2_500, "-2,5\u00A0k")]
    [InlineData(999_950, "1\u00A0M")]
    [InlineData(999_960_000, "1\u00A0Md")]
    public void Chart_amounts_are_abbreviated_the_french_way(long amount, string expected) =>
        Assert.Equal(expected, Currency.Abbreviate(amount));

    [Theory]
    [InlineData(0, 250, 1_000)]
    [InlineData(655_000, 200_000, 800_000)]
    [InlineData(90, 25, 100)]
    [InlineData(1_000_000, 250_000, 1_000_000)]
    public void The_chart_scale_steps_by_round_amounts(long max, long step, long top) =>
        Assert.Equal((step, top), ((long)RevenueChart.Scale(max).Step, (long)RevenueChart.Scale(max).Top));

    [Fact]
    public void Months_and_days_are_french() =>
        Assert.Equal(("novembre 2026", "1\u00A0févr."), (FrenchText.Month(new DateOnly(2026, 11, 1)), FrenchText.ShortDay(new DateOnly(2027, 2, 1))));

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+221 77", "'+221 77")]
    [InlineData("-2 cartons", "'-2 cartons")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("Café = bon", "Café = bon")]
    [InlineData("", "")]
    public void Text_that_a_spreadsheet_could_run_is_prefixed(string text, string expected) =>
        Assert.Equal(expected, SpreadsheetText.Neutralise(text));
}

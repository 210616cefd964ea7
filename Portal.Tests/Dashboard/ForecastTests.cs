using Portal.Domain.Dashboard;

namespace Portal.Tests.Dashboard;

public class ForecastTests
{
    [Theory]
    [InlineData(0.12, "Fiable (écart moyen 12\u00A0%)")]
    [InlineData(0.25, "Fiable (écart moyen 25\u00A0%)")]
    [InlineData(0.35, "Indicatif (écart moyen 35\u00A0%)")]
    [InlineData(0.5, "Indicatif (écart moyen 50\u00A0%)")]
    [InlineData(0.8, "Peu fiable (écart moyen 80\u00A0%)")]
    [InlineData(2.345, "Peu fiable (écart moyen 235\u00A0%)")]
    public void The_trust_label_puts_the_accuracy_in_words(double wape, string label)
    {
        Assert.Equal(label, Flat(1, wape).TrustLabel);
    }

    [Fact]
    public void A_forecast_without_an_accuracy_has_no_trust_label()
    {
        Assert.Null(Flat(1, wape: null).TrustLabel);
    }

    [Theory]
    [InlineData(ForecastMethod.MovingAverage, "Moyenne des 4 dernières semaines")]
    [InlineData(ForecastMethod.SimpleSmoothing, "Lissage exponentiel simple")]
    [InlineData(ForecastMethod.SeasonalSmoothing, "Lissage exponentiel avec saisonnalité hebdomadaire")]
    [InlineData(ForecastMethod.NoSales, "Aucune vente")]
    public void Each_method_has_a_french_name(ForecastMethod method, string label)
    {
        Assert.Equal(label, new Forecast(method, [], null, 0).MethodLabel);
    }

    [Fact]
    public void Next_adds_up_the_first_days()
    {
        var forecast = new Forecast(ForecastMethod.SimpleSmoothing, Enumerable.Range(1, 30).Select(day => (double)day).ToArray(), 0.1, 1);

        Assert.Equal(0, forecast.Next(0));
        Assert.Equal(28, forecast.Next(7));
        Assert.Equal(465, forecast.Next(30));
        Assert.Throws<ArgumentOutOfRangeException>(() => forecast.Next(-1));
    }

    [Fact]
    public void Beyond_the_horizon_each_day_counts_as_the_average_day_of_the_last_whole_weeks()
    {
        // Days 3 to 30 are the last four whole weeks: 16.5 a day on average.
        var forecast = new Forecast(ForecastMethod.SimpleSmoothing, Enumerable.Range(1, 30).Select(day => (double)day).ToArray(), 0.1, 1);

        Assert.Equal(465 + (2 * 16.5), forecast.Next(32), 9);
    }

    private static Forecast Flat(double perDay, double? wape) => new(ForecastMethod.MovingAverage, Enumerable.Repeat(perDay, 30).ToArray(), wape, 0);
}

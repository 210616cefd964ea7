using Portal.Domain.Dashboard;

namespace Portal.Tests.Dashboard;

public class ReorderPlannerTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    [Theory]
    [InlineData(9, 2)]
    [InlineData(10, 3)]
    [InlineData(12, 3)]
    [InlineData(15, 4)]
    [InlineData(149, 30)]
    public void Stock_runs_out_on_the_first_day_the_forecast_demand_exceeds_it(int stock, int days)
    {
        Assert.Equal(Today.AddDays(days), ReorderPlanner.Plan(stock, Flat(5), Today).StockOutDate);
    }

    [Fact]
    public void An_empty_stock_runs_out_today()
    {
        var advice = ReorderPlanner.Plan(0, Flat(5), Today);

        Assert.Equal(Today, advice.StockOutDate);
        Assert.Equal(70, advice.SuggestedQuantity);
        Assert.StartsWith("Le produit est en rupture de stock aujourd'hui.", advice.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stock_that_outlasts_the_horizon_has_no_stock_out_date_and_needs_no_order()
    {
        var advice = ReorderPlanner.Plan(150, Flat(5), Today);

        Assert.Null(advice.StockOutDate);
        Assert.Equal(0, advice.SuggestedQuantity);
        Assert.Equal(
            "Au rythme prévu (environ 5 par jour), le stock de 150 unités couvre les 30 jours à venir. Le stock couvre le délai de livraison (7 jours) et le stock de sécurité (7 jours) : pas de commande nécessaire pour l'instant.",
            advice.Explanation);
    }

    [Fact]
    public void The_order_covers_the_lead_time_and_the_safety_stock_minus_what_is_on_hand()
    {
        var advice = ReorderPlanner.Plan(12, Flat(5), Today);

        Assert.Equal(58, advice.SuggestedQuantity);
        Assert.Equal(
            "Au rythme prévu (environ 5 par jour), la rupture de stock est prévue le 05/03/2026. Commandez 58 unités pour couvrir le délai de livraison (7 jours) et le stock de sécurité (7 jours) : la demande prévue sur 14 jours est de 70 unités, moins 12 unités en stock.",
            advice.Explanation);
    }

    [Fact]
    public void A_part_of_a_unit_is_ordered_as_a_whole_unit()
    {
        Assert.Equal(16, ReorderPlanner.Plan(0, Flat(1.1), Today).SuggestedQuantity);
        Assert.Equal(5, ReorderPlanner.Plan(11, Flat(1.1), Today).SuggestedQuantity);
    }

    [Fact]
    public void A_whole_number_of_units_is_not_rounded_up_by_the_arithmetic()
    {
        // 0.7 added ten times is 7.000000000000001.
        Assert.Equal(7, ReorderPlanner.Plan(0, Flat(0.7), Today, leadTimeDays: 5, safetyDays: 5).SuggestedQuantity);
    }

    [Fact]
    public void Lead_time_and_safety_beyond_the_horizon_extend_the_average_day()
    {
        Assert.Equal((45 * 5) - 12, ReorderPlanner.Plan(12, Flat(5), Today, leadTimeDays: 30, safetyDays: 15).SuggestedQuantity);
    }

    [Fact]
    public void A_negative_stock_is_ordered_back_too()
    {
        var advice = ReorderPlanner.Plan(-3, Flat(5), Today);

        Assert.Equal(Today, advice.StockOutDate);
        Assert.Equal(73, advice.SuggestedQuantity);
    }

    [Fact]
    public void Without_enough_history_nothing_is_proposed()
    {
        var forecast = DemandForecaster.Forecast(new double[20]);

        var advice = ReorderPlanner.Plan(8, forecast, Today);
        Assert.Equal((null, 0), (advice.StockOutDate, advice.SuggestedQuantity));
        Assert.Contains("trop court", advice.Explanation, StringComparison.Ordinal);

        Assert.Equal(Today, ReorderPlanner.Plan(0, forecast, Today).StockOutDate);
    }

    [Fact]
    public void A_product_that_never_sold_needs_no_order()
    {
        var advice = ReorderPlanner.Plan(8, DemandForecaster.Forecast(new double[60]), Today);

        Assert.Equal((null, 0), (advice.StockOutDate, advice.SuggestedQuantity));
        Assert.Equal("Aucune vente n'a été enregistrée : aucune commande n'est proposée.", advice.Explanation);
    }

    [Fact]
    public void A_product_selling_four_a_day_with_twenty_in_stock_runs_out_in_six_days()
    {
        var forecast = DemandForecaster.Forecast(Enumerable.Repeat(4.0, 120).ToArray());

        var advice = ReorderPlanner.Plan(20, forecast, Today);

        Assert.Equal(Today.AddDays(6), advice.StockOutDate);
        Assert.Equal((4 * 14) - 20, advice.SuggestedQuantity);
    }

    private static Forecast Flat(double perDay) => new(ForecastMethod.MovingAverage, Enumerable.Repeat(perDay, 30).ToArray(), 0.1, 1);
}

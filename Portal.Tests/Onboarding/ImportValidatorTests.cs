using Portal.Domain.Common;
using Portal.Domain.Onboarding;
using Portal.Domain.Onboarding.Import;
using Portal.Domain.Spreadsheets;

namespace Portal.Tests.Onboarding;

/// <summary>The seed's import rules, one by one, with the French message the user reads.</summary>
public class ImportValidatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    private static RawCell T(string? value) => value is null ? RawCell.Empty : new RawCell(CellKind.Text, value);

    private static RawCell N(double value) => new(CellKind.Number, value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static ImportValidator WithProduct(IReadOnlySet<string>? existing = null)
    {
        var validator = new ImportValidator(Currency.Xof, Today, existing);
        validator.AddProduct(2, [T("P001"), T("Riz"), T("Alimentation"), N(1000), N(800), N(10), N(2)]);
        return validator;
    }

    private static string SingleMessage(ImportValidator validator) => Assert.Single(validator.Issues).Message;

    [Fact]
    public void Accepts_a_complete_product()
    {
        var validator = WithProduct();
        Assert.True(validator.IsValid);
        var product = Assert.Single(validator.Products)!;
        Assert.Equal(("P001", 1000L, 800L, 10, 2), (product.Code, product.UnitPrice, product.CostPrice!.Value, product.Stock, product.ReorderPoint!.Value));
    }

    [Fact]
    public void Rejects_a_duplicate_code_in_the_file_naming_the_first_row()
    {
        var validator = WithProduct();
        validator.AddProduct(3, [T("p001"), T("Riz 2"), T(null), N(900), T(null), T(null), T(null)]);
        Assert.Equal("Le code « p001 » apparaît déjà à la ligne 2 : chaque code doit être unique.", SingleMessage(validator));
    }

    [Fact]
    public void Rejects_a_code_the_company_already_has()
    {
        var validator = WithProduct(new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "p001" });
        Assert.Equal("Le code « P001 » existe déjà pour cette entreprise.", SingleMessage(validator));
    }

    [Fact]
    public void Reads_dots_that_group_thousands_as_thousands_in_francs_stocks_and_quantities()
    {
        var validator = new ImportValidator(Currency.Xof, Today);
        validator.AddProduct(2, [T("P1"), T("Riz"), T(null), T("85.000"), T("18.400"), T("2.000"), T("1.000")]);
        validator.AddSale(2, [T("2026-11-20"), T("P1"), T("1.000"), T("85.000"), T("85.000.000")]);

        Assert.True(validator.IsValid, string.Join(" ", validator.Issues.Select(i => i.Message)));
        var product = Assert.Single(validator.Products)!;
        Assert.Equal((85_000L, 18_400L, 2_000, 1_000), (product.UnitPrice, product.CostPrice!.Value, product.Stock, product.ReorderPoint!.Value));
        Assert.Equal((1_000, 85_000_000L), (validator.Sales[0].Quantity, validator.Sales[0].TotalAmount));
    }

    [Fact]
    public void Refuses_a_euro_price_that_could_be_read_two_ways()
    {
        var validator = new ImportValidator(Currency.Eur, Today);
        validator.AddProduct(2, [T("P1"), T("Riz"), T(null), T("1.500"), T(null), T(null), T(null)]);
        Assert.StartsWith("« 1.500 » est ambigu : 1500 ou 1,5 ?", SingleMessage(validator), StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_only_the_start_of_a_huge_refused_value()
    {
        var validator = new ImportValidator(Currency.Xof, Today);
        var huge = new string('9', 20_000) + "x";
        validator.AddProduct(2, [T("P1"), T("Riz"), T(null), T(huge), T(null), T(null), T(null)]);

        var issue = Assert.Single(validator.Issues);
        Assert.Equal(101, issue.Value!.Length);
        Assert.EndsWith("…", issue.Value, StringComparison.Ordinal);
        Assert.True(issue.Message.Length < 200, issue.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Rejects_a_sale_price_that_is_not_positive(double price)
    {
        var validator = new ImportValidator(Currency.Xof, Today);
        validator.AddProduct(2, [T("P1"), T("X"), T(null), N(price), T(null), T(null), T(null)]);
        Assert.Equal("Le prix de vente doit être supérieur à 0.", SingleMessage(validator));
    }

    [Fact]
    public void Rejects_a_negative_cost_price()
    {
        var validator = new ImportValidator(Currency.Xof, Today);
        validator.AddProduct(2, [T("P1"), T("X"), T(null), N(10), N(-1), T(null), T(null)]);
        Assert.Equal("Le prix d'achat ne peut pas être négatif.", SingleMessage(validator));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2.5)]
    public void Rejects_a_stock_that_is_not_a_whole_number_of_zero_or_more(double stock)
    {
        var validator = new ImportValidator(Currency.Xof, Today);
        validator.AddProduct(2, [T("P1"), T("X"), T(null), N(10), T(null), N(stock), T(null)]);
        Assert.Equal("Le stock initial doit être un nombre entier positif ou nul.", SingleMessage(validator));
    }

    [Fact]
    public void Rejects_a_negative_reorder_point()
    {
        var validator = new ImportValidator(Currency.Xof, Today);
        validator.AddProduct(2, [T("P1"), T("X"), T(null), N(10), T(null), T(null), N(-2)]);
        Assert.Equal("Le seuil d'alerte doit être un nombre entier positif ou nul.", SingleMessage(validator));
    }

    [Fact]
    public void Requires_code_name_and_sale_price_and_reports_all_three()
    {
        var validator = new ImportValidator(Currency.Xof, Today);
        validator.AddProduct(7, [T(null), T(" "), T("Divers"), T(null), T(null), T(null), T(null)]);
        Assert.Equal(["« Code » est obligatoire.", "« Nom » est obligatoire.", "« Prix Vente » est obligatoire."], validator.Issues.Select(i => i.Message));
        Assert.All(validator.Issues, i => Assert.Equal(("Produits", 7), (i.Sheet, i.Row)));
    }

    [Fact]
    public void Refuses_centimes_in_a_currency_without_them()
    {
        var validator = new ImportValidator(Currency.Xof, Today);
        validator.AddProduct(2, [T("P1"), T("X"), T(null), T("1 500,50"), T(null), T(null), T(null)]);
        Assert.Equal("Le montant doit être un nombre entier de XOF (cette devise n'a pas de centimes).", SingleMessage(validator));
    }

    [Fact]
    public void Rejects_a_sale_dated_in_the_future()
    {
        var validator = WithProduct();
        validator.AddSale(2, [T("2026-11-22"), T("P001"), N(1), T(null)]);
        Assert.Equal("La date de vente est dans le futur.", SingleMessage(validator));
    }

    [Fact]
    public void Rejects_a_sale_older_than_24_months()
    {
        var validator = WithProduct();
        validator.AddSale(2, [T("2024-11-20"), T("P001"), N(1), T(null)]);
        Assert.Equal("La date de vente a plus de 24 mois (au plus tôt le 21/11/2024).", SingleMessage(validator));
    }

    [Fact]
    public void Accepts_sales_on_the_first_and_last_days_of_the_window()
    {
        var validator = WithProduct();
        validator.AddSale(2, [T("2024-11-21"), T("P001"), N(1), T(null)]);
        validator.AddSale(3, [T("2026-11-21"), T("P001"), N(1), T(null)]);
        Assert.True(validator.IsValid);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1.5)]
    public void Rejects_a_quantity_that_is_not_a_whole_number_above_zero(double quantity)
    {
        var validator = WithProduct();
        validator.AddSale(2, [T("2026-11-01"), T("P001"), N(quantity), T(null)]);
        Assert.Equal("La quantité doit être un nombre entier supérieur à 0.", SingleMessage(validator));
    }

    [Fact]
    public void Rejects_a_sale_of_a_product_missing_from_the_products_sheet()
    {
        var validator = WithProduct();
        validator.AddSale(2, [T("2026-11-01"), T("P404"), N(1), T(null)]);
        Assert.Equal("Le code produit « P404 » n'existe pas dans l'onglet Produits.", SingleMessage(validator));
    }

    [Fact]
    public void Rejects_an_inconsistent_line_total()
    {
        var validator = WithProduct();
        validator.AddSale(2, [T("2026-11-01"), T("P001"), N(3), N(1000), N(2500)]);
        Assert.Equal("Le montant total ne correspond pas à Quantité × Prix unitaire (3 000 FCFA).", SingleMessage(validator).Replace('\u202F', ' ').Replace('\u00A0', ' '));
    }

    [Fact]
    public void Uses_the_product_price_when_the_sale_has_none_and_computes_the_total()
    {
        var validator = WithProduct();
        validator.AddSale(2, [T("2026-11-01"), T("p001"), N(3), T(null), N(3000)]);
        var sale = Assert.Single(validator.Sales);
        Assert.Equal((3, 1000L, 3000L), (sale.Quantity, sale.UnitPrice, sale.TotalAmount));
    }

    [Fact]
    public void Collects_every_error_and_keeps_the_count_beyond_the_list_limit()
    {
        var validator = new ImportValidator(Currency.Xof, Today, maxKeptIssues: 5);
        for (var row = 2; row < 12; row++)
        {
            validator.AddSale(row, [T("demain"), T("X"), N(0), T(null)]);
        }

        Assert.Equal(30, validator.IssueCount);
        Assert.Equal(5, validator.Issues.Count);
    }

    [Fact]
    public void Ignores_blank_rows_and_the_example_row()
    {
        Assert.True(ImportValidator.IsBlankRow([RawCell.Empty, T("  "), RawCell.Empty]));
        Assert.True(ImportValidator.IsExampleRow(T(" exemple ")));
        Assert.False(ImportValidator.IsExampleRow(T("EX-1")));
    }

    [Fact]
    public void Scores_quality_from_completeness_history_and_anomalies()
    {
        var validator = new ImportValidator(Currency.Xof, Today);
        validator.AddProduct(2, [T("A"), T("A"), T("Divers"), N(1000), N(800), N(5), N(1)]);
        validator.AddProduct(3, [T("B"), T("B"), T(null), N(1000), N(1200), T(null), T(null)]);
        foreach (var month in new[] { "2026-11-01", "2026-10-01", "2026-09-01" })
        {
            validator.AddSale(2, [T(month), T("A"), N(1), T(null)]);
        }

        var score = DataQuality.Compute(validator.Products, validator.Sales);

        // Completeness 5/8 -> 25 pts; history 3/6 months -> 20 pts; 1 anomaly in 5 lines (20 %) -> 0 pts.
        Assert.Equal((45, 0.625, 3, 1), (score.Score, score.Completeness, score.MonthsOfHistory, score.Anomalies));
    }
}

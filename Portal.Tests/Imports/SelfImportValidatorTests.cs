using Portal.Domain.Common;
using Portal.Domain.Onboarding.Import;
using Portal.Domain.Spreadsheets;

namespace Portal.Tests.Imports;

/// <summary>The append mode of the import rules: what a company's own file creates, updates, appends and skips.</summary>
public class SelfImportValidatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);
    private static readonly StoredProduct Rice = new(Guid.NewGuid(), "RIZ-01", "Riz 25 kg", "Alimentation", 17_500, 15_000, 40, 10);
    private static readonly StoredProduct Oil = new(Guid.NewGuid(), "HUI-01", "Huile 5 L", null, 5_000, null, 12, null);

    private static RawCell T(string? value) => value is null ? RawCell.Empty : new RawCell(CellKind.Text, value);

    private static RawCell N(double value) => new(CellKind.Number, value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static ImportValidator Appending(IEnumerable<SaleKey>? stored = null, bool includeDuplicates = false)
    {
        var keys = (stored ?? []).ToList();
        var sales = new StoredSales(month => keys.Where(k => k.Date.Year == month.Year && k.Date.Month == month.Month));
        var products = new[] { Rice, Oil }.ToDictionary(p => p.Code, StringComparer.OrdinalIgnoreCase);
        return new ImportValidator(Currency.Xof, Today, new AppendContext(products, sales, includeDuplicates));
    }

    private static void Valid(ImportValidator validator) => Assert.True(validator.IsValid, string.Join(" ", validator.Issues.Select(i => i.Message)));

    [Fact]
    public void Creates_a_product_whose_code_is_new_to_the_company()
    {
        var validator = Appending();
        validator.AddProduct(2, [T("SUC-01"), T("Sucre 1 kg"), T(null), N(900), N(700), N(30), N(5)]);

        Valid(validator);
        Assert.Equal(1, validator.Created);
        Assert.Empty(validator.Updates);
        Assert.DoesNotContain(validator.Products[0]!.Id, validator.StoredIds);
    }

    [Fact]
    public void Updates_a_known_code_in_any_case_keeping_its_id_and_code()
    {
        var validator = Appending();
        validator.AddProduct(2, [T("riz-01"), T("Riz parfumé 25 kg"), T("Céréales"), N(18_000), N(15_500), N(55), N(12)]);

        Valid(validator);
        var update = Assert.Single(validator.Updates);
        Assert.Equal((Rice.Id, "RIZ-01", "Riz parfumé 25 kg", "Céréales", 18_000L, 15_500L, 55, 12),
            (update.Id, update.Code, update.Name, update.Category, update.UnitPrice, update.CostPrice!.Value, update.Stock, update.ReorderPoint!.Value));
        Assert.Contains(Rice.Id, validator.StoredIds);
        Assert.Contains(Rice.Id, validator.CostChanged);
        Assert.Equal(0, validator.Created);
    }

    [Fact]
    public void Keeps_what_the_company_has_where_an_optional_cell_is_blank()
    {
        var validator = Appending();
        validator.AddProduct(2, [T("RIZ-01"), T("Riz 25 kg"), T(null), N(18_000), T(null), T(null), T(null)]);

        var update = Assert.Single(validator.Updates);
        Assert.Equal(("Alimentation", 15_000L, 40, 10), (update.Category, update.CostPrice!.Value, update.Stock, update.ReorderPoint!.Value));
        Assert.Empty(validator.CostChanged);
    }

    [Fact]
    public void Counts_a_known_product_listed_with_the_same_values_as_unchanged()
    {
        var validator = Appending();
        validator.AddProduct(2, [T("RIZ-01"), T("Riz 25 kg"), T("Alimentation"), N(17_500), N(15_000), N(40), N(10)]);

        Valid(validator);
        Assert.Equal(1, validator.Unchanged);
        Assert.Empty(validator.Updates);
    }

    [Fact]
    public void Accepts_a_sale_of_a_stored_product_the_products_sheet_does_not_list_at_its_stored_price()
    {
        var validator = Appending();
        validator.AddSale(2, [T("2026-11-20"), T("hui-01"), N(2), T(null)]);

        Valid(validator);
        var sale = Assert.Single(validator.Sales);
        Assert.Equal((Oil.Id, 5_000L, 10_000L), (validator.Products[sale.ProductIndex]!.Id, sale.UnitPrice, sale.TotalAmount));
        Assert.Equal(1, validator.ReferencedProducts);
        Assert.Contains(Oil.Id, validator.StoredIds);
    }

    [Fact]
    public void Rejects_a_sale_of_a_code_neither_in_the_file_nor_among_the_companys_products()
    {
        var validator = Appending();
        validator.AddSale(2, [T("2026-11-20"), T("XYZ"), N(1), N(100)]);

        Assert.Equal("Le code produit « XYZ » n'existe ni dans l'onglet Produits ni parmi vos produits.", Assert.Single(validator.Issues).Message);
    }

    [Fact]
    public void Skips_and_reports_a_sale_identical_to_a_stored_line()
    {
        var validator = Appending([new SaleKey(new DateOnly(2026, 11, 20), Rice.Id, 2, 17_500)]);
        validator.AddSale(7, [T("2026-11-20"), T("RIZ-01"), N(2), N(17_500)]);
        validator.AddSale(8, [T("2026-11-20"), T("RIZ-01"), N(3), N(17_500)]);

        Valid(validator);
        Assert.Equal(1, validator.Duplicates);
        Assert.Equal(new DuplicateSale(7, new DateOnly(2026, 11, 20), "RIZ-01", 2, 17_500), Assert.Single(validator.DuplicateExamples));
        Assert.Equal(3, Assert.Single(validator.Sales).Quantity);
    }

    [Fact]
    public void Imports_the_duplicates_too_when_the_user_confirmed_them()
    {
        var validator = Appending([new SaleKey(new DateOnly(2026, 11, 20), Rice.Id, 2, 17_500)], includeDuplicates: true);
        validator.AddSale(7, [T("2026-11-20"), T("RIZ-01"), N(2), N(17_500)]);

        Assert.Equal(1, validator.Duplicates);
        Assert.Single(validator.Sales);
    }

    [Fact]
    public void Matches_each_stored_line_once_so_a_line_repeated_more_often_than_stored_is_new()
    {
        var validator = Appending([new SaleKey(new DateOnly(2026, 11, 20), Rice.Id, 1, 17_500)]);
        validator.AddSale(2, [T("2026-11-20"), T("RIZ-01"), N(1), N(17_500)]);
        validator.AddSale(3, [T("2026-11-20"), T("RIZ-01"), N(1), N(17_500)]);

        Assert.Equal(2, Assert.Single(validator.DuplicateExamples).Row);
        Assert.Single(validator.Sales);
    }

    [Fact]
    public void A_line_at_another_price_or_day_is_not_a_duplicate()
    {
        var validator = Appending([new SaleKey(new DateOnly(2026, 11, 20), Rice.Id, 2, 17_500)]);
        validator.AddSale(2, [T("2026-11-20"), T("RIZ-01"), N(2), N(17_000)]);
        validator.AddSale(3, [T("2026-11-19"), T("RIZ-01"), N(2), N(17_500)]);

        Assert.Equal(0, validator.Duplicates);
        Assert.Equal(2, validator.Sales.Count);
    }

    [Fact]
    public void Never_looks_up_the_stored_lines_of_a_new_product_and_reads_each_month_once()
    {
        var months = new List<DateOnly>();
        var sales = new StoredSales(month =>
        {
            months.Add(month);
            return [];
        });
        var validator = new ImportValidator(Currency.Xof, Today, new AppendContext(new Dictionary<string, StoredProduct>(StringComparer.OrdinalIgnoreCase) { [Rice.Code] = Rice }, sales, false));
        validator.AddProduct(2, [T("NEW"), T("Nouveau"), T(null), N(100), T(null), T(null), T(null)]);
        validator.AddSale(2, [T("2026-11-20"), T("NEW"), N(1), T(null)]);
        validator.AddSale(3, [T("2026-11-20"), T("RIZ-01"), N(1), T(null)]);
        validator.AddSale(4, [T("2026-11-02"), T("RIZ-01"), N(1), T(null)]);
        validator.AddSale(5, [T("2026-10-02"), T("RIZ-01"), N(1), T(null)]);

        Assert.Equal([new DateOnly(2026, 11, 1), new DateOnly(2026, 10, 1)], months);
    }

    [Fact]
    public void The_onboarding_mode_still_refuses_a_code_the_company_has()
    {
        var validator = new ImportValidator(Currency.Xof, Today, new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "RIZ-01" });
        validator.AddProduct(2, [T("RIZ-01"), T("Riz"), T(null), N(1000), T(null), T(null), T(null)]);

        Assert.Equal("Le code « RIZ-01 » existe déjà pour cette entreprise.", Assert.Single(validator.Issues).Message);
    }
}

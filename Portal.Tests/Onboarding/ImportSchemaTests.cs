using Portal.Domain.Onboarding.Import;
using Portal.Domain.Spreadsheets;

namespace Portal.Tests.Onboarding;

public class ImportSchemaTests
{
    [Fact]
    public void Recognises_headers_whatever_the_case_accents_spaces_or_order()
    {
        var match = HeaderMatcher.Match(ImportSchema.Products,
            ["  seuil   alerte ", "PRIX VENTE", "code", "Nom", "categorie", "Prix d'achat", "Stock initial"]);

        Assert.True(match.IsComplete);
        Assert.Equal([2, 3, 4, 1, 5, 6, 0], match.ColumnIndex);
    }

    [Fact]
    public void Recognises_the_date_header_with_or_without_its_hint()
    {
        Assert.True(HeaderMatcher.Match(ImportSchema.Sales, ["Date", "Code Produit", "Qté", "PU"]).IsComplete);
        Assert.True(HeaderMatcher.Match(ImportSchema.Sales, ["DATE (YYYY-MM-DD)", "code produit", "quantite"]).IsComplete);
    }

    [Fact]
    public void Names_the_missing_required_columns()
    {
        var match = HeaderMatcher.Match(ImportSchema.Products, ["Code", "Nom", "Catégorie"]);

        Assert.Equal(["Prix Vente"], match.MissingColumns);
    }

    [Fact]
    public void Reports_a_column_given_twice()
    {
        var match = HeaderMatcher.Match(ImportSchema.Products, ["Code", "Nom", "Prix Vente", "Prix Vente"]);

        Assert.Contains("La colonne « Prix Vente » apparaît deux fois dans l'onglet Produits.", match.Problems);
    }

    [Theory]
    [InlineData("produits")]
    [InlineData(" PRODUITS ")]
    [InlineData("Produits")]
    public void Finds_sheets_by_name_loosely(string name) => Assert.True(HeaderMatcher.IsSheet(ImportSchema.Products, name));
}

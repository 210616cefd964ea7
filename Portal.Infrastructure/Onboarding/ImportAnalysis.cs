using Portal.Domain.Onboarding;
using Portal.Domain.Onboarding.Import;

namespace Portal.Infrastructure.Onboarding;

/// <summary>The parsed and validated content of a workbook, ready to be written.</summary>
public sealed class ImportAnalysis(ImportValidator validator)
{
    public ImportValidator Validator { get; } = validator;

    /// <summary>The products of the Produits sheet (an append's stored products that only the sales name are not counted).</summary>
    public int ProductCount => Validator.Products.Count - Validator.ReferencedProducts;

    public int SaleCount => Validator.Sales.Count;

    public long RowsRead => Validator.ProductRows + Validator.SaleRows;

    public QualityScore Quality() => DataQuality.Compute(Validator.Products, Validator.Sales);
}

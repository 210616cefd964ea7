using Portal.Domain.Onboarding;
using Portal.Domain.Onboarding.Import;

namespace Portal.Infrastructure.Onboarding;

/// <summary>The parsed and validated content of a workbook, ready to be written.</summary>
public sealed class ImportAnalysis(ImportValidator validator)
{
    public ImportValidator Validator { get; } = validator;

    public int ProductCount => Validator.Products.Count;

    public int SaleCount => Validator.Sales.Count;

    public long RowsRead => Validator.ProductRows + Validator.SaleRows;

    public QualityScore Quality() => DataQuality.Compute(Validator.Products, Validator.Sales);
}

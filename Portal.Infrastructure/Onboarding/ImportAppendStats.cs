using Portal.Domain.Onboarding.Import;

namespace Portal.Infrastructure.Onboarding;

/// <summary>What an append run found or did with the company's products and its stored sales.</summary>
/// <param name="Created">New products.</param>
/// <param name="Updated">Stored products the file changed (price, cost, stock, reorder point, name or category).</param>
/// <param name="Unchanged">Stored products listed with the values they already had.</param>
/// <param name="Duplicates">Sales lines identical to stored ones.</param>
/// <param name="DuplicatesImported">True when the user confirmed them: they were imported; otherwise skipped.</param>
/// <param name="DuplicateExamples">The first duplicates, in file order.</param>
public sealed record ImportAppendStats(int Created, int Updated, int Unchanged, int Duplicates, bool DuplicatesImported, IReadOnlyList<DuplicateSale> DuplicateExamples)
{
    internal static ImportAppendStats Of(ImportValidator validator, bool duplicatesImported) =>
        new(validator.Created, validator.Updates.Count, validator.Unchanged, validator.Duplicates, duplicatesImported, validator.DuplicateExamples);
}

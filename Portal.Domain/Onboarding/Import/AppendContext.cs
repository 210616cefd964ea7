namespace Portal.Domain.Onboarding.Import;

/// <summary>What an append import checks the file against: the company's products by code and its stored sales lines.</summary>
/// <param name="Products">The company's products, by code ignoring case.</param>
/// <param name="Sales">Its stored lines at the site the sales go to.</param>
/// <param name="IncludeDuplicates">The user confirmed that lines identical to stored ones are new sales: import them too.</param>
public sealed record AppendContext(IReadOnlyDictionary<string, StoredProduct> Products, StoredSales Sales, bool IncludeDuplicates);

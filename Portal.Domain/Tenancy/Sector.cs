namespace Portal.Domain.Tenancy;

public enum Sector
{
    Retail,
    Wholesale,
    Manufacturing,
    Services,
}

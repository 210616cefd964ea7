namespace Portal.Domain.Tenancy;

public enum SiteType
{
    Main,
    Branch,
}

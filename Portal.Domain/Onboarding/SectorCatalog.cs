using Portal.Domain.Tenancy;

namespace Portal.Domain.Onboarding;

/// <summary>French labels of the sectors and the product categories the template suggests for each.</summary>
public static class SectorCatalog
{
    public static string LabelFr(Sector sector) => sector switch
    {
        Sector.Retail => "Commerce de détail",
        Sector.Wholesale => "Commerce de gros",
        Sector.Manufacturing => "Production / industrie",
        Sector.Services => "Services",
        _ => sector.ToString(),
    };

    public static IReadOnlyList<string> Categories(Sector sector) => sector switch
    {
        Sector.Retail => ["Alimentation", "Boissons", "Hygiène et beauté", "Entretien", "Textile et habillement", "Électronique", "Quincaillerie", "Divers"],
        Sector.Wholesale => ["Alimentation", "Boissons", "Produits frais", "Hygiène et entretien", "Matériaux", "Emballages", "Divers"],
        Sector.Manufacturing => ["Matières premières", "Produits semi-finis", "Produits finis", "Emballages", "Pièces détachées", "Divers"],
        Sector.Services => ["Prestations", "Abonnements", "Formation", "Maintenance", "Conseil", "Divers"],
        _ => ["Divers"],
    };
}

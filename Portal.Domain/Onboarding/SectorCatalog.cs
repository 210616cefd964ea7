using Portal.Domain.Tenancy;

namespace Portal.Domain.Onboarding;

/// <summary>The product categories the template suggests for each sector.</summary>
public static class SectorCatalog
{
    public static IReadOnlyList<string> Categories(Sector sector) => sector switch
    {
        Sector.Retail => ["Alimentation", "Boissons", "Hygiène et beauté", "Entretien", "Textile et habillement", "Électronique", "Quincaillerie", "Divers"],
        Sector.Wholesale => ["Alimentation", "Boissons", "Produits frais", "Hygiène et entretien", "Matériaux", "Emballages", "Divers"],
        Sector.Manufacturing => ["Matières premières", "Produits semi-finis", "Produits finis", "Emballages", "Pièces détachées", "Divers"],
        Sector.Services => ["Prestations", "Abonnements", "Formation", "Maintenance", "Conseil", "Divers"],
        _ => ["Divers"],
    };
}

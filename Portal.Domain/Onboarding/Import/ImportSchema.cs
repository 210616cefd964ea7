using Portal.Domain.Spreadsheets;

namespace Portal.Domain.Onboarding.Import;

/// <summary>The workbook layout shared by the template generator and the importer.</summary>
public static class ImportSchema
{
    /// <summary>The code of the example row of each sheet; rows with this code are not imported.</summary>
    public const string ExampleCode = "EXEMPLE";

    public const string InstructionsSheet = "Instructions";

    public static readonly ImportColumn ProductCode = new("Code", true, true, "Code Produit", "Référence", "Ref");
    public static readonly ImportColumn ProductName = new("Nom", true, true, "Nom Produit", "Désignation", "Libellé", "Produit");
    public static readonly ImportColumn ProductCategory = new("Catégorie", false, true, "Famille", "Rayon");
    public static readonly ImportColumn ProductPrice = new("Prix Vente", true, true, "Prix de Vente", "PV", "Prix");
    public static readonly ImportColumn ProductCost = new("Prix Achat", false, true, "Prix d'Achat", "PA", "Coût", "Prix de revient");
    public static readonly ImportColumn ProductStock = new("Stock Initial", false, true, "Stock", "Quantité en stock", "Stock actuel");
    public static readonly ImportColumn ProductReorderPoint = new("Seuil Alerte", false, true, "Seuil d'alerte", "Seuil", "Stock minimum", "Point de commande");

    public static readonly ImportColumn SaleDate = new("Date (AAAA-MM-JJ)", true, true, "Date", "Date Vente", "Date de vente", "Date (YYYY-MM-DD)");
    public static readonly ImportColumn SaleProductCode = new("Code Produit", true, true, "Code", "Référence", "Produit");
    public static readonly ImportColumn SaleQuantity = new("Quantité", true, true, "Qté", "Qte", "Quantité vendue");
    public static readonly ImportColumn SaleUnitPrice = new("Prix Unitaire", false, true, "PU", "Prix", "Prix de vente");
    public static readonly ImportColumn SaleTotal = new("Montant Total", false, false, "Total", "Montant", "Total ligne");

    public static readonly ImportSheet Products = new("Produits",
        [ProductCode, ProductName, ProductCategory, ProductPrice, ProductCost, ProductStock, ProductReorderPoint]);

    public static readonly ImportSheet Sales = new("Ventes",
        [SaleDate, SaleProductCode, SaleQuantity, SaleUnitPrice, SaleTotal]);
}

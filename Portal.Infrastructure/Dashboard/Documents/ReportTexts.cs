namespace Portal.Infrastructure.Dashboard.Documents;

/// <summary>The monthly report's French texts, shared by its PDF and its workbook.</summary>
internal static class ReportTexts
{
    public const string KpiSection = "Indicateurs clés";
    public const string ChartSection = "Chiffre d'affaires par jour";
    public const string ProductSection = "Meilleures ventes";
    public const string StockSection = "Alertes de stock";
    public const string ForecastSection = "Prévisions des 30 prochains jours";
    public const string NoSales = "Aucune vente ce mois-ci.";
    public const string NoStockAlert = "Aucune alerte de stock ce mois-ci.";
    public const string NoForecast = "Aucune prévision disponible pour ce mois.";
    public const string None = "—";

    public static readonly string[] StockHeaders = ["Code", "Produit", "Stock", "Seuil d'alerte", "Statut"];
    public static readonly string[] ForecastHeaders = ["Code", "Produit", "Ventes prévues (30 j)", "Rupture prévue le", "Réappro. suggéré", "Fiabilité"];

    /// <summary>Dakar is on GMT all year; the zone is looked up anyway so another operator's zone would only be a change here.</summary>
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.TryFindSystemTimeZoneById("Africa/Dakar", out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>"Rapport mensuel — novembre 2026".</summary>
    public static string Title(MonthlyReport report) => $"Rapport mensuel — {FrenchText.Month(report.Month)}";

    /// <summary>"Généré le 02/12/2026 à 08:15 (heure de Dakar)".</summary>
    public static string Generated(MonthlyReport report)
    {
        var local = LocalGeneratedAt(report);
        return $"Généré le {local:dd/MM/yyyy} à {local:HH:mm} (heure de Dakar)";
    }

    public static string[] ProductHeaders(MonthlyReport report) =>
        ["Rang", "Code", "Produit", "Catégorie", "Unités vendues", $"Chiffre d'affaires ({report.Currency.Symbol})"];

    public static string RevenueHeader(MonthlyReport report) => $"Chiffre d'affaires ({report.Currency.Symbol})";

    /// <summary>
    /// Every day of the month up to the day the report was generated (a month still running has no bars for days to come),
    /// with the revenue of each (days without sales count zero; points outside the month are ignored).
    /// </summary>
    public static List<ReportPoint> Days(MonthlyReport report)
    {
        var first = new DateOnly(report.Month.Year, report.Month.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var today = DateOnly.FromDateTime(LocalGeneratedAt(report));
        var end = today < last && today >= first ? today : last;
        var byDay = report.RevenueByDay.Where(p => p.Day >= first && p.Day <= last).GroupBy(p => p.Day).ToDictionary(g => g.Key, g => g.Sum(p => p.Revenue));
        var days = new List<ReportPoint>();
        for (var day = first; day <= end; day = day.AddDays(1))
        {
            days.Add(new ReportPoint(day, byDay.GetValueOrDefault(day)));
        }

        return days;
    }

    private static DateTime LocalGeneratedAt(MonthlyReport report) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(report.GeneratedAtUtc, DateTimeKind.Utc), Zone);
}

using Portal.Domain.Common;
using Portal.Infrastructure.Dashboard.Documents;

namespace Portal.Tests.Dashboard.Documents;

/// <summary>Monthly reports to render: a busy month of a Dakar shop, and a month without a single sale.</summary>
public static class ReportSamples
{
    public static readonly DateOnly November = new(2026, 11, 1);

    public static MonthlyReport Busy()
    {
        var random = new Random(42);
        var days = Enumerable.Range(0, 30)
            .Select(i => new ReportPoint(November.AddDays(i), November.AddDays(i).DayOfWeek == DayOfWeek.Sunday ? 0 : 180_000 + (i * 9_000) + random.Next(0, 260_000)))
            .ToList();
        string[] names =
        [
            "Riz parfumé 25 kg", "Huile d'arachide 5 L", "Sucre en morceaux 1 kg", "Lait en poudre Nido 900 g", "Café Touba 500 g",
            "Savon de Marseille", "Thé vert Chinois 250 g", "Bouillon Jumbo (boîte de 60 cubes, format familial économique)",
            "Eau minérale Kirène 1,5 L (pack de 6)", "Concentré de tomate 400 g",
        ];
        var products = names.Select((name, i) => new ReportProductRow($"P{i + 1:000}", name, i % 3 == 0 ? "Épicerie" : i % 3 == 1 ? "Boissons" : null, 420 - (i * 35), 1_950_000 - (i * 160_000))).ToList();
        return new MonthlyReport(
            "Quincaillerie & Alimentation Ndèye Fatou Diop",
            Currency.Xof,
            November,
            new DateTime(2026, 12, 1, 7, 30, 0, DateTimeKind.Utc),
            [
                new ReportKpi("Chiffre d'affaires", Currency.Xof.Format(days.Sum(d => d.Revenue)), "+12 % vs mois précédent"),
                new ReportKpi("Ventes", "1 284", "-3 % vs mois précédent"),
                new ReportKpi("Panier moyen", Currency.Xof.Format(6_450), "+8 % vs mois précédent"),
                new ReportKpi("Marge brute", "23,4 %", "stable"),
                new ReportKpi("Produits vendus", "312", null),
                new ReportKpi("Clients actifs", "486", "+41 nouveaux"),
            ],
            days,
            products,
            [
                new ReportStockRow("P004", "Lait en poudre Nido 900 g", 0, 12, "Rupture"),
                new ReportStockRow("P009", "Eau minérale Kirène 1,5 L (pack de 6)", 4, 20, "Sous le seuil"),
                new ReportStockRow("=HYPERLINK(\"http://evil\")", "-2 cartons", 3, null, "Sous le seuil"),
            ],
            [
                new ReportForecastRow("P001", "Riz parfumé 25 kg", 436.4, new DateOnly(2026, 12, 14), 120, "Élevée"),
                new ReportForecastRow("P002", "Huile d'arachide 5 L", 388.9, null, 0, "Moyenne"),
                new ReportForecastRow("P004", "Lait en poudre Nido 900 g", 61.5, new DateOnly(2026, 12, 1), 60, null),
            ]);
    }

    public static MonthlyReport Empty() => new(
        "Boutique Awa", Currency.Xof, November, new DateTime(2026, 12, 1, 7, 30, 0, DateTimeKind.Utc), [], [], [], [], []);
}

using Portal.Domain.Onboarding.Import;
using Portal.Domain.Sales;

namespace Portal.Infrastructure.Bootstrap;

/// <summary>
/// Believable sales history for the demo company, generated from a fixed seed so every start looks the same for a
/// given day: about 200 products in 8 categories, 24 months up to yesterday at two sites, with a weekly rhythm,
/// a slow growth, and the seasons a Dakar shop lives by (Ramadan and Korité, Tabaski, the school start in October).
/// A few products stopped selling (dormant), a few are new (too little history to forecast), some are out of stock
/// or under their reorder point.
/// </summary>
internal sealed class DemoSales
{
    private const int Seed = 221_2026;

    // Approximate dates as observed in Senegal; the shape matters here, not the exact day.
    private static readonly DateOnly[] RamadanStarts = [new(2024, 3, 11), new(2025, 3, 1), new(2026, 2, 18), new(2027, 2, 8), new(2028, 1, 28), new(2029, 1, 16)];
    private static readonly DateOnly[] Tabaskis = [new(2024, 6, 17), new(2025, 6, 7), new(2026, 5, 27), new(2027, 5, 17), new(2028, 5, 5), new(2029, 4, 24)];

    // Monday first: Saturday is market day, Sunday is quiet.
    private static readonly double[] Weekday = [0.9, 0.88, 0.95, 1.0, 1.12, 1.35, 0.7];

    private static readonly Category[] Categories =
    [
        new("Alimentation", Season.Feasts, 36, [("Riz brisé", 650), ("Riz parfumé", 900), ("Huile végétale", 1500), ("Sucre en poudre", 700), ("Lait en poudre", 2500), ("Farine de blé", 600), ("Pâtes alimentaires", 450), ("Tomate concentrée", 300), ("Bouillon cube", 25), ("Café Touba", 1200), ("Thé vert", 400), ("Sardines à l'huile", 500)], ["1 kg", "5 kg", "format familial"]),
        new("Boissons", Season.Ramadan, 24, [("Eau minérale", 400), ("Jus de bissap", 800), ("Jus de gingembre", 800), ("Soda", 500), ("Lait caillé", 600), ("Jus de bouye", 900), ("Boisson énergisante", 750), ("Sirop de menthe", 1500)], ["33 cl", "1,5 L", "pack de 6"]),
        new("Hygiène", Season.Flat, 30, [("Savon de Marseille", 350), ("Savon liquide", 1200), ("Dentifrice", 900), ("Brosse à dents", 500), ("Shampoing", 1800), ("Lait corporel", 2500), ("Déodorant", 1600), ("Couches bébé", 5500), ("Serviettes hygiéniques", 1000), ("Papier toilette", 1500)], ["standard", "grand format", "lot de 3"]),
        new("Entretien", Season.Flat, 21, [("Eau de Javel", 600), ("Lessive en poudre", 1100), ("Liquide vaisselle", 900), ("Éponges", 300), ("Insecticide", 2200), ("Balai", 1500), ("Serpillière", 1000)], ["standard", "grand format", "lot de 2"]),
        new("Fournitures scolaires", Season.School, 30, [("Cahier 100 pages", 300), ("Cahier 200 pages", 550), ("Stylo bille bleu", 100), ("Crayon à papier", 75), ("Règle 30 cm", 250), ("Cartable", 7500), ("Ardoise", 600), ("Boîte de craies", 400), ("Kit de géométrie", 1500), ("Protège-cahier", 150)], ["à l'unité", "lot de 5", "lot de 10"]),
        new("Textile", Season.Feasts, 18, [("Pagne wax 6 yards", 12000), ("Bazin riche", 25000), ("Boubou homme", 18000), ("Tissu brodé", 15000), ("Foulard", 3000), ("Sandales", 5000)], ["standard", "premium", "enfant"]),
        new("Électroménager", Season.Heat, 21, [("Ventilateur sur pied", 18000), ("Fer à repasser", 9000), ("Bouilloire électrique", 11000), ("Lampe rechargeable", 6500), ("Multiprise", 3500), ("Ampoule LED", 1000), ("Réchaud à gaz", 14000)], ["standard", "modèle plus", "modèle pro"]),
        new("Téléphonie", Season.Flat, 21, [("Carte de recharge", 1000), ("Écouteurs", 2500), ("Chargeur USB", 3000), ("Batterie externe", 9000), ("Câble USB-C", 1500), ("Coque de téléphone", 2000), ("Carte SIM", 500)], ["standard", "rapide", "premium"]),
    ];

    private readonly IReadOnlyList<Profile> profiles;

    private DemoSales(IReadOnlyList<ProductLine> products, IReadOnlyList<Profile> profiles)
    {
        Products = products;
        this.profiles = profiles;
    }

    public IReadOnlyList<ProductLine> Products { get; }

    /// <summary>The catalogue; the same products (ids included) for the same seed.</summary>
    public static DemoSales Create()
    {
        var random = new Random(Seed);
        var products = new List<ProductLine>();
        var profiles = new List<Profile>();
        foreach (var category in Categories)
        {
            for (var i = 0; i < category.Count; i++)
            {
                var (name, price) = category.Items[i % category.Items.Length];
                var variant = i / category.Items.Length;
                var unitPrice = RoundPrice(price * (1 + (variant * 0.8)) * (0.9 + (random.NextDouble() * 0.2)));
                // One product in ten has no known cost: the overview says which share of revenue its margin covers.
                long? cost = random.NextDouble() < 0.1 ? null : RoundPrice(unitPrice * (0.62 + (random.NextDouble() * 0.2)));
                // Cheap goods sell by the dozen a day, appliances a few a week.
                var daily = Math.Clamp(3_000.0 / unitPrice, 0.1, 6) * (0.5 + random.NextDouble());
                var index = products.Count;
                var kind = index % 29 == 7 ? Life.Dormant : index % 37 == 11 ? Life.New : Life.Regular;
                var cover = (index % 23) switch
                {
                    3 or 14 => 0.0,            // out of stock
                    5 or 9 or 18 => 0.6,       // under the reorder point
                    20 => 12.0,                // overstocked
                    _ => 1.5 + (random.NextDouble() * 3),
                };
                var reorder = (int)Math.Ceiling(daily * 10);
                var stock = kind == Life.Dormant ? 4 + random.Next(20) : (int)Math.Round(reorder * cover);
                var id = new Guid(random.Next(), (short)random.Next(short.MaxValue), (short)random.Next(short.MaxValue), BitConverter.GetBytes(random.NextInt64()));
                products.Add(new ProductLine(
                    id, index + 2, $"{category.Prefix}-{index + 1:D3}", variant == 0 ? name : $"{name} {category.Variants[(variant - 1) % category.Variants.Length]}",
                    category.Name, unitPrice, cost, stock, reorder));
                profiles.Add(new Profile(daily, category.Season, kind, random.Next(60, 200), random.Next(30, 50)));
            }
        }

        return new DemoSales(products, profiles);
    }

    /// <summary>Every line from 24 months ago to yesterday, at the first site (60 %) or the second (40 %), oldest first.</summary>
    public IEnumerable<(int Site, SaleLine Sale)> Lines(DateOnly today)
    {
        var random = new Random(Seed + 1);
        var first = today.AddMonths(-SalesRules.HistoryMonths).AddDays(1);
        var days = today.DayNumber - first.DayNumber;
        for (var day = first; day < today; day = day.AddDays(1))
        {
            var age = today.DayNumber - day.DayNumber;
            var growth = 1 + (0.12 * (days - age) / days);
            var weekday = Weekday[((int)day.DayOfWeek + 6) % 7];
            for (var p = 0; p < Products.Count; p++)
            {
                var profile = profiles[p];
                if ((profile.Life == Life.Dormant && age < profile.QuietDays) || (profile.Life == Life.New && age > profile.NewDays))
                {
                    continue;
                }

                var expected = profile.Daily * growth * weekday * SeasonFactor(profile.Season, day);
                for (var site = 0; site < 2; site++)
                {
                    var units = Poisson(random, expected * (site == 0 ? 0.6 : 0.4));
                    while (units > 0)
                    {
                        // A line is one customer's basket entry: 1 to 3 units, more for cheap goods.
                        var quantity = Math.Min(units, 1 + random.Next(profile.Daily > 3 ? 6 : 3));
                        units -= quantity;
                        var product = Products[p];
                        var price = age > 365 ? RoundPrice(product.UnitPrice * 0.95) : product.UnitPrice;
                        yield return (site, new SaleLine(p, day, quantity, price, price * quantity));
                    }
                }
            }
        }
    }

    private static double SeasonFactor(Season season, DateOnly day)
    {
        switch (season)
        {
            case Season.Feasts:
                var tabaski = DaysBefore(Tabaskis, day);
                var korite = DaysBefore(RamadanStarts.Select(r => r.AddDays(29)).ToArray(), day);
                return 1 + (tabaski is >= 0 and <= 10 ? 1.6 : 0) + (korite is >= 0 and <= 7 ? 0.9 : 0) + (InRamadan(day) ? 0.3 : 0);
            case Season.Ramadan:
                return InRamadan(day) ? 1.7 : 1;
            case Season.School:
                var school = new DateOnly(day.Year, 10, 1).DayNumber - day.DayNumber;
                return school is >= -10 and <= 25 ? 4 : day.Month is 7 or 8 ? 0.4 : 1;
            case Season.Heat:
                return day.Month is >= 4 and <= 7 ? 1.8 : day.Month is 12 or 1 ? 0.6 : 1;
            default:
                return 1;
        }
    }

    private static bool InRamadan(DateOnly day) => RamadanStarts.Any(start => day >= start && day < start.AddDays(29));

    private static int? DaysBefore(DateOnly[] feasts, DateOnly day)
    {
        foreach (var feast in feasts)
        {
            var before = feast.DayNumber - day.DayNumber;
            if (before is >= 0 and <= 30)
            {
                return before;
            }
        }

        return null;
    }

    private static int Poisson(Random random, double lambda)
    {
        if (lambda > 30)
        {
            // Normal approximation: exact enough at this size, and Knuth's loop would be slow.
            var u = 1 - random.NextDouble();
            var v = random.NextDouble();
            var normal = Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
            return Math.Max(0, (int)Math.Round(lambda + (Math.Sqrt(lambda) * normal)));
        }

        var limit = Math.Exp(-lambda);
        var k = 0;
        var product = random.NextDouble();
        while (product > limit)
        {
            k++;
            product *= random.NextDouble();
        }

        return k;
    }

    private static long RoundPrice(double price) => Math.Max(25, (long)Math.Round(price / 25) * 25);

    private enum Season
    {
        Flat,
        Feasts,
        Ramadan,
        School,
        Heat,
    }

    private enum Life
    {
        Regular,
        Dormant,
        New,
    }

    private sealed record Category(string Name, Season Season, int Count, (string Name, long Price)[] Items, string[] Variants)
    {
        public string Prefix => Name[..3].ToUpperInvariant().Replace('É', 'E');
    }

    private sealed record Profile(double Daily, Season Season, Life Life, int QuietDays, int NewDays);
}

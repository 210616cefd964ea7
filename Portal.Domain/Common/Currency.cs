namespace Portal.Domain.Common;

/// <summary>
/// A currency and the number of digits of its minor unit. Amounts are stored as integers of the minor unit,
/// so XOF (no minor unit) stores francs and EUR stores cents.
/// </summary>
public sealed record Currency(string Code, int MinorDigits, string Symbol)
{
    public static readonly Currency Xof = new("XOF", 0, "FCFA");
    public static readonly Currency Gnf = new("GNF", 0, "GNF");
    public static readonly Currency Eur = new("EUR", 2, "€");


    /// <summary>The currency a company of this country invoices in (the WAEMU countries share the CFA franc).</summary>
    public static Currency ForCountry(string? country) => Country.Find(country)?.Currency ?? Xof;

    /// <summary>Converts a typed amount to minor units; false when it has more decimals than the currency allows.</summary>
    public bool TryToMinorUnits(decimal amount, out long minorUnits)
    {
        var scaled = amount * Scale;
        minorUnits = 0;
        if (scaled != decimal.Truncate(scaled) || scaled > long.MaxValue || scaled < long.MinValue)
        {
            return false;
        }

        minorUnits = (long)scaled;
        return true;
    }

    public decimal ToAmount(long minorUnits) => minorUnits / (decimal)Scale;

    /// <summary>"12 500 FCFA", "12,50 €": the symbol people read, never the ISO code (see <see cref="Money.ToString"/>).</summary>
    public string Format(long minorUnits) => new Money(minorUnits, this).ToString();

    /// <summary>"1,2 M", "850 k", "12 500": an axis label or a tight card, without the symbol.</summary>
    public string FormatShort(long minorUnits)
    {
        var amount = ToAmount(minorUnits);
        var french = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
        return Math.Abs(amount) switch
        {
            >= 1_000_000_000 => (amount / 1_000_000_000).ToString("0.#", french) + " Md",
            >= 1_000_000 => (amount / 1_000_000).ToString("0.#", french) + " M",
            >= 10_000 => (amount / 1_000).ToString("0", french) + " k",
            _ => amount.ToString("#,0", french),
        };
    }

    private long Scale => MinorDigits switch
    {
        0 => 1,
        2 => 100,
        3 => 1000,
        _ => (long)Math.Pow(10, MinorDigits),
    };
}

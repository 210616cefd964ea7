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

    /// <summary>"850", "12,5 k", "1,2 M": an axis label or a tight card, without the symbol (see <see cref="Abbreviate"/>).</summary>
    public string FormatShort(long minorUnits) => Abbreviate(ToAmount(minorUnits));

    /// <summary>
    /// An amount in thousands (k), millions (M) or billions (Md) from 1,000 up, with at most one decimal: "850", "2,5 k",
    /// "1,2 M", "3 Md". The web's charts and the PDF report's read the same; the unit is held to its number by a no-break
    /// space. Comma decimals without the machine's culture data.
    /// </summary>
    public static string Abbreviate(decimal amount)
    {
        string[] units = [string.Empty, "\u00A0k", "\u00A0M", "\u00A0Md"];
        var (scaled, unit) = (amount, 0);
        // Rounded before the unit is settled: 999 950 reads "1 M", never "1000 k".
        while (unit < units.Length - 1 && Math.Abs(Math.Round(scaled, 1, MidpointRounding.AwayFromZero)) >= 1000)
        {
            (scaled, unit) = (scaled / 1000, unit + 1);
        }

        return Math.Round(scaled, 1, MidpointRounding.AwayFromZero).ToString("0.#", CommaDecimals) + units[unit];
    }

    private static readonly System.Globalization.NumberFormatInfo CommaDecimals = new() { NumberDecimalSeparator = ",", NegativeSign = "-" };

    private long Scale => MinorDigits switch
    {
        0 => 1,
        2 => 100,
        3 => 1000,
        _ => (long)Math.Pow(10, MinorDigits),
    };
}

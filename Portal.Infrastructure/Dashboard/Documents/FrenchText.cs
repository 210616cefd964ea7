using System.Globalization;
using Portal.Domain.Common;

namespace Portal.Infrastructure.Dashboard.Documents;

/// <summary>
/// How the documents print numbers, dates and months for French readers, without depending on the machine's ICU data:
/// digits grouped by a narrow no-break space as <see cref="Money"/> does ("1 234 567"), comma decimals, dd/MM/yyyy.
/// </summary>
internal static class FrenchText
{
    public const char NarrowSpace = '\u202F';

    private static readonly string[] Months =
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

    private static readonly string[] ShortMonths =
        ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];

    private static readonly NumberFormatInfo Grouped = new()
    {
        NumberGroupSeparator = NarrowSpace.ToString(),
        NumberDecimalSeparator = ",",
        NegativeSign = "-",
    };

    /// <summary>Comma decimals, no grouping: what French Excel reads back as a number from a CSV.</summary>
    public static readonly NumberFormatInfo Plain = new()
    {
        NumberGroupSeparator = string.Empty,
        NumberDecimalSeparator = ",",
        NegativeSign = "-",
    };

    public static string Number(decimal value, int decimals) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Grouped);

    /// <summary>Up to <paramref name="maxDecimals"/> decimals, only those that are not zero: "12", "12,5".</summary>
    public static string Compact(decimal value, int maxDecimals)
    {
        var rounded = Math.Round(value, maxDecimals, MidpointRounding.AwayFromZero);
        var decimals = 0;
        while (decimals < maxDecimals && decimal.Round(rounded, decimals) != rounded)
        {
            decimals++;
        }

        return Number(rounded, decimals);
    }

    /// <summary>An amount without its symbol, "1 234 567" or "12,50": tables put the symbol in the header.</summary>
    public static string Amount(long minorUnits, Currency currency) => Number(currency.ToAmount(minorUnits), currency.MinorDigits);

    public static string Percent(decimal fraction) => Compact(fraction * 100, 1) + NarrowSpace + "%";

    public static string Date(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"novembre 2026".</summary>
    public static string Month(DateOnly month) => $"{Months[month.Month - 1]} {month.Year}";

    /// <summary>"1 nov.", as chart axes label days.</summary>
    public static string ShortDay(DateOnly day) => $"{day.Day}\u00A0{ShortMonths[day.Month - 1]}";
}

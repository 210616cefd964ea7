using System.Globalization;
using Portal.Domain.Common;

namespace Portal.Infrastructure.Dashboard.Documents;

/// <summary>
/// Reads a column's value as its kind says. A value of the wrong type is a mistake in the column's definition,
/// so it throws rather than writing a cell that looks right and is not.
/// </summary>
internal static class ExportCells
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The header as written: money columns name their currency, since their cells are plain numbers.</summary>
    public static string Header<T>(ExportColumn<T> column, Currency currency) =>
        column.Kind == ColumnKind.Money
        && !column.Header.Contains(currency.Symbol, StringComparison.OrdinalIgnoreCase)
        && !column.Header.Contains(currency.Code, StringComparison.OrdinalIgnoreCase)
            ? $"{column.Header} ({currency.Symbol})"
            : column.Header;

    public static bool IsNumeric(ColumnKind kind) => kind is ColumnKind.Integer or ColumnKind.Money or ColumnKind.Percent;

    /// <summary>A cell as people read it (PDF, column widths): grouped digits, "12,5 %", dd/MM/yyyy.</summary>
    public static string Display<T>(ExportColumn<T> column, object value, Currency currency) => column.Kind switch
    {
        ColumnKind.Integer => FrenchText.Number(Integer(value, column.Header), 0),
        ColumnKind.Money => FrenchText.Number(Amount(value, currency, column.Header), currency.MinorDigits),
        ColumnKind.Percent => FrenchText.Percent(Percent(value, column.Header)),
        ColumnKind.Date => FrenchText.Date(Date(value, column.Header)),
        _ => Text(value),
    };

    public static string Text(object value) => value switch
    {
        string s => s,
        DateOnly d => FrenchText.Date(d),
        IFormattable f => f.ToString(null, French),
        _ => value.ToString() ?? string.Empty,
    };

    public static decimal Integer(object value, string header) => Math.Round(Number(value, header), MidpointRounding.AwayFromZero);

    /// <summary>Minor units to the amount people read: 1250 EUR cents is 12.50.</summary>
    public static decimal Amount(object value, Currency currency, string header) => currency.ToAmount((long)Integer(value, header));

    public static decimal Percent(object value, string header) => Number(value, header);

    public static DateOnly Date(object value, string header) => value switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        DateTimeOffset o => DateOnly.FromDateTime(o.DateTime),
        _ => throw WrongType(value, header, "une date"),
    };

    public static decimal Number(object value, string header) => value switch
    {
        int i => i,
        long l => l,
        decimal m => m,
        double d when double.IsFinite(d) => (decimal)d,
        float f when float.IsFinite(f) => (decimal)f,
        short s => s,
        byte b => b,
        uint u => u,
        ulong u => u,
        ushort u => u,
        sbyte s => s,
        _ => throw WrongType(value, header, "un nombre"),
    };

    private static InvalidOperationException WrongType(object value, string header, string expected) =>
        new($"Export column \"{header}\" expects {expected} but got {value.GetType().Name}.");
}

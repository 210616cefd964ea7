using System.Globalization;

namespace Portal.Domain.Spreadsheets;

/// <summary>
/// Reads typed values out of cells the way people fill spreadsheets here: numbers typed as text with
/// spaces ("23 795"), a comma decimal separator ("1 500,50") or a currency suffix ("2 000 FCFA");
/// dates as Excel serial numbers or as text (2025-01-15, 15/01/2025).
/// </summary>
public static class CellParser
{
    private static readonly string[] CurrencySuffixes = ["FCFA", "F CFA", "CFA", "XOF", "GNF", "EUR", "€", "F"];
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/MM/dd", "dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "dd.MM.yyyy"];

    // Excel's first valid serial (1900-01-01) and the 1900 leap-year bug are handled by FromOADate.
    private const double MinSerial = 1;
    private const double MaxSerial = 2958465;

    public static bool TryText(RawCell cell, out string? text, out string? error)
    {
        error = null;
        text = null;
        switch (cell.Kind)
        {
            case CellKind.Error or CellKind.Uncalculated:
                error = FormulaError(cell);
                return false;
            case CellKind.Empty:
                return true;
            default:
                var trimmed = cell.Value?.Trim();
                text = string.IsNullOrEmpty(trimmed) ? null : trimmed;
                return true;
        }
    }

    /// <summary>A number, or null for a blank cell.</summary>
    /// <param name="cell">The cell as stored.</param>
    /// <param name="maxDecimals">
    /// How many decimals the column allows (the currency's minor digits, 0 for whole numbers). It decides what a lone
    /// separator followed by three digits means: "85.000" is 85 000 where decimals are impossible, and an error showing
    /// both readings where both are possible ("1.500" in euros). See <see cref="TryParseTypedNumber"/>.
    /// </param>
    /// <param name="number">The value read.</param>
    /// <param name="error">Why the cell is refused, in French.</param>
    public static bool TryNumber(RawCell cell, int maxDecimals, out decimal? number, out string? error)
    {
        number = null;
        error = null;
        switch (cell.Kind)
        {
            case CellKind.Empty:
                return true;
            case CellKind.Error or CellKind.Uncalculated:
                error = FormulaError(cell);
                return false;
            case CellKind.Number when decimal.TryParse(cell.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var stored):
                number = stored;
                return true;
            case CellKind.Text when string.IsNullOrWhiteSpace(cell.Value):
                return true;
            case CellKind.Text:
                if (TryParseTypedNumber(cell.Value!, maxDecimals, out var typed, out var ambiguity))
                {
                    number = typed;
                    return true;
                }

                error = ambiguity ?? $"« {cell.Display} » n'est pas un nombre.";
                return false;
            default:
                error = $"« {cell.Display} » n'est pas un nombre.";
                return false;
        }
    }

    /// <summary>A date, or null for a blank cell. <paramref name="date1904"/> is the workbook's date system.</summary>
    public static bool TryDate(RawCell cell, bool date1904, out DateOnly? date, out string? error)
    {
        date = null;
        error = null;
        switch (cell.Kind)
        {
            case CellKind.Empty:
                return true;
            case CellKind.Error or CellKind.Uncalculated:
                error = FormulaError(cell);
                return false;
            case CellKind.Number when double.TryParse(cell.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial):
                return TrySerial(serial, date1904, out date, out error);
            case CellKind.Text when string.IsNullOrWhiteSpace(cell.Value):
                return true;
            case CellKind.Text:
                var text = cell.Value!.Trim();
                var space = text.Length > 8 ? text.IndexOfAny([' ', 'T'], 8) : -1;
                var datePart = space > 0 ? text[..space] : text;
                if (DateOnly.TryParseExact(datePart, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    date = parsed;
                    return true;
                }

                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var typedSerial))
                {
                    return TrySerial(typedSerial, date1904, out date, out error);
                }

                error = $"« {cell.Display} » n'est pas une date (format attendu AAAA-MM-JJ).";
                return false;
            default:
                error = $"« {cell.Display} » n'est pas une date (format attendu AAAA-MM-JJ).";
                return false;
        }
    }

    /// <summary>
    /// "23 795", "1 500,50", "1.500,50", "1,500.50", "2 000 FCFA", "-3". West-African users group thousands with spaces,
    /// dots or commas, so separators are never guessed silently:
    /// <list type="bullet">
    /// <item>both '.' and ',' appear: the last one is the decimal separator ("1.500,50", "1,500.50");</item>
    /// <item>one separator repeats: it groups thousands ("1.500.000");</item>
    /// <item>one separator appears once, after one to three digits and followed by exactly three ("85.000", "18,400"):
    /// thousands when the column cannot hold that decimal reading ("85.000" FCFA is 85 000); when it could also be an
    /// amount with at most <paramref name="maxDecimals"/> decimals ("1.500" in euros: 1 500 or 1,50?), the cell is refused
    /// with both readings in <paramref name="ambiguity"/>;</item>
    /// <item>any other single separator is the decimal separator ("12,5", "1500.75").</item>
    /// </list>
    /// </summary>
    /// <param name="input">The text typed in the cell.</param>
    /// <param name="maxDecimals">The decimals the column allows.</param>
    /// <param name="value">The number read.</param>
    /// <param name="ambiguity">Set when the text has two possible readings (then the method returns false).</param>
    public static bool TryParseTypedNumber(string input, int maxDecimals, out decimal value, out string? ambiguity)
    {
        value = 0;
        ambiguity = null;
        var text = input.Trim();
        foreach (var suffix in CurrencySuffixes)
        {
            if (text.Length > suffix.Length && text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                text = text[..^suffix.Length].TrimEnd();
                break;
            }
        }

        Span<char> buffer = stackalloc char[Math.Min(text.Length, 64)];
        if (text.Length > 64)
        {
            return false;
        }

        var length = 0;
        var commas = 0;
        var dots = 0;
        var lastComma = -1;
        var lastDot = -1;
        foreach (var c in text)
        {
            if (c is ' ' or '\u00A0' or '\u202F' or '\'' or '\u2009')
            {
                continue;
            }

            if (c == ',')
            {
                commas++;
                lastComma = length;
            }
            else if (c == '.')
            {
                dots++;
                lastDot = length;
            }

            buffer[length++] = c;
        }

        if (length == 0)
        {
            return false;
        }

        // The decimal separator is the last of '.'/',' when both appear, a lone ',' (French), or a lone '.'.
        // A separator that repeats is a thousands separator ("1,500,000", "1.500.000").
        var decimalAt = (commas, dots) switch
        {
            ( > 0, > 0) => Math.Max(lastComma, lastDot),
            (1, 0) => lastComma,
            (0, 1) => lastDot,
            _ => -1,
        };

        if (commas + dots == 1 && length - decimalAt - 1 == 3 && IsGroup(buffer[..length], decimalAt))
        {
            var whole = buffer[..decimalAt].ToString().TrimStart('-', '+');
            var fraction = buffer.Slice(decimalAt + 1, 3).ToString();
            var decimals = fraction.TrimEnd('0').Length;
            if (maxDecimals > 0 && decimals <= maxDecimals)
            {
                var asThousands = whole + fraction;
                var asDecimal = whole + "," + (decimals == 0 ? "0" : fraction[..decimals]);
                ambiguity = $"« {input.Trim()} » est ambigu : {asThousands} ou {asDecimal} ? Écrivez-le sans séparateur de milliers ({asThousands}) ou avec une virgule décimale ({asDecimal}).";
                return false;
            }

            decimalAt = -1;
        }

        Span<char> normalised = stackalloc char[length];
        var n = 0;
        for (var i = 0; i < length; i++)
        {
            var c = buffer[i];
            if (c is ',' or '.')
            {
                if (i == decimalAt)
                {
                    normalised[n++] = '.';
                }

                continue;
            }

            normalised[n++] = c;
        }

        return decimal.TryParse(normalised[..n], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    // One to three digits, not starting with 0 (after an optional sign), before the separator: "85.000", "-1,500", not "0.500".
    private static bool IsGroup(ReadOnlySpan<char> text, int separator)
    {
        var start = text[0] is '-' or '+' ? 1 : 0;
        if (separator - start is < 1 or > 3 || text[start] == '0')
        {
            return false;
        }

        foreach (var c in text[start..separator])
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TrySerial(double serial, bool date1904, out DateOnly? date, out string? error)
    {
        date = null;
        var adjusted = date1904 ? serial + 1462 : serial;
        if (adjusted < MinSerial || adjusted > MaxSerial)
        {
            error = $"« {serial.ToString(CultureInfo.InvariantCulture)} » n'est pas une date valide.";
            return false;
        }

        date = DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(adjusted)));
        error = null;
        return true;
    }

    public const string UncalculatedMessage = "Formule non calculée : ouvrez et enregistrez le fichier dans Excel (ou LibreOffice) avant de le déposer.";

    private static string FormulaError(RawCell cell) => cell.Kind == CellKind.Uncalculated
        ? UncalculatedMessage
        : $"La cellule contient une erreur de formule ({cell.Value}).";
}

using Portal.Domain.Spreadsheets;

namespace Portal.Tests.Onboarding;

public class CellParserTests
{
    [Theory]
    [InlineData("23 795", 23795)]
    [InlineData("23\u00A0795", 23795)]
    [InlineData("23\u202F795", 23795)]
    [InlineData("1 500,50", 1500.50)]
    [InlineData("1.500,50", 1500.50)]
    [InlineData("1,500.50", 1500.50)]
    [InlineData("1,500,000", 1500000)]
    [InlineData("1.500.000", 1500000)]
    [InlineData("2 000 FCFA", 2000)]
    [InlineData("2000F", 2000)]
    [InlineData("12,5", 12.5)]
    [InlineData("-3", -3)]
    public void Understands_numbers_typed_as_text(string typed, double expected)
    {
        Assert.True(CellParser.TryNumber(new RawCell(CellKind.Text, typed), 2, out var value, out var error), error);
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("85.000", 0, 85000)] // FCFA has no decimals: a dot after 1-3 digits followed by 3 digits groups thousands
    [InlineData("18.400", 0, 18400)]
    [InlineData("2.000", 0, 2000)] // a stock or a quantity: whole numbers
    [InlineData("1,000", 0, 1000)]
    [InlineData("-1.500", 0, -1500)]
    [InlineData("1.234", 2, 1234)] // euros: 1,234 € would need three decimals, so it can only be 1 234
    [InlineData("0.500", 2, 0.5)] // "0" never starts a thousands group
    [InlineData("12,50", 2, 12.5)]
    [InlineData("1500.750", 2, 1500.75)] // four digits before the dot: not a group
    public void Reads_a_lone_separator_before_three_digits_as_thousands_when_decimals_cannot_be_meant(string typed, int maxDecimals, double expected)
    {
        Assert.True(CellParser.TryNumber(new RawCell(CellKind.Text, typed), maxDecimals, out var value, out var error), error);
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("1.500", "1500 ou 1,5")]
    [InlineData("12,250", "12250 ou 12,25")]
    [InlineData("7.000", "7000 ou 7,0")]
    public void Refuses_a_form_that_stays_ambiguous_and_shows_both_readings(string typed, string readings)
    {
        Assert.False(CellParser.TryNumber(new RawCell(CellKind.Text, typed), 2, out _, out var error));
        Assert.Contains($"« {typed} » est ambigu : {readings} ?", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("12 abc")]
    [InlineData("--5")]
    public void Refuses_text_that_is_not_a_number_in_French(string typed)
    {
        Assert.False(CellParser.TryNumber(new RawCell(CellKind.Text, typed), 2, out _, out var error));
        Assert.Equal($"« {typed} » n'est pas un nombre.", error);
    }

    [Fact]
    public void Reads_stored_numbers_and_treats_blank_cells_as_empty()
    {
        Assert.True(CellParser.TryNumber(new RawCell(CellKind.Number, "1.5E3"), 0, out var value, out _));
        Assert.Equal(1500m, value);
        Assert.True(CellParser.TryNumber(new RawCell(CellKind.Text, "   "), 0, out var blank, out _));
        Assert.Null(blank);
    }

    [Fact]
    public void A_formula_error_is_reported_with_its_code()
    {
        Assert.False(CellParser.TryNumber(new RawCell(CellKind.Error, "#DIV/0!"), 0, out _, out var error));
        Assert.Equal("La cellule contient une erreur de formule (#DIV/0!).", error);
    }

    [Theory]
    [InlineData(CellKind.Number, "45672", 2025, 1, 15)]
    [InlineData(CellKind.Number, "45672.75", 2025, 1, 15)]
    [InlineData(CellKind.Text, "2025-01-15", 2025, 1, 15)]
    [InlineData(CellKind.Text, "2025-1-5", 2025, 1, 5)]
    [InlineData(CellKind.Text, "15/01/2025", 2025, 1, 15)]
    [InlineData(CellKind.Text, "2025-01-15T00:00:00", 2025, 1, 15)]
    [InlineData(CellKind.Text, "2025-01-15 10:30", 2025, 1, 15)]
    [InlineData(CellKind.Text, "45672", 2025, 1, 15)]
    public void Accepts_excel_serial_numbers_and_text_dates(CellKind kind, string value, int year, int month, int day)
    {
        Assert.True(CellParser.TryDate(new RawCell(kind, value), false, out var date, out var error), error);
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Fact]
    public void Honours_the_1904_date_system()
    {
        Assert.True(CellParser.TryDate(new RawCell(CellKind.Number, "44210"), true, out var date, out _));
        Assert.Equal(new DateOnly(2025, 1, 15), date);
    }

    [Theory]
    [InlineData("15 janvier")]
    [InlineData("2025-13-01")]
    [InlineData("32/01/2025")]
    public void Refuses_what_is_not_a_date(string typed)
    {
        Assert.False(CellParser.TryDate(new RawCell(CellKind.Text, typed), false, out _, out var error));
        Assert.Equal($"« {typed} » n'est pas une date (format attendu AAAA-MM-JJ).", error);
    }
}

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
        Assert.True(CellParser.TryNumber(new RawCell(CellKind.Text, typed), out var value, out var error), error);
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("12 abc")]
    [InlineData("--5")]
    public void Refuses_text_that_is_not_a_number_in_French(string typed)
    {
        Assert.False(CellParser.TryNumber(new RawCell(CellKind.Text, typed), out _, out var error));
        Assert.Equal($"« {typed} » n'est pas un nombre.", error);
    }

    [Fact]
    public void Reads_stored_numbers_and_treats_blank_cells_as_empty()
    {
        Assert.True(CellParser.TryNumber(new RawCell(CellKind.Number, "1.5E3"), out var value, out _));
        Assert.Equal(1500m, value);
        Assert.True(CellParser.TryNumber(new RawCell(CellKind.Text, "   "), out var blank, out _));
        Assert.Null(blank);
    }

    [Fact]
    public void A_formula_error_is_reported_with_its_code()
    {
        Assert.False(CellParser.TryNumber(new RawCell(CellKind.Error, "#DIV/0!"), out _, out var error));
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

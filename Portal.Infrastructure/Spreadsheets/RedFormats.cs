using DocumentFormat.OpenXml.Spreadsheet;

namespace Portal.Infrastructure.Spreadsheets;

/// <summary>
/// The error report's red cell formats: once per cell format a faulty cell uses, a copy with a red fill, so number and date
/// formats survive. Indexes are handed out while the sheets stream; the copies are added when the stylesheet is written.
/// </summary>
internal sealed class RedFormats
{
    public const string Red = "FFFFC7CE";

    private readonly Stylesheet stylesheet;
    private readonly int existing;
    private readonly Dictionary<uint, uint> red = [];
    private readonly List<uint> sources = [];

    /// <param name="stylesheet">A copy of the workbook's stylesheet (changed when written).</param>
    public RedFormats(Stylesheet stylesheet)
    {
        this.stylesheet = stylesheet;
        existing = stylesheet.CellFormats?.Elements<CellFormat>().Count() ?? 0;
    }

    /// <summary>A default stylesheet, for a workbook that has none.</summary>
    public static Stylesheet Empty() => new(
        new Fonts(new Font()),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(new CellFormat()));

    /// <summary>The index of the red copy of cell format <paramref name="style"/>.</summary>
    public uint Of(uint style)
    {
        if (!red.TryGetValue(style, out var index))
        {
            // A workbook without a single cell format still gets the default one first, so index 0 keeps its meaning.
            index = (uint)(Math.Max(existing, 1) + sources.Count);
            red[style] = index;
            sources.Add(style);
        }

        return index;
    }

    /// <summary>The stylesheet with the red fill and the red copies appended.</summary>
    public Stylesheet Stylesheet()
    {
        if (sources.Count == 0)
        {
            return stylesheet;
        }

        var fills = stylesheet.Fills ??= new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }));
        fills.Append(new Fill(new PatternFill(new ForegroundColor { Rgb = Red }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }));
        fills.Count = (uint)fills.ChildElements.Count;
        var fillId = fills.Count - 1;

        var formats = stylesheet.CellFormats ??= new CellFormats();
        var originals = formats.Elements<CellFormat>().ToList();
        if (originals.Count == 0)
        {
            formats.Append(new CellFormat());
        }

        foreach (var style in sources)
        {
            var copy = style < originals.Count ? (CellFormat)originals[(int)style].CloneNode(true) : new CellFormat();
            copy.FillId = fillId;
            copy.ApplyFill = true;
            formats.Append(copy);
        }

        formats.Count = (uint)formats.ChildElements.Count;
        return stylesheet;
    }
}

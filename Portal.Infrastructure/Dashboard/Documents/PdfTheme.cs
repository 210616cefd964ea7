using PdfSharp.Drawing;

namespace Portal.Infrastructure.Dashboard.Documents;

/// <summary>The documents' fonts and colours (the brand blue is the interface's default primary colour).</summary>
internal sealed class PdfTheme
{
    public static readonly XColor Brand = XColor.FromArgb(0x0B, 0x5C, 0xAD);
    public static readonly XBrush BrandBrush = new XSolidBrush(Brand);
    public static readonly XBrush Text = new XSolidBrush(XColor.FromArgb(0x21, 0x25, 0x29));
    public static readonly XBrush Muted = new XSolidBrush(XColor.FromArgb(0x5F, 0x66, 0x6D));
    public static readonly XBrush Positive = new XSolidBrush(XColor.FromArgb(0x1B, 0x7F, 0x3B));
    public static readonly XBrush Negative = new XSolidBrush(XColor.FromArgb(0xB4, 0x23, 0x18));
    public static readonly XBrush Warning = new XSolidBrush(XColor.FromArgb(0x9A, 0x5B, 0x00));
    public static readonly XBrush HeaderFill = new XSolidBrush(XColor.FromArgb(0xDC, 0xE6, 0xF1));
    public static readonly XBrush StripeFill = new XSolidBrush(XColor.FromArgb(0xF5, 0xF7, 0xFA));
    public static readonly XBrush CardFill = new XSolidBrush(XColor.FromArgb(0xF5, 0xF8, 0xFC));
    public static readonly XBrush NoteFill = new XSolidBrush(XColor.FromArgb(0xFF, 0xF4, 0xD6));
    public static readonly XPen RulePen = new(XColor.FromArgb(0xC8, 0xCF, 0xD6), 0.5);
    public static readonly XPen HeaderPen = new(XColor.FromArgb(0x8E, 0xA9, 0xC1), 0.75);
    public static readonly XPen CardPen = new(XColor.FromArgb(0xD5, 0xDE, 0xE8), 0.75);

    public XFont Title { get; } = new(PdfFonts.Family, 16, XFontStyleEx.Bold);

    public XFont Heading { get; } = new(PdfFonts.Family, 11.5, XFontStyleEx.Bold);

    public XFont Body { get; } = new(PdfFonts.Family, 9);

    public XFont Cell { get; } = new(PdfFonts.Family, 8);

    public XFont CellBold { get; } = new(PdfFonts.Family, 8, XFontStyleEx.Bold);

    public XFont Small { get; } = new(PdfFonts.Family, 7.5);

    public XFont KpiValue { get; } = new(PdfFonts.Family, 14, XFontStyleEx.Bold);
}

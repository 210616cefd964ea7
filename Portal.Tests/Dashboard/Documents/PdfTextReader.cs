using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;

namespace Portal.Tests.Dashboard.Documents;

/// <summary>
/// The text a PDF written by PDFsharp shows, page by page, read back with PDFsharp's own reader: strings in a simple
/// font are WinAnsi bytes; strings in a Unicode (Type0) font are glyph ids, turned back into text by the font's ToUnicode map.
/// </summary>
public static partial class PdfTextReader
{
    private static readonly Encoding WinAnsi = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    public static PdfDocument Open(byte[] pdf) => PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);

    public static List<string> Pages(byte[] pdf)
    {
        using var document = Open(pdf);
        var pages = new List<string>();
        foreach (var page in document.Pages)
        {
            var maps = new Dictionary<string, Dictionary<int, string>?>();
            if (page.Resources.Elements.GetDictionary("/Font") is { } fonts)
            {
                foreach (var key in fonts.Elements.Keys)
                {
                    var font = fonts.Elements.GetDictionary(key);
                    maps[key] = font?.Elements.GetDictionary("/ToUnicode") is { } toUnicode ? ParseCMap(Encoding.ASCII.GetString(toUnicode.Stream.UnfilteredValue)) : null;
                }
            }

            var text = new StringBuilder();
            string? current = null;
            Walk(ContentReader.ReadContent(page), maps, ref current, text);
            pages.Add(text.ToString());
        }

        return pages;
    }

    private static void Walk(CSequence sequence, Dictionary<string, Dictionary<int, string>?> maps, ref string? font, StringBuilder text)
    {
        foreach (var item in sequence)
        {
            switch (item)
            {
                case COperator { OpCode.Name: "Tf" } op when op.Operands[0] is CName name:
                    font = name.Name;
                    break;
                case COperator { OpCode.Name: "Tj" or "'" or "\"" } op:
                    Append(op.Operands.OfType<CString>(), font, maps, text);
                    text.Append('\n');
                    break;
                case COperator { OpCode.Name: "TJ" } op:
                    Append(op.Operands.OfType<CArray>().SelectMany(a => a.OfType<CString>()), font, maps, text);
                    text.Append('\n');
                    break;
                case CSequence inner:
                    Walk(inner, maps, ref font, text);
                    break;
            }
        }
    }

    private static void Append(IEnumerable<CString> strings, string? font, Dictionary<string, Dictionary<int, string>?> maps, StringBuilder text)
    {
        var map = font is not null && maps.TryGetValue(font, out var m) ? m : null;
        foreach (var s in strings)
        {
            if (map is null)
            {
                text.Append(WinAnsi.GetString(s.Value.Select(c => (byte)c).ToArray()));
                continue;
            }

            for (var i = 0; i + 1 < s.Value.Length; i += 2)
            {
                text.Append(map.GetValueOrDefault((s.Value[i] << 8) | s.Value[i + 1], "?"));
            }
        }
    }

    private static Dictionary<int, string> ParseCMap(string cmap)
    {
        var map = new Dictionary<int, string>();
        foreach (Match range in Blocks("bfrange").SelectMany(b => RangeEntry().Matches(b)))
        {
            var (from, to, target) = (Hex(range.Groups[1].Value), Hex(range.Groups[2].Value), Hex(range.Groups[3].Value));
            for (var code = from; code <= to; code++)
            {
                map[code] = char.ConvertFromUtf32(target + (code - from));
            }
        }

        foreach (Match single in Blocks("bfchar").SelectMany(b => CharEntry().Matches(b)))
        {
            map[Hex(single.Groups[1].Value)] = char.ConvertFromUtf32(Hex(single.Groups[2].Value));
        }

        return map;

        IEnumerable<string> Blocks(string kind) =>
            Regex.Matches(cmap, $@"begin{kind}(.*?)end{kind}", RegexOptions.Singleline).Select(m => m.Groups[1].Value);
    }

    private static int Hex(string hex) => int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex RangeEntry();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex CharEntry();
}

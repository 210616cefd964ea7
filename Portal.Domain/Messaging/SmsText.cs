using System.Text;

namespace Portal.Domain.Messaging;

/// <summary>
/// What an SMS costs: GSM-7 text fits 160 characters in one segment (153 per segment once split; ^ { } [ ] ~ | € \ count
/// twice), any other character switches the whole message to UCS-2 (70, then 67). French accents outside GSM-7
/// (ê, â, ô, ç...) are folded to their nearest GSM-7 letter first, so a French SMS is not billed at 70 characters.
/// </summary>
public static class SmsText
{
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "^{}\\[~]|€\f";

    private static readonly Dictionary<char, string> Folds = new()
    {
        ['à'] = "à", ['â'] = "a", ['ä'] = "ä", ['ê'] = "e", ['ë'] = "e", ['î'] = "i", ['ï'] = "i", ['ô'] = "o", ['ö'] = "ö",
        ['û'] = "u", ['ü'] = "ü", ['ç'] = "Ç", ['À'] = "A", ['Â'] = "A", ['È'] = "E", ['Ê'] = "E", ['Ë'] = "E", ['Î'] = "I",
        ['Ï'] = "I", ['Ô'] = "O", ['Ù'] = "U", ['Û'] = "U", ['œ'] = "oe", ['Œ'] = "OE", ['’'] = "'", ['‘'] = "'", ['«'] = "\"",
        ['»'] = "\"", ['°'] = "o", ['“'] = "\"", ['”'] = "\"", ['…'] = "...", ['–'] = "-", ['—'] = "-", ['\u00A0'] = " ", ['\u202F'] = " ",
    };

    /// <summary>The text with French letters outside GSM-7 replaced by the closest GSM-7 ones (other characters kept).</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(Folds.TryGetValue(c, out var folded) ? folded : c.ToString());
        }

        return builder.ToString();
    }

    public static SmsMeasure Measure(string text)
    {
        var units = 0;
        foreach (var c in text)
        {
            if (Basic.Contains(c))
            {
                units++;
            }
            else if (Extension.Contains(c))
            {
                units += 2;
            }
            else
            {
                return new SmsMeasure(false, text.Length, Segments(text.Length, 70, 67));
            }
        }

        return new SmsMeasure(true, units, Segments(units, 160, 153));
    }

    private static int Segments(int units, int single, int multi) => units == 0 ? 1 : units <= single ? 1 : (units + multi - 1) / multi;
}

/// <param name="Gsm7">True when the text is GSM-7 (160 characters a segment); false for UCS-2 (70).</param>
/// <param name="Units">Characters as the network counts them.</param>
/// <param name="Segments">SMS billed for the text.</param>
public sealed record SmsMeasure(bool Gsm7, int Units, int Segments);

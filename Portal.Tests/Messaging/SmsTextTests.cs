using Portal.Domain.Messaging;

namespace Portal.Tests.Messaging;

public class SmsTextTests
{
    [Fact]
    public void A_french_text_of_160_gsm_characters_is_one_sms()
    {
        var text = Repeat("Réglé à l'échéance. ", 160);

        Assert.Equal(new SmsMeasure(true, 160, 1), SmsText.Measure(text));
    }

    [Fact]
    public void One_more_character_splits_it_into_segments_of_153()
    {
        Assert.Equal(new SmsMeasure(true, 161, 2), SmsText.Measure(Repeat("Réglé à l'échéance. ", 161)));
        Assert.Equal(2, SmsText.Measure(Repeat("a", 306)).Segments);
        Assert.Equal(3, SmsText.Measure(Repeat("a", 307)).Segments);
    }

    [Fact]
    public void Extension_characters_count_twice()
    {
        Assert.Equal(new SmsMeasure(true, 160, 1), SmsText.Measure(Repeat("a", 158) + "€"));
        Assert.Equal(new SmsMeasure(true, 161, 2), SmsText.Measure(Repeat("a", 159) + "€"));
        Assert.Equal(10, SmsText.Measure("[{~}]").Units);
    }

    [Fact]
    public void An_emoji_switches_the_whole_text_to_ucs2_with_70_then_67_characters_a_segment()
    {
        var smile = "🙂";

        Assert.Equal(new SmsMeasure(false, 70, 1), SmsText.Measure(Repeat("a", 68) + smile));
        Assert.Equal(new SmsMeasure(false, 71, 2), SmsText.Measure(Repeat("a", 69) + smile));
        Assert.Equal(2, SmsText.Measure(Repeat("a", 132) + smile).Segments);
        Assert.Equal(3, SmsText.Measure(Repeat("a", 133) + smile).Segments);
    }

    [Fact]
    public void An_empty_text_is_one_sms()
    {
        Assert.Equal(new SmsMeasure(true, 0, 1), SmsText.Measure(string.Empty));
    }

    [Fact]
    public void French_letters_outside_gsm7_are_folded_so_the_sms_stays_gsm7()
    {
        var original = "Votre commande est prête, reçu n° 12 « ok »";
        Assert.False(SmsText.Measure(original).Gsm7);

        var folded = SmsText.Fold(original);

        Assert.True(SmsText.Measure(folded).Gsm7, folded);
        Assert.StartsWith("Votre commande est prete, re", folded, StringComparison.Ordinal);
        Assert.EndsWith("no 12 \" ok \"", folded, StringComparison.Ordinal);
    }

    [Fact]
    public void Folding_keeps_the_accents_gsm7_already_has()
    {
        Assert.Equal("éèàùÉ", SmsText.Fold("éèàùÉ"));
        Assert.Equal("Fete a Thiès - oeuvre", SmsText.Fold("Fête â Thiès — œuvre"));
    }

    private static string Repeat(string pattern, int length)
    {
        var text = string.Concat(Enumerable.Repeat(pattern, length / pattern.Length + 1));
        return text[..length];
    }
}

using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Domain.Messaging;
using Portal.Infrastructure.Messaging;

namespace Portal.Tests.Messaging;

public class MessageRendererTests
{
    private const string Hostile = "<script>alert(1)</script> & Cie";

    private readonly MessageRenderer renderer = new(Options.Create(new MessagingOptions { AppName = "Portal" }), NullLogger<MessageRenderer>.Instance);

    [Fact]
    public void The_email_html_escapes_a_company_name_that_the_text_part_keeps_as_written()
    {
        var email = renderer.Render(MessageKinds.ImportFailed, MessageChannel.Email, Model(Hostile), null, null);

        Assert.NotNull(email.Html);
        Assert.DoesNotContain("<script>", email.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Cie", email.Html, StringComparison.Ordinal);
        Assert.Contains(Hostile, email.Body, StringComparison.Ordinal);
        Assert.Equal("Import en échec : " + Hostile, email.Subject);
    }

    [Fact]
    public void Whatsapp_gets_the_approved_template_with_each_value_as_its_own_parameter()
    {
        var whatsApp = renderer.Render(MessageKinds.ImportFailed, MessageChannel.WhatsApp, Model("Keur & Fils"), null, null);

        Assert.Equal("portal_import_failed", whatsApp.TemplateName);
        Assert.Equal(["Keur & Fils", "ventes.xlsx"], JsonSerializer.Deserialize<List<string>>(whatsApp.TemplateParameters!));
        Assert.Null(whatsApp.Html);
    }

    [Fact]
    public void An_operator_wording_that_does_not_compile_falls_back_to_the_default()
    {
        var broken = new MessageTemplate("import.failed", MessageChannel.InApp, "Échec {{tenant.name", "{{#if tenant.name}}Import raté pour {{tenant.name}}", null, DateTime.UtcNow);

        var inApp = renderer.Render(MessageKinds.ImportFailed, MessageChannel.InApp, Model("Keur Commerce"), broken, null);

        Assert.Equal("Import en échec : Keur Commerce", inApp.Subject);
        Assert.StartsWith("L'import du fichier « ventes.xlsx » pour Keur Commerce n'a pas abouti.", inApp.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void An_operator_wording_that_compiles_replaces_the_default()
    {
        var own = new MessageTemplate("import.failed", MessageChannel.InApp, "Souci : {{tenant.name}}", "Bonjour {{user.firstName}}, l'import a échoué.", null, DateTime.UtcNow);

        var inApp = renderer.Render(MessageKinds.ImportFailed, MessageChannel.InApp, Model("Keur Commerce"), own, null);

        Assert.Equal("Souci : Keur Commerce", inApp.Subject);
        Assert.Equal("Bonjour Awa, l'import a échoué.", inApp.Body);
    }

    [Fact]
    public void The_sms_is_gsm7_once_folded()
    {
        var sms = renderer.Render(MessageKinds.ImportSucceeded, MessageChannel.Sms, Model("Fête « Chez Ndèye » — Thiès"), null, null);

        Assert.True(SmsText.Measure(sms.Body).Gsm7, sms.Body);
        Assert.Equal("Portal : import de Fete \" Chez Ndèye \" - Thiès terminé, 120 produits et 3400 ventes.", sms.Body);
    }

    private static Dictionary<string, object?> Model(string tenant) => new()
    {
        ["tenant"] = new { name = tenant },
        ["import"] = new { file = "ventes.xlsx", reason = "Colonne manquante.", products = 120, sales = 3400, quality = 93 },
        ["user"] = new { firstName = "Awa", lastName = "Diop", name = "Awa Diop" },
        ["app"] = new { name = "Portal" },
    };
}

using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using HandlebarsDotNet;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Domain.Messaging;

namespace Portal.Infrastructure.Messaging;

/// <summary>
/// Renders a kind of message for one channel with Handlebars: text channels verbatim, the e-mail's HTML with every
/// variable escaped (a company called "&lt;script&gt;" stays text), SMS folded to GSM-7, WhatsApp as the approved
/// template's name and its parameters (never pasted into a text). An operator's wording that no longer compiles falls
/// back to the default, so a typo in a template never stops a message.
/// </summary>
public sealed class MessageRenderer(IOptions<MessagingOptions> options, ILogger<MessageRenderer> logger)
{
    private static readonly IHandlebars Text = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true });
    private static readonly IHandlebars Html = Handlebars.Create();
    private readonly ConcurrentDictionary<(string Source, bool Escape), HandlebarsTemplate<object, object>> compiled = new();

    public string AppName => options.Value.AppName;

    /// <param name="kind">What is sent.</param>
    /// <param name="channel">Where it goes.</param>
    /// <param name="model">The sender's variables plus the recipient's (see <see cref="MessageKind"/>).</param>
    /// <param name="wording">The operator's own subject and body for this kind and channel, if any.</param>
    /// <param name="link">Where the message leads, relative to the app (/admin/onboarding/...).</param>
    public RenderedMessage Render(MessageKind kind, MessageChannel channel, IReadOnlyDictionary<string, object?> model, MessageTemplate? wording, string? link)
    {
        var subject = Apply(wording?.Subject is { Length: > 0 } own ? own : kind.Subject, kind.Subject, model, escape: false);
        switch (channel)
        {
            case MessageChannel.Email:
                var source = wording?.Body ?? kind.Body;
                var text = Apply(source, kind.Body, model, escape: false);
                var url = AbsoluteUrl(link);
                return new RenderedMessage(subject, url is null ? text : $"{text}\n\n{url}")
                {
                    Html = EmailLayout(WebUtility.HtmlEncode(subject), Apply(source, kind.Body, model, escape: true), url),
                };
            case MessageChannel.Sms:
                return new RenderedMessage(subject, SmsText.Fold(Apply(wording?.Body ?? kind.Sms, kind.Sms, model, escape: false)));
            case MessageChannel.WhatsApp:
                var parameters = kind.WhatsAppParameters.Select(p => Apply(p, p, model, escape: false)).ToList();
                return new RenderedMessage(subject, Apply(wording?.Body ?? kind.Sms, kind.Sms, model, escape: false))
                {
                    TemplateName = kind.WhatsAppTemplate,
                    TemplateParameters = JsonSerializer.Serialize(parameters),
                };
            default:
                return new RenderedMessage(subject, Apply(wording?.Body ?? kind.Body, kind.Body, model, escape: false));
        }
    }

    private string? AbsoluteUrl(string? link) =>
        link is null || string.IsNullOrWhiteSpace(options.Value.PublicUrl) ? null : options.Value.PublicUrl.TrimEnd('/') + "/" + link.TrimStart('/');

    private string Apply(string source, string fallback, IReadOnlyDictionary<string, object?> model, bool escape)
    {
        try
        {
            return Compile(source, escape)(model).Trim();
        }
        catch (HandlebarsException e) when (source != fallback)
        {
            logger.LogWarning(e, "An operator's message template does not render; the default wording is used");
            return Compile(fallback, escape)(model).Trim();
        }
    }

    private HandlebarsTemplate<object, object> Compile(string source, bool escape) =>
        compiled.GetOrAdd((source, escape), key => (key.Escape ? Html : Text).Compile(key.Source));

    // Table layout and inline styles: what mail clients (Outlook, Gmail on Android) render the same way.
    private string EmailLayout(string subject, string escapedBody, string? url)
    {
        var paragraphs = new StringBuilder();
        foreach (var paragraph in escapedBody.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            paragraphs.Append("<p style=\"margin:0 0 16px;line-height:1.5\">").Append(paragraph.Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
        }

        var button = url is null
            ? string.Empty
            : $"<p style=\"margin:24px 0\"><a href=\"{WebUtility.HtmlEncode(url)}\" style=\"background:#0b5cad;color:#ffffff;padding:10px 18px;border-radius:4px;text-decoration:none;display:inline-block\">Ouvrir dans {WebUtility.HtmlEncode(options.Value.AppName)}</a></p>";
        return $"""
            <!DOCTYPE html>
            <html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>{subject}</title></head>
            <body style="margin:0;padding:0;background:#f3f5f8;font-family:-apple-system,Segoe UI,Roboto,Arial,sans-serif;color:#1d2733">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f5f8;padding:24px 0"><tr><td align="center">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:6px;padding:24px">
            <tr><td><h1 style="font-size:20px;margin:0 0 16px">{subject}</h1>{paragraphs}{button}
            <p style="margin:24px 0 0;font-size:12px;color:#5b6775">Message envoyé par {WebUtility.HtmlEncode(options.Value.AppName)}. Vous pouvez choisir les messages que vous recevez dans votre profil, rubrique Notifications.</p>
            </td></tr></table></td></tr></table></body></html>
            """;
    }
}

/// <summary>A message rendered for one channel.</summary>
public sealed record RenderedMessage(string Subject, string Body)
{
    public string? Html { get; init; }

    public string? TemplateName { get; init; }

    public string? TemplateParameters { get; init; }
}

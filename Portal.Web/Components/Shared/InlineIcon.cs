using Microsoft.AspNetCore.Components;

namespace Portal.Web.Components.Shared;

/// <summary>
/// A MudBlazor icon (its SVG path, a constant of <c>Icons</c>) drawn as plain markup, for places repeated on a page where
/// a <c>MudIcon</c> component per copy would cost render-tree memory in every live circuit.
/// </summary>
public static class InlineIcon
{
    public static MarkupString Small(string icon, string? cssClass = null) => Svg(icon, "small", cssClass);

    public static MarkupString Medium(string icon, string? cssClass = null) => Svg(icon, "medium", cssClass);

    private static MarkupString Svg(string icon, string size, string? cssClass) =>
        new($"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-{size} {cssClass}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">{icon}</svg>");
}

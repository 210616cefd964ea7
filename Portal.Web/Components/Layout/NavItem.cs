namespace Portal.Web.Components.Layout;

/// <summary>One link of a shell's navigation.</summary>
/// <param name="Href">Relative to the base address, e.g. <c>admin/onboarding</c>.</param>
/// <param name="Text">The French label.</param>
/// <param name="Icon">A MudBlazor icon constant.</param>
/// <param name="Exact">Active only on this very address (a home page), not on the pages below it.</param>
public sealed record NavItem(string Href, string Text, string Icon, bool Exact = false);

namespace Portal.Domain.Spreadsheets;

/// <summary>A column the importer knows, its header in the template, and other ways people write it.</summary>
public sealed record ImportColumn(string Header, bool Required, bool InTemplate, params string[] Aliases)
{
    public bool Matches(string normalisedHeader) =>
        HeaderMatcher.Normalise(Header) == normalisedHeader || Aliases.Any(a => HeaderMatcher.Normalise(a) == normalisedHeader);
}

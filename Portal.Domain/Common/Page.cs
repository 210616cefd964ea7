namespace Portal.Domain.Common;

/// <summary>The rows of one page and how many rows the whole filtered list has.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total);

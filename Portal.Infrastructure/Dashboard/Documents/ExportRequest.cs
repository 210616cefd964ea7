using Portal.Domain.Common;

namespace Portal.Infrastructure.Dashboard.Documents;

/// <summary>
/// A grid's filtered rows to export. <paramref name="Rows"/> is enumerated once, as it is written (an EF query's
/// <c>AsAsyncEnumerable()</c>): exports never hold all rows. <paramref name="Subtitle"/> summarises the filters.
/// </summary>
public sealed record ExportRequest<T>(string Title, string? Subtitle, IReadOnlyList<ExportColumn<T>> Columns, IAsyncEnumerable<T> Rows, Currency Currency);

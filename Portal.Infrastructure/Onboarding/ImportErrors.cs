using Portal.Domain.Spreadsheets;

namespace Portal.Infrastructure.Onboarding;

/// <summary>The rule violations of a failed run (stored as JSON on the job); <see cref="Total"/> may exceed the list kept.</summary>
public sealed record ImportErrors(int Total, IReadOnlyList<ImportIssue> Issues);

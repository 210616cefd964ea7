namespace Portal.Domain.Spreadsheets;

/// <summary>One broken rule: where (sheet, row, column), what was there, and why it is refused, in French.</summary>
public sealed record ImportIssue(string Sheet, int Row, string Column, string? Value, string Message);

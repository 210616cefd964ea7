namespace Portal.Domain.Spreadsheets;

public sealed record HeaderMatch(int[] ColumnIndex, IReadOnlyList<string> MissingColumns, IReadOnlyList<string> Problems)
{
    public bool IsComplete => MissingColumns.Count == 0 && Problems.Count == 0;
}

namespace Portal.Domain.Spreadsheets;

public enum CellKind
{
    Empty,
    Number,
    Text,
    Boolean,
    Error,
}

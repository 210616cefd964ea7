namespace Portal.Domain.Spreadsheets;

public enum CellKind
{
    Empty,
    Number,
    Text,
    Boolean,
    Error,

    /// <summary>A formula saved without its computed value (openpyxl and scripts write them so): we never evaluate formulas.</summary>
    Uncalculated,
}

namespace Portal.Domain.Spreadsheets;

/// <summary>
/// A cell as the workbook stores it: numbers keep their invariant text ("1500", "45292"), text is the
/// resolved string, errors keep their code ("#N/A"). Formulas arrive as their cached value.
/// </summary>
public readonly record struct RawCell(CellKind Kind, string? Value)
{
    public static readonly RawCell Empty = new(CellKind.Empty, null);

    public bool IsBlank => Kind == CellKind.Empty || (Kind == CellKind.Text && string.IsNullOrWhiteSpace(Value));

    /// <summary>What to show the user in an error list: the value, cut at <see cref="MaxDisplayLength"/> characters.</summary>
    public string Display => Kind is CellKind.Empty or CellKind.Uncalculated || Value is null
        ? string.Empty
        : Value.Length > MaxDisplayLength ? Value[..MaxDisplayLength] + "…" : Value;

    public const int MaxDisplayLength = 100;

    public static RawCell Uncalculated { get; } = new(CellKind.Uncalculated, null);
}

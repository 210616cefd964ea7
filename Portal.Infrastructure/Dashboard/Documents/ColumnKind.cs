namespace Portal.Infrastructure.Dashboard.Documents;

/// <summary>What a column holds, which decides how each format writes it.</summary>
public enum ColumnKind
{
    /// <summary>Any value, written as text (and neutralised against formula injection in CSV and Excel).</summary>
    Text,

    /// <summary>An integral number (int, long...; a decimal or double is rounded).</summary>
    Integer,

    /// <summary>An amount in minor units (a long), in the request's currency: 1500 is 1 500 FCFA, 1250 is 12,50 €.</summary>
    Money,

    /// <summary>A <see cref="DateOnly"/> (a <see cref="DateTime"/> or <see cref="DateTimeOffset"/> gives its date).</summary>
    Date,

    /// <summary>A fraction: 0.125 is 12,5 %.</summary>
    Percent,
}

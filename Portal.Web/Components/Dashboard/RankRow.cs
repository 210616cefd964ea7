namespace Portal.Web.Components.Dashboard;

/// <summary>One line of a <see cref="RankList"/>: the bar's length follows <see cref="Weight"/>.</summary>
public sealed record RankRow(string Name, string Value, long Weight, string? Detail = null);

namespace Portal.Domain.Dashboard;

/// <summary>
/// Sums of sales lines over some span, and what a manager reads from them. The margin only covers lines whose product
/// had a known cost (<see cref="CostedRevenue"/>): <see cref="CostedShare"/> says how much of the revenue that is.
/// </summary>
public sealed record SalesTotals(long Revenue, long Units, long Lines, long CostedRevenue, long Cost)
{
    public static SalesTotals Zero { get; } = new(0, 0, 0, 0, 0);

    public long AverageLine => Lines == 0 ? 0 : (long)Math.Round(Revenue / (double)Lines);

    public long Margin => CostedRevenue - Cost;

    /// <summary>Margin over the revenue it covers; null when no line has a known cost.</summary>
    public double? MarginRate => CostedRevenue == 0 ? null : Margin / (double)CostedRevenue;

    /// <summary>Share of revenue whose cost is known; null without revenue.</summary>
    public double? CostedShare => Revenue == 0 ? null : CostedRevenue / (double)Revenue;

    public static SalesTotals operator +(SalesTotals a, SalesTotals b) =>
        new(a.Revenue + b.Revenue, a.Units + b.Units, a.Lines + b.Lines, a.CostedRevenue + b.CostedRevenue, a.Cost + b.Cost);

    /// <summary>Hides what a role may not see: the costed revenue and cost become zero.</summary>
    public SalesTotals WithoutCosts() => this with { CostedRevenue = 0, Cost = 0 };

    /// <summary>Relative change from <paramref name="before"/> to <paramref name="now"/> (0.12 = +12 %); null when there was nothing before.</summary>
    public static double? Change(long now, long before) => before == 0 ? null : (now - before) / (double)before;
}

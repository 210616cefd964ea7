namespace Portal.Web.Components.Dashboard;

/// <summary>One bar: its label under the axis, its value in minor units.</summary>
public readonly record struct ChartPoint(string Label, long Value);

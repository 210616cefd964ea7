namespace Portal.Infrastructure.Dashboard.Documents;

/// <summary>One day's revenue, in minor units.</summary>
public sealed record ReportPoint(DateOnly Day, long Revenue);

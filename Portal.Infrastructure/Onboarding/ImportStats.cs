namespace Portal.Infrastructure.Onboarding;

/// <summary>What a finished run found or wrote (stored as JSON on the job).</summary>
public sealed record ImportStats(
    bool DryRun, int Products, int Sales, long SalesAmount, string Currency, int QualityScore, double Completeness, int MonthsOfHistory, int Anomalies,
    double ReadSeconds, double WriteSeconds, IReadOnlyList<string>? Warnings = null, ImportAppendStats? Append = null);

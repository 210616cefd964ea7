namespace Portal.Domain.Onboarding;

/// <summary>How much the dashboards can be trusted after an import, out of 100.</summary>
public sealed record QualityScore(int Score, double Completeness, int MonthsOfHistory, int Anomalies);

namespace Portal.Infrastructure.Dashboard.Documents;

/// <summary>A headline figure of the monthly report, formatted ("1 234 567 FCFA"); <paramref name="Change"/> e.g. "+12 % vs mois précédent".</summary>
public sealed record ReportKpi(string Label, string Value, string? Change);

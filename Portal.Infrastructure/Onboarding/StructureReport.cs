namespace Portal.Infrastructure.Onboarding;

/// <summary>What the structure check found: the sheets and headers, or why the file cannot be imported.</summary>
public sealed record StructureReport(IReadOnlyList<string> Problems, IReadOnlyList<string> Notes)
{
    public bool IsImportable => Problems.Count == 0;
}

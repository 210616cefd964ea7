namespace Portal.Infrastructure.Dashboard.Documents;

/// <summary>The files a grid can be exported to.</summary>
public enum ExportFormat
{
    Csv,
    Xlsx,
    Pdf,
}

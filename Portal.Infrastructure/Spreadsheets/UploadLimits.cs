namespace Portal.Infrastructure.Spreadsheets;

/// <summary>What an uploaded workbook may weigh, packed and unpacked.</summary>
public sealed record UploadLimits(long MaxFileBytes, long MaxExpandedBytes, int MaxCompressionRatio, int MaxEntries)
{
    public const long Megabyte = 1024 * 1024;

    /// <summary>Excel's own limit for one cell.</summary>
    public const int MaxCellLength = 32_767;

    /// <summary>Distinct texts of one workbook: far above a real 10 MB file, far below what fills the server's memory.</summary>
    public const int MaxSharedStrings = 1_000_000;

    /// <summary>10 MB uploads; a 10 MB workbook of real data unpacks to a few hundred MB at most, a zip bomb to far more.</summary>
    public static readonly UploadLimits Upload = new(10 * Megabyte, 1024 * Megabyte, 100, 500);

    /// <summary>For workbooks the product generates itself (benchmark): no file size cap.</summary>
    public static readonly UploadLimits Trusted = Upload with { MaxFileBytes = long.MaxValue, MaxExpandedBytes = 4096 * Megabyte };

    public string MaxFileLabel => $"{MaxFileBytes / Megabyte} Mo";
}

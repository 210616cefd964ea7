namespace Portal.Infrastructure.Dashboard.Documents;

/// <summary>Counts the rows written and reports the count every <see cref="Every"/> rows and once at the end.</summary>
internal sealed class RowProgress(IProgress<long>? progress)
{
    public const int Every = 1_000;

    public long Rows { get; private set; }

    public void Add()
    {
        Rows++;
        if (Rows % Every == 0)
        {
            progress?.Report(Rows);
        }
    }

    public void Complete()
    {
        if (Rows == 0 || Rows % Every != 0)
        {
            progress?.Report(Rows);
        }
    }
}

using Portal.Domain.Common;
using Portal.Infrastructure.Dashboard.Documents;

namespace Portal.Tests.Dashboard.Documents;

/// <summary>A sales grid as a dashboard page would export it, and rows served like an EF query's stream.</summary>
public static class ExportFixtures
{
    public static readonly ExportColumn<SaleLine>[] Columns =
    [
        new("Date", ColumnKind.Date, s => s.Day),
        new("Produit", ColumnKind.Text, s => s.Product),
        new("Quantité", ColumnKind.Integer, s => s.Quantity),
        new("Montant", ColumnKind.Money, s => s.Amount),
        new("Marge", ColumnKind.Percent, s => s.Margin),
        new("Note", ColumnKind.Text, s => s.Note),
    ];

    public static SaleLine Line(int i) => new(
        new DateOnly(2026, 1, 1).AddDays(i % 365), $"Produit {i % 5_000:00000}", 1 + (i % 40), 1_500 + ((i * 7_919L) % 250_000), (i % 100) / 100.0, i % 10 == 0 ? "Livré à domicile" : null);

    public static ExportRequest<SaleLine> Request(IEnumerable<SaleLine> rows, Currency? currency = null, IReadOnlyList<ExportColumn<SaleLine>>? columns = null) =>
        new("Ventes", "Du 01/01/2026 au 31/12/2026 · Site : Médina", columns ?? Columns, Rows(rows), currency ?? Currency.Xof);

    /// <summary>Yields now and then, as a database reader does between network packets.</summary>
    public static async IAsyncEnumerable<T> Rows<T>(IEnumerable<T> rows)
    {
        var i = 0;
        foreach (var row in rows)
        {
            if (++i % 500 == 0)
            {
                await Task.Yield();
            }

            yield return row;
        }
    }

    public static async Task<byte[]> ExportAsync(ExportFormat format, ExportRequest<SaleLine> request, IProgress<long>? progress = null)
    {
        using var output = new SinkStream(keep: true);
        await GridExport.WriteAsync(output, format, request, progress);
        return output.Bytes;
    }
}

public sealed record SaleLine(DateOnly Day, string Product, long Quantity, long Amount, double Margin, string? Note);

/// <summary>
/// An output like an HTTP response body: write-only, not seekable, and synchronous writes throw (Kestrel refuses them).
/// Counts the bytes, keeps them only when asked, and can look at the heap every few megabytes.
/// </summary>
public sealed class SinkStream(bool keep, long sampleEvery = 0, Action? sample = null) : Stream
{
    private readonly MemoryStream? kept = keep ? new MemoryStream() : null;
    private readonly long every = sampleEvery;
    private long nextSample = sampleEvery;

    public long Written { get; private set; }

    public byte[] Bytes => kept!.ToArray();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Written += buffer.Length;
        kept?.Write(buffer.Span);
        if (sample is not null && Written >= nextSample)
        {
            sample();
            nextSample = Written + every;
        }

        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");

    public override void Flush() => throw new InvalidOperationException("Synchronous operations are disallowed.");

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            kept?.Dispose();
        }

        base.Dispose(disposing);
    }
}

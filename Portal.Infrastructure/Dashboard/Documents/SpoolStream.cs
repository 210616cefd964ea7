namespace Portal.Infrastructure.Dashboard.Documents;

/// <summary>
/// Collects what synchronous writers (StreamWriter, the zip deflater, PDFsharp) write, so the export can hand it to the
/// real output asynchronously: an HTTP response body refuses synchronous writes. The export drains it between rows,
/// so it holds one chunk at a time, never the file.
/// </summary>
internal sealed class SpoolStream : Stream
{
    public const int Threshold = 64 * 1024;

    private readonly MemoryStream buffer = new(Threshold * 2);
    private long drained;

    public bool IsFull => buffer.Length >= Threshold;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => drained + buffer.Length;
        set => throw new NotSupportedException();
    }

    public async ValueTask DrainAsync(Stream output, CancellationToken ct)
    {
        if (buffer.Length == 0)
        {
            return;
        }

        await output.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ct);
        drained += buffer.Length;
        buffer.SetLength(0);
    }

    public override void Write(byte[] buffer, int offset, int count) => this.buffer.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => this.buffer.Write(buffer);

    public override void WriteByte(byte value) => buffer.WriteByte(value);

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            buffer.Dispose();
        }

        base.Dispose(disposing);
    }
}

namespace Portal.Infrastructure.Files;

/// <summary>
/// Keeps uploaded workbooks on disk until their import has run (<c>Portal:Storage:Path</c>, default <c>data/files</c>).
/// Keys are generated here, never taken from the user, so they cannot point outside the folder.
/// </summary>
public sealed class ImportFileStore(string? path)
{
    public const string PathSetting = "Portal:Storage:Path";

    private readonly string root = Path.GetFullPath(string.IsNullOrWhiteSpace(path) ? Path.Combine("data", "files") : path);

    public async Task<string> SaveAsync(Guid tenantId, Stream content, CancellationToken cancellationToken)
    {
        var key = $"imports/{tenantId:N}/{Guid.NewGuid():N}.xlsx";
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        content.Position = 0;
        await content.CopyToAsync(file, cancellationToken);
        return key;
    }

    public Stream OpenRead(string key) => new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, 81920);

    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(root, key));
        return path.StartsWith(root, StringComparison.Ordinal) ? path : throw new InvalidOperationException("Invalid file key.");
    }
}

using System.IO.Compression;
using System.Text;

namespace Portal.Infrastructure.Spreadsheets;

/// <summary>
/// Decides from the bytes, not the file name, whether an upload is an .xlsx workbook we may open, and
/// refuses zip bombs before any XML is parsed. Returns the unpacked size of each part.
/// </summary>
public static class PackageInspector
{
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] CompoundFileSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static Dictionary<string, long> Inspect(Stream file, UploadLimits limits)
    {
        if (file.Length == 0)
        {
            throw new ImportFileException("Le fichier est vide.");
        }

        if (file.Length > limits.MaxFileBytes)
        {
            throw new ImportFileException($"Le fichier dépasse la taille maximale de {limits.MaxFileLabel}.");
        }

        var head = new byte[8];
        file.Position = 0;
        file.ReadExactly(head, 0, (int)Math.Min(8, file.Length));
        file.Position = 0;

        if (head.AsSpan().SequenceEqual(CompoundFileSignature))
        {
            throw new ImportFileException(ContainsUtf16(file, "EncryptionInfo")
                ? "Le classeur est protégé par un mot de passe : enregistrez-le sans mot de passe, puis réessayez."
                : "Ce fichier est au format Excel 97-2003 (.xls) : enregistrez-le au format .xlsx, puis réessayez.");
        }

        if (!head.AsSpan(0, 4).SequenceEqual(ZipSignature))
        {
            throw new ImportFileException("Ce fichier n'est pas un classeur Excel (.xlsx). Utilisez le modèle téléchargé à l'étape 3.");
        }

        var sizes = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > limits.MaxEntries)
            {
                throw new ImportFileException("Le fichier contient trop d'éléments pour être un classeur du modèle.");
            }

            long expanded = 0;
            foreach (var entry in zip.Entries)
            {
                expanded += entry.Length;
                if (entry.Length > 1024 * 1024 && entry.CompressedLength > 0 && entry.Length / entry.CompressedLength > limits.MaxCompressionRatio)
                {
                    throw new ImportFileException("Le fichier est anormalement compressé (archive piégée) : il est refusé.");
                }

                sizes["/" + entry.FullName] = entry.Length;
            }

            if (expanded > limits.MaxExpandedBytes)
            {
                throw new ImportFileException("Le fichier décompressé est trop volumineux : il est refusé.");
            }
        }
        catch (InvalidDataException)
        {
            throw new ImportFileException("Le fichier est endommagé : ce n'est pas un classeur Excel lisible.");
        }
        finally
        {
            file.Position = 0;
        }

        // Macros, links to other files (DDE included), embedded OLE objects and ActiveX controls can run code or fetch data
        // when the staff member opens the error report: a plain workbook never needs them.
        if (sizes.Keys.Any(IsActiveContent))
        {
            throw new ImportFileException("Le classeur contient des macros, des liens externes ou des objets incorporés : enregistrez-le comme classeur Excel simple (.xlsx) sans ces éléments, puis réessayez.");
        }

        if (!sizes.ContainsKey("/xl/workbook.xml"))
        {
            throw new ImportFileException(sizes.ContainsKey("/word/document.xml")
                ? "Ce fichier est un document Word, pas un classeur Excel (.xlsx)."
                : sizes.ContainsKey("/ppt/presentation.xml")
                    ? "Ce fichier est une présentation PowerPoint, pas un classeur Excel (.xlsx)."
                    : "Ce fichier n'est pas un classeur Excel (.xlsx). Utilisez le modèle téléchargé à l'étape 3.");
        }

        return sizes;
    }

    private static bool IsActiveContent(string part) =>
        part.EndsWith("/vbaProject.bin", StringComparison.OrdinalIgnoreCase)
        || part.EndsWith("/vbaProjectSignature.bin", StringComparison.OrdinalIgnoreCase)
        || part.StartsWith("/xl/externalLinks/", StringComparison.OrdinalIgnoreCase)
        || part.StartsWith("/xl/embeddings/", StringComparison.OrdinalIgnoreCase)
        || part.StartsWith("/xl/activeX/", StringComparison.OrdinalIgnoreCase);

    private static bool ContainsUtf16(Stream file, string text)
    {
        var needle = Encoding.Unicode.GetBytes(text);
        var buffer = new byte[Math.Min(file.Length, 1024 * 1024)];
        file.Position = 0;
        var read = file.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        file.Position = 0;
        return buffer.AsSpan(0, read).IndexOf(needle) >= 0;
    }
}

using PdfSharp.Fonts;

namespace Portal.Infrastructure.Dashboard.Documents;

/// <summary>
/// PDFsharp finds no font by itself on Linux: this resolver serves DejaVu Sans (Debian's fonts-dejavu-core; Liberation
/// Sans from fonts-liberation when DejaVu is missing) for every family asked, regular or bold; italic is simulated.
/// Both packages are installed by <c>.ci/run</c> and the Dockerfile. PDFsharp takes one resolver per process and refuses
/// a different one once fonts have been used, so <see cref="Register"/> sets it once and is cheap to call before every
/// document.
/// </summary>
public static class PdfFonts
{
    /// <summary>The family the documents ask for.</summary>
    public const string Family = "DejaVu Sans";

    private const string RegularFace = "portal-sans";
    private const string BoldFace = "portal-sans-bold";

    private static readonly (string Regular, string Bold)[] Candidates =
    [
        ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
        ("/usr/share/fonts/dejavu/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf"),
        ("/usr/share/fonts/TTF/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"),
        ("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"),
        ("/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf", "/usr/share/fonts/liberation-sans/LiberationSans-Bold.ttf"),
    ];

    private static readonly Lock Gate = new();
    private static readonly Resolver Instance = new();

    /// <summary>Installs the resolver if no resolver is set yet; throws if another one was.</summary>
    public static void Register()
    {
        lock (Gate)
        {
            switch (GlobalFontSettings.FontResolver)
            {
                case Resolver:
                    return;
                case null:
                    GlobalFontSettings.FontResolver = Instance;
                    return;
                default:
                    throw new InvalidOperationException("Another PDFsharp font resolver is installed; the documents need PdfFonts' own.");
            }
        }
    }

    private sealed class Resolver : IFontResolver
    {
        private readonly Lazy<(byte[] Regular, byte[] Bold)> faces = new(Load);

        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? BoldFace : RegularFace, mustSimulateBold: false, mustSimulateItalic: italic);

        public byte[] GetFont(string faceName) => faceName == BoldFace ? faces.Value.Bold : faces.Value.Regular;

        private static (byte[] Regular, byte[] Bold) Load()
        {
            foreach (var (regular, bold) in Candidates)
            {
                if (File.Exists(regular) && File.Exists(bold))
                {
                    return (File.ReadAllBytes(regular), File.ReadAllBytes(bold));
                }
            }

            throw new InvalidOperationException(
                "No font for PDF documents: install the Debian packages fonts-dejavu-core or fonts-liberation (see the Dockerfile).");
        }
    }
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Portal.Web.Security;

/// <summary>
/// The data-protection key ring (which signs the sign-in cookies) lives in the database, so its keys are encrypted with a
/// certificate: a copy of the database alone must not be enough to mint an admin cookie.
/// <list type="bullet">
/// <item><c>Portal:DataProtection:CertificatePath</c> (PFX) and <c>Portal:DataProtection:CertificatePassword</c>: the
/// operator's certificate, required in Production;</item>
/// <item>in Development and with <c>--demo</c>, without configuration, a certificate is generated once in the data folder
/// (<c>data/keys/data-protection.pfx</c>), readable by the service account only.</item>
/// </list>
/// </summary>
public static class KeyProtection
{
    public const string PathSetting = "Portal:DataProtection:CertificatePath";
    public const string PasswordSetting = "Portal:DataProtection:CertificatePassword";
    public const string GeneratedPath = "data/keys/data-protection.pfx";

    public static IServiceCollection AddKeyProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var path = configuration[PathSetting];
        var password = configuration[PasswordSetting];
        if (string.IsNullOrWhiteSpace(path))
        {
            if (environment.IsProduction() && !configuration.GetValue<bool>("Portal:Bootstrap:Demo"))
            {
                throw new InvalidOperationException(
                    $"Production needs a certificate to encrypt the data-protection keys: set {PathSetting} (a .pfx file) and {PasswordSetting}. " +
                    "Without it, a copy of the database would be enough to forge sign-in cookies.");
            }

            path = GeneratedPath;
            password = null;
            if (!File.Exists(path))
            {
                Generate(path);
            }
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        services.AddDataProtection().ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        return services;
    }

    private static void Generate(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        using var key = RSA.Create(3072);
        var request = new CertificateRequest("CN=Portal data protection", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Web.Security;

namespace Portal.Tests.Web;

public class KeyProtectionTests
{
    [Fact]
    public void Production_refuses_to_start_without_a_certificate_for_the_key_ring()
    {
        var configuration = new ConfigurationBuilder().Build();
        var refused = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddKeyProtection(configuration, new Environment("Production")));
        Assert.Contains(KeyProtection.PathSetting, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_configured_certificate_protects_the_keys()
    {
        var path = Path.Combine(Path.GetTempPath(), $"portal-key-{Guid.NewGuid():N}.pfx");
        using (var key = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, "secret"));
        }

        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                [KeyProtection.PathSetting] = path,
                [KeyProtection.PasswordSetting] = "secret",
            }).Build();
            using var provider = new ServiceCollection().AddLogging().AddKeyProtection(configuration, new Environment("Production")).BuildServiceProvider();
            var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>>().Value;
            Assert.IsType<Microsoft.AspNetCore.DataProtection.XmlEncryption.CertificateXmlEncryptor>(options.XmlEncryptor);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "Portal";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}

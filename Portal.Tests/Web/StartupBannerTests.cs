using Portal.Infrastructure.Bootstrap;

namespace Portal.Tests.Web;

public class StartupBannerTests
{
    [Fact]
    public void The_banner_gives_the_address_to_open_and_the_accounts_created_once()
    {
        var banner = new StartupBanner();
        Assert.Contains("Ouvrez : http://localhost:8080", banner.Describe(["http://0.0.0.0:8080"]), StringComparison.Ordinal);
        Assert.DoesNotContain("mot de passe:", banner.Describe(["http://127.0.0.1:5080"]), StringComparison.Ordinal);

        banner.Record([new CreatedLogin("Admin", "admin@portal.local", "Xy12abCD34ef")]);
        var text = banner.Describe(["http://127.0.0.1:5080"]);
        Assert.Contains("Ouvrez : http://127.0.0.1:5080", text, StringComparison.Ordinal);
        Assert.Contains("Administrateur plateforme  identifiant: admin@portal.local", text, StringComparison.Ordinal);
        Assert.Contains("mot de passe: Xy12abCD34ef", text, StringComparison.Ordinal);
    }
}

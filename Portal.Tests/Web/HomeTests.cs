using Portal.Web.Components;

namespace Portal.Tests.Web;

public class HomeTests
{
    [Theory]
    [InlineData("/app", "/app")]
    [InlineData("/admin/onboarding?x=1", "/admin/onboarding?x=1")]
    [InlineData("/café", "/caf%C3%A9")]
    [InlineData("//evil.example", null)]
    [InlineData("/\\evil.example", null)]
    [InlineData("https://evil.example", null)]
    [InlineData("/app\r\nSet-Cookie: x=1", null)]
    [InlineData("", null)]
    public void Only_local_return_urls_are_followed_and_always_as_ascii(string url, string? expected) =>
        Assert.Equal(expected, Home.LocalReturnUrl(url));
}

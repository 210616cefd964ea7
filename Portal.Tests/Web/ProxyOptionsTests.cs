using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Web.Security;

namespace Portal.Tests.Web;

public class ProxyOptionsTests
{
    [Fact]
    public async Task A_known_proxy_passes_on_the_client_address_and_the_scheme()
    {
        var context = await ThroughAsync(["10.0.0.2"], from: "10.0.0.2");
        Assert.Equal(IPAddress.Parse("41.82.10.5"), context.Connection.RemoteIpAddress);
        Assert.True(context.Request.IsHttps);
    }

    [Fact]
    public async Task Anyone_else_s_forwarded_headers_are_ignored()
    {
        var context = await ThroughAsync(["10.0.0.2"], from: "203.0.113.9");
        Assert.Equal(IPAddress.Parse("203.0.113.9"), context.Connection.RemoteIpAddress);
        Assert.False(context.Request.IsHttps);
    }

    [Fact]
    public void Without_configured_proxies_no_forwarded_header_is_trusted() =>
        Assert.Null(ProxyOptions.From(new ConfigurationBuilder().Build()));

    private static async Task<HttpContext> ThroughAsync(string[] proxies, string from)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            proxies.Select((p, i) => new KeyValuePair<string, string?>($"{ProxyOptions.Section}:{i}", p))).Build();
        var options = ProxyOptions.From(configuration)!;
        var middleware = new ForwardedHeadersMiddleware(_ => Task.CompletedTask, NullLoggerFactory.Instance, Options.Create(options));
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(from);
        context.Request.Scheme = "http";
        context.Request.Headers["X-Forwarded-For"] = "41.82.10.5";
        context.Request.Headers["X-Forwarded-Proto"] = "https";
        await middleware.Invoke(context);
        return context;
    }
}

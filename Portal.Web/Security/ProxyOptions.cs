using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Portal.Web.Security;

/// <summary>
/// Behind a TLS proxy (the Dockerfile serves HTTP on 8080): the proxies listed in <c>Portal:Proxy:KnownProxies</c> are
/// trusted for <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>, so cookies are marked Secure, HSTS applies and the
/// sign-in limiter counts the real client address, not the proxy's. Nobody else's forwarded headers are believed.
/// </summary>
public static class ProxyOptions
{
    public const string Section = "Portal:Proxy:KnownProxies";

    public static ForwardedHeadersOptions? From(IConfiguration configuration)
    {
        var proxies = configuration.GetSection(Section).Get<string[]>() ?? [];
        if (proxies.Length == 0)
        {
            return null;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy.Trim(), out var address)
                ? address
                : throw new InvalidOperationException($"{Section}: « {proxy} » is not an IP address."));
        }

        return options;
    }
}

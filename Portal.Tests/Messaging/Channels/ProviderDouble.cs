using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Portal.Tests.Messaging.Channels;

/// <summary>A provider's HTTP API on a loopback port: it records every request and answers as the test tells it.</summary>
internal sealed class ProviderDouble : IAsyncDisposable
{
    private readonly WebApplication app;

    private ProviderDouble(WebApplication app) => this.app = app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Where it listens, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl => app.Urls.Single().TrimEnd('/');

    public static async Task<ProviderDouble> StartAsync(Func<RecordedRequest, HttpContext, Task> answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var provider = new ProviderDouble(app);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var request = new RecordedRequest(
                context.Request.Method,
                context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
                context.Request.Headers.Authorization.ToString(),
                context.Request.ContentType ?? string.Empty,
                await reader.ReadToEndAsync(context.RequestAborted));
            provider.Requests.Enqueue(request);
            await answer(request, context);
        });
        await app.StartAsync();
        return provider;
    }

    public static async Task JsonAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json);
    }

    /// <summary>Never answers: the request ends when the client gives up (or the double stops).</summary>
    public static async Task StallAsync(HttpContext context, TaskCompletionSource? arrived = null)
    {
        arrived?.TrySetResult();
        var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, either.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

internal sealed record RecordedRequest(string Method, string RawTarget, string Authorization, string ContentType, string Body)
{
    public bool Is(string pathEnd) => RawTarget.EndsWith(pathEnd, StringComparison.Ordinal);
}

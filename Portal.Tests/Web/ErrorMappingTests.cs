using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Web.Components.Shared;

namespace Portal.Tests.Web;

/// <summary>One mapping from refusals to what people see: French messages in components, ProblemDetails in endpoints.</summary>
public class ErrorMappingTests
{
    [Fact]
    public async Task A_component_shows_every_broken_rule_and_lets_bugs_through()
    {
        var refused = await UserError.TryAsync(() => throw new ValidationFailedException(["Ligne 1 : nom manquant.", "Ligne 2 : rôle inconnu."]));
        Assert.Equal(["Ligne 1 : nom manquant.", "Ligne 2 : rôle inconnu."], refused!.Messages);
        Assert.True((await UserError.TryAsync(() => throw new NotFoundException("Introuvable.")))!.IsNotFound);
        Assert.Null(await UserError.TryAsync(() => Task.CompletedTask));
        await Assert.ThrowsAsync<InvalidOperationException>(() => UserError.TryAsync(() => throw new InvalidOperationException("bug")));
    }

    [Theory]
    [InlineData("not-found", 404)]
    [InlineData("forbidden", 403)]
    [InlineData("rule", 400)]
    public async Task An_endpoint_answers_a_refusal_with_problem_details_in_french(string kind, int status)
    {
        DomainException exception = kind switch
        {
            "not-found" => new NotFoundException("Cet import est introuvable."),
            "forbidden" => new ForbiddenException("Accès refusé."),
            _ => new ValidationFailedException(["Ligne 1 : nom manquant."]),
        };
        var (handled, context) = await HandleAsync(exception);

        Assert.True(handled);
        Assert.Equal(status, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        using var json = await JsonDocument.ParseAsync(context.Response.Body);
        Assert.Equal(exception.Message, json.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Other_exceptions_are_left_to_the_error_page()
    {
        var (handled, _) = await HandleAsync(new InvalidOperationException("bug"));
        Assert.False(handled);
    }

    private static async Task<(bool Handled, HttpContext Context)> HandleAsync(Exception exception)
    {
        var services = new ServiceCollection().AddLogging();
        Portal.Web.DependencyInjection.AddPortalWeb(services, new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        await using var provider = services.BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = provider };
        context.Response.Body = new MemoryStream();
        context.Request.Headers.Accept = "application/json";
        var handled = false;
        foreach (var handler in provider.GetServices<IExceptionHandler>())
        {
            handled |= await handler.TryHandleAsync(context, exception, CancellationToken.None);
        }

        return (handled, context);
    }
}

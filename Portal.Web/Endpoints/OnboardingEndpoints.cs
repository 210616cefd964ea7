using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Domain.Common;
using Portal.Infrastructure.Onboarding;

namespace Portal.Web.Endpoints;

/// <summary>The onboarding wizard's downloads: the personalised template and a failed run's error report (staff only).</summary>
public static class OnboardingEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapOnboardingEndpoints(this IEndpointRouteBuilder app)
    {
        var onboarding = app.MapGroup("/admin/onboarding").RequireAuthorization(DependencyInjection.StaffPolicy).WithTags("Onboarding");
        onboarding.MapGet("/{sessionId:guid}/template", TemplateAsync);
        onboarding.MapGet("/imports/{jobId:guid}/errors", ErrorReportAsync);
        return app;
    }

    private static Task<Results<FileContentHttpResult, NotFound>> TemplateAsync(Guid sessionId, OnboardingService onboarding, CancellationToken cancellationToken) =>
        FileAsync(() => onboarding.TemplateAsync(sessionId, cancellationToken));

    private static Task<Results<FileContentHttpResult, NotFound>> ErrorReportAsync(Guid jobId, OnboardingService onboarding, CancellationToken cancellationToken) =>
        FileAsync(() => onboarding.ErrorReportAsync(jobId, cancellationToken));

    private static async Task<Results<FileContentHttpResult, NotFound>> FileAsync(Func<Task<(string Name, byte[] Content)>> build)
    {
        try
        {
            var (name, content) = await build();
            return TypedResults.File(content, Xlsx, name);
        }
        catch (NotFoundException)
        {
            return TypedResults.NotFound();
        }
    }
}

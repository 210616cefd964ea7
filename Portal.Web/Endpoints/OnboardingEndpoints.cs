using Microsoft.AspNetCore.Http.HttpResults;
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

    // A refusal (unknown id, another tenant's) becomes ProblemDetails in Errors/DomainExceptionHandler.
    private static async Task<FileContentHttpResult> TemplateAsync(Guid sessionId, OnboardingService onboarding, CancellationToken cancellationToken) =>
        File(await onboarding.TemplateAsync(sessionId, cancellationToken));

    // The report is a temporary file: the response streams it and closes it, which deletes it.
    private static async Task<FileStreamHttpResult> ErrorReportAsync(Guid jobId, OnboardingService onboarding, CancellationToken cancellationToken)
    {
        var (name, content) = await onboarding.ErrorReportAsync(jobId, cancellationToken);
        return TypedResults.File(content, Xlsx, name);
    }

    private static FileContentHttpResult File((string Name, byte[] Content) file) => TypedResults.File(file.Content, Xlsx, file.Name);
}

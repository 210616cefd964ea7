using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Infrastructure.Imports;

namespace Portal.Web.Endpoints;

/// <summary>The company's import page downloads: the template and a failed run's error report (Owner and Manager).</summary>
public static class SelfImportEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapSelfImportEndpoints(this IEndpointRouteBuilder app)
    {
        var imports = app.MapGroup("/app/import").RequireAuthorization(DependencyInjection.TenantPolicy).WithTags("Imports");
        imports.MapGet("/template", TemplateAsync);
        imports.MapGet("/runs/{jobId:guid}/errors", ErrorReportAsync);
        return app;
    }

    // The permission (Dashboard.Manage) is the service's to demand; a refusal becomes ProblemDetails (Errors/DomainExceptionHandler).
    private static async Task<FileContentHttpResult> TemplateAsync(SelfImportService imports, CancellationToken cancellationToken)
    {
        var (name, content) = await imports.TemplateAsync(cancellationToken);
        return TypedResults.File(content, Xlsx, name);
    }

    // The report is a temporary file: the response streams it and closes it, which deletes it.
    private static async Task<FileStreamHttpResult> ErrorReportAsync(Guid jobId, SelfImportService imports, CancellationToken cancellationToken)
    {
        var (name, content) = await imports.ErrorReportAsync(jobId, cancellationToken);
        return TypedResults.File(content, Xlsx, name);
    }
}

using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Portal.Domain.Common;

namespace Portal.Web.Errors;

/// <summary>
/// Endpoints (downloads, later the enterprise API and payment notifications) answer a refused call with ProblemDetails
/// carrying the French message: 404 not found, 403 forbidden, 400 for broken rules (with each message). Pages keep the
/// error page; other exceptions are not ours to describe.
/// </summary>
internal sealed class DomainExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DomainException domain || httpContext.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
        {
            return false;
        }

        var (status, title) = domain switch
        {
            NotFoundException => (StatusCodes.Status404NotFound, "Introuvable"),
            ForbiddenException => (StatusCodes.Status403Forbidden, "Accès refusé"),
            _ => (StatusCodes.Status400BadRequest, "Demande refusée"),
        };
        httpContext.Response.StatusCode = status;
        var details = new ProblemDetails { Status = status, Title = title, Detail = domain.Message };
        if (domain is ValidationFailedException validation)
        {
            details.Extensions["errors"] = validation.Errors;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }
}

namespace Portal.Infrastructure.Tenancy;

public sealed record PlatformOverview(int TenantCount, int ActiveTenantCount, int SignInsLast24Hours, int FailedSignInsLast24Hours);

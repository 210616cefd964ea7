namespace Portal.Domain.Common;

/// <summary>
/// Ownership marker: the operator's own records (the tenant registry, onboarding sessions, import runs, the audit trail).
/// Platform staff and background jobs read and write them; tenant users never see them.
/// </summary>
public interface IPlatformOwned;

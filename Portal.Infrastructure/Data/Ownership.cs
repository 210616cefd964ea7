namespace Portal.Infrastructure.Data;

/// <summary>Who a row belongs to; decides its query filter and who may write it (see <see cref="OwnershipGuard"/>).</summary>
public enum Ownership
{
    Tenant,
    Platform,
    User,
    Global,
}

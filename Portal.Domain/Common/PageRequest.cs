namespace Portal.Domain.Common;

/// <summary>
/// One page of a list the server sorts and pages (every grid asks for this rather than loading all rows).
/// <see cref="SortBy"/> names a column the service knows; anything else falls back to the service's default order.
/// </summary>
public sealed record PageRequest(int Skip, int Take, string? SortBy = null, bool Descending = false)
{
    public const int MaxTake = 200;

    public int SafeSkip => Math.Max(0, Skip);

    public int SafeTake => Math.Clamp(Take, 1, MaxTake);
}

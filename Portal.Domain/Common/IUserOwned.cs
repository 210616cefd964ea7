namespace Portal.Domain.Common;

/// <summary>Ownership marker: one person's things (notifications, preferences). Only that person reads or changes them.</summary>
public interface IUserOwned
{
    Guid UserId { get; }
}

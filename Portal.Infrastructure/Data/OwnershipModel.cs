using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Common;

namespace Portal.Infrastructure.Data;

/// <summary>
/// Reads an entity type's ownership: domain types carry a marker interface; framework types (Identity's user tables,
/// data-protection keys) are declared in their configuration with <see cref="HasOwnership"/>. An entity with none,
/// or with more than one, stops the model from building, so the application cannot start with it.
/// </summary>
public static class OwnershipModel
{
    private const string Annotation = "Portal:Ownership";

    /// <summary>Declares the ownership of a type that cannot carry a marker interface.</summary>
    public static EntityTypeBuilder HasOwnership(this EntityTypeBuilder builder, Ownership ownership) =>
        builder.HasAnnotation(Annotation, ownership.ToString());

    public static IReadOnlyList<Ownership> Declared(IReadOnlyEntityType entityType)
    {
        var clr = entityType.ClrType;
        var kinds = new List<Ownership>();
        if (typeof(ITenantOwned).IsAssignableFrom(clr))
        {
            kinds.Add(Ownership.Tenant);
        }

        if (typeof(IPlatformOwned).IsAssignableFrom(clr))
        {
            kinds.Add(Ownership.Platform);
        }

        if (typeof(IUserOwned).IsAssignableFrom(clr))
        {
            kinds.Add(Ownership.User);
        }

        if (typeof(IGlobal).IsAssignableFrom(clr))
        {
            kinds.Add(Ownership.Global);
        }

        if (entityType.FindAnnotation(Annotation)?.Value is string declared)
        {
            kinds.Add(Enum.Parse<Ownership>(declared));
        }

        return kinds;
    }

    public static Ownership Of(IReadOnlyEntityType entityType)
    {
        var kinds = Declared(entityType);
        return kinds.Count == 1
            ? kinds[0]
            : throw new InvalidOperationException(
                $"Entity {entityType.ClrType.Name} must declare exactly one ownership (ITenantOwned, IPlatformOwned, IUserOwned, IGlobal, or HasOwnership in its configuration); it declares {(kinds.Count == 0 ? "none" : string.Join(", ", kinds))}.");
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Infrastructure.Data.Configurations;

/// <summary>Identity's side tables (external logins, claims, tokens) belong to one person each.</summary>
internal sealed class IdentityTablesConfiguration
    : IEntityTypeConfiguration<IdentityUserClaim<Guid>>, IEntityTypeConfiguration<IdentityUserLogin<Guid>>, IEntityTypeConfiguration<IdentityUserToken<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserClaim<Guid>> builder) => builder.HasOwnership(Ownership.User);

    public void Configure(EntityTypeBuilder<IdentityUserLogin<Guid>> builder) => builder.HasOwnership(Ownership.User);

    public void Configure(EntityTypeBuilder<IdentityUserToken<Guid>> builder) => builder.HasOwnership(Ownership.User);
}

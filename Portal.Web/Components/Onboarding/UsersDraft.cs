namespace Portal.Web.Components.Onboarding;

/// <summary>The people typed at the users step, kept by the wizard so going back and forth does not lose them.</summary>
public sealed class UsersDraft
{
    public List<UserRow> Rows { get; } = [new() { Role = Domain.Identity.Roles.Owner }];

    public sealed class UserRow
    {
        public string? FirstName { get; set; }

        public string? LastName { get; set; }

        public string? Identifier { get; set; }

        public string Role { get; set; } = Domain.Identity.Roles.Manager;
    }
}

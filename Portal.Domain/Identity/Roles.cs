namespace Portal.Domain.Identity;

/// <summary>Platform roles (operator staff) and tenant roles (a client company's people).</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Staff = "Staff";
    public const string Owner = "Owner";
    public const string Manager = "Manager";
    public const string Member = "Member";
    public const string Viewer = "Viewer";

    public static bool IsPlatform(string? role) => role is Admin or Staff;

    public static bool IsTenant(string? role) => role is Owner or Manager or Member or Viewer;
}

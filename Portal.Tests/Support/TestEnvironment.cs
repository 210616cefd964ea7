namespace Portal.Tests.Support;

/// <summary>
/// What the machine offers. On a developer machine a missing PostgreSQL or Chromium skips those tests
/// with a message; under CI (CI=true) it is a failure, so CI always runs everything.
/// </summary>
public static class TestEnvironment
{
    public const string PostgresVariable = "PORTAL_TEST_POSTGRES";
    public const string ChromiumPath = "/usr/bin/chromium";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public static bool RunPostgres => PostgresConnectionString is not null || IsCi;

    public static bool RunBrowser => File.Exists(ChromiumPath) || IsCi;

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string ArtifactsDirectory
    {
        get
        {
            var path = Path.Combine(RepositoryRoot, "artifacts", "screenshots");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Portal.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Portal.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A fact that needs PostgreSQL: skipped with a message when none is configured outside CI.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestEnvironment.RunPostgres)
        {
            Skip = $"PostgreSQL tests skipped: set {TestEnvironment.PostgresVariable} to a connection string of a role that may create databases (CI always sets it).";
        }
    }
}

/// <summary>A fact that drives Debian's Chromium: skipped with a message when it is not installed outside CI.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!TestEnvironment.RunBrowser)
        {
            Skip = $"Browser tests skipped: {TestEnvironment.ChromiumPath} is missing (apt-get install chromium; CI always installs it).";
        }
    }
}

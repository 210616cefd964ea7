namespace Portal.Infrastructure.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>"Sqlite" (default) or "Postgres".</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>The SQLite file, relative to the working directory unless absolute.</summary>
    public string SqlitePath { get; set; } = "data/portal.db";

    /// <summary>ConnectionStrings:Portal, required when the provider is PostgreSQL.</summary>
    public string? PostgresConnectionString { get; set; }

    public bool IsPostgres => string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase);
}

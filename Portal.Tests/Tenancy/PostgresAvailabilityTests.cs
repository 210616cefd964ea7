using Portal.Tests.Support;

namespace Portal.Tests.Tenancy;

public class PostgresAvailabilityTests
{
    // Shows, once and by name, whether the PostgreSQL rows of the provider theories ran.
    [PostgresFact]
    public async Task PostgreSQL_is_reachable_for_the_provider_tests()
    {
        await using var database = await TestDatabase.CreateAsync(Providers.Postgres);
        Assert.Equal(Providers.Postgres, database.Provider);
    }
}

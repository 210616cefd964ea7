using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Portal.Infrastructure.Data;

/// <summary>
/// SQLite plans queries from the statistics ANALYZE leaves, and without any it guesses. Measured on the sales grid
/// (1,000,000 lines, SQLite 3.53): one product's lines of two years took 130 ms through the date index instead of 1 ms
/// through the product index. <c>PRAGMA optimize</c> analyzes, with a bounded sample, the tables that never were or have
/// grown a lot since (0.4 s for 1.5 million lines); it runs at start-up and after each import. PostgreSQL's autovacuum
/// does the same on its own.
/// </summary>
internal static class SqliteStatistics
{
    // 0x10000: check every table, not only those this connection used; 0x10: bounded sample; 0x2: analyze what needs it.
    private const string Optimize = "PRAGMA optimize=0x10012;";

    public static async Task RefreshAsync(DatabaseFacade database, ILogger logger, CancellationToken cancellationToken)
    {
        if (!database.IsSqlite())
        {
            return;
        }

        try
        {
            await database.ExecuteSqlRawAsync(Optimize, cancellationToken);
        }
        catch (DbException e)
        {
            // Statistics only make queries faster: a busy database keeps the old ones until the next import or start.
            logger.LogWarning(e, "SQLite statistics were not refreshed");
        }
    }
}

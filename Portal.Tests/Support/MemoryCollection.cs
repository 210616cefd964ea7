namespace Portal.Tests.Support;

/// <summary>
/// Tests that measure the process's managed heap: they run after the parallel tests, one at a time, so no other test's
/// objects are counted.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryCollection
{
    public const string Name = "memory";
}

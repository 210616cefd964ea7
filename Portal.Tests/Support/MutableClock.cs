namespace Portal.Tests.Support;

/// <summary>A clock the test sets and moves by hand (UTC; Dakar is GMT all year).</summary>
public sealed class MutableClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset now = now;

    public MutableClock(DateTime utc)
        : this(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)))
    {
    }

    public DateTime UtcNow => GetUtcNow().UtcDateTime;

    public override DateTimeOffset GetUtcNow() => now;

    public void Set(DateTime utc) => now = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    public void Advance(TimeSpan by) => now += by;
}

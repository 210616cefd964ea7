namespace Portal.Domain.Messaging;

/// <summary>
/// The hours when a person's phone must not ring (SMS, WhatsApp), in their time zone. A message due then waits for
/// the end of the quiet hours: deferred, never dropped. Start after end means the hours span midnight (21:00 to 07:00).
/// </summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    public static QuietHours Default { get; } = new(new TimeOnly(21, 0), new TimeOnly(7, 0));

    /// <summary>Africa/Dakar (GMT all year), where the operator and most of its clients live.</summary>
    public static TimeZoneInfo Zone { get; } = FindZone("Africa/Dakar");

    public bool IsEmpty => Start == End;

    /// <summary>A person's stored hours: both set, or the default.</summary>
    public static QuietHours Of(TimeOnly? start, TimeOnly? end) => start is { } from && end is { } to ? new(from, to) : Default;

    public bool Contains(TimeOnly time) => !IsEmpty && (Start < End ? time >= Start && time < End : time >= Start || time < End);

    /// <summary>The first moment at or after <paramref name="utc"/> outside the quiet hours (UTC in, UTC out).</summary>
    public DateTime NextAllowed(DateTime utc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        var time = TimeOnly.FromDateTime(local);
        if (!Contains(time))
        {
            return utc;
        }

        var endDay = Start < End || time < End ? local.Date : local.Date.AddDays(1);
        var end = DateTime.SpecifyKind(endDay + End.ToTimeSpan(), DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(end, zone);
    }

    // Debian's tzdata knows the zone; a stripped image may not, and Dakar is GMT all year.
    private static TimeZoneInfo FindZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}

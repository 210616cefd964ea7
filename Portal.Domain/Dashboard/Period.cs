using System.Globalization;

namespace Portal.Domain.Dashboard;

public enum PeriodKind
{
    ThisMonth,
    Last30Days,
    ThisQuarter,
    ThisYear,
    Custom,
}

public enum Bucket
{
    Day,
    Week,
    Month,
}

/// <summary>
/// A span of whole days, both ends included, as a manager picks it: "ce mois-ci" runs from the 1st to today, and is
/// compared with the same number of days just before it (<see cref="Previous"/>), so a half month is never set
/// against a whole one.
/// </summary>
public sealed record Period(DateOnly From, DateOnly To)
{
    public const int MaxDays = 3 * 366;

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The same number of days, ending the day before this one starts.</summary>
    public Period Previous => new(From.AddDays(-Days), From.AddDays(-1));

    /// <summary>Days up to two months, weeks up to half a year, months beyond: a trend chart of 8 to 62 points.</summary>
    public Bucket Bucket => Days <= 62 ? Bucket.Day : Days <= 183 ? Bucket.Week : Bucket.Month;

    public static Period Of(PeriodKind kind, DateOnly today, DateOnly? from = null, DateOnly? to = null)
    {
        var period = kind switch
        {
            PeriodKind.ThisMonth => new Period(new DateOnly(today.Year, today.Month, 1), today),
            PeriodKind.Last30Days => new Period(today.AddDays(-29), today),
            PeriodKind.ThisQuarter => new Period(new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1), today),
            PeriodKind.ThisYear => new Period(new DateOnly(today.Year, 1, 1), today),
            PeriodKind.Custom when from is { } f && to is { } t => new Period(f, t),
            _ => throw new Common.DomainException("Choisissez une date de début et une date de fin."),
        };
        return period.From > period.To
            ? throw new Common.DomainException("La date de début doit précéder la date de fin.")
            : period.Days > MaxDays
                ? throw new Common.DomainException("Choisissez une période de trois ans au plus.")
                : period;
    }

    /// <summary>The first day of the bucket holding <paramref name="day"/> (weeks start on Monday).</summary>
    public static DateOnly BucketStart(Bucket bucket, DateOnly day) => bucket switch
    {
        Bucket.Day => day,
        Bucket.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        _ => new DateOnly(day.Year, day.Month, 1),
    };

    /// <summary>The first day of each bucket (<see cref="Bucket"/>) that holds a day of the period, in order.</summary>
    public IEnumerable<DateOnly> BucketStarts
    {
        get
        {
            var bucket = Bucket;
            for (var start = BucketStart(bucket, From); start <= To; start = bucket switch { Bucket.Day => start.AddDays(1), Bucket.Week => start.AddDays(7), _ => start.AddMonths(1) })
            {
                yield return start;
            }
        }
    }

    public override string ToString() =>
        $"du {From.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} au {To.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}";
}

using Portal.Domain.Common;

namespace Portal.Domain.Dashboard;

/// <summary>
/// A company's forecast settings (the supplier lead time and the safety stock, in days of demand, that reorder
/// suggestions cover) and its latest revenue outlook for the next 30 days with its band.
/// </summary>
public sealed class CompanyForecast : ITenantOwned
{
    public const int MaxDays = 180;

    private CompanyForecast()
    {
    }

    public CompanyForecast(Guid tenantId)
    {
        TenantId = tenantId;
        LeadTimeDays = 7;
        SafetyDays = 7;
    }

    public Guid TenantId { get; private set; }

    public int LeadTimeDays { get; private set; }

    public int SafetyDays { get; private set; }

    public DateOnly? AsOf { get; private set; }

    public DateTime? ComputedAt { get; private set; }

    public ForecastMethod RevenueMethod { get; private set; }

    public double? RevenueExpected { get; private set; }

    public double? RevenueLow { get; private set; }

    public double? RevenueHigh { get; private set; }

    public double? RevenueWape { get; private set; }

    public int ProductsForecast { get; private set; }

    public void ChangeSettings(int leadTimeDays, int safetyDays)
    {
        if (leadTimeDays is < 1 or > MaxDays || safetyDays is < 0 or > MaxDays)
        {
            throw new DomainException($"Le délai de livraison va de 1 à {MaxDays} jours et le stock de sécurité de 0 à {MaxDays} jours.");
        }

        (LeadTimeDays, SafetyDays) = (leadTimeDays, safetyDays);
    }

    public void Record(DateOnly asOf, DateTime computedAt, RevenueOutlook outlook, int productsForecast)
    {
        AsOf = asOf;
        ComputedAt = computedAt;
        RevenueMethod = outlook.Forecast.Method;
        (RevenueExpected, RevenueLow, RevenueHigh) = outlook.HasNumbers ? (outlook.Expected, outlook.Low, outlook.High) : ((double?, double?, double?))(null, null, null);
        RevenueWape = outlook.Forecast.Wape;
        ProductsForecast = productsForecast;
    }
}

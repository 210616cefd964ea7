namespace Portal.Domain.Dashboard;

/// <summary>The revenue a company can expect over the coming days, in minor units, with a band that holds it about 8 times in 10.</summary>
/// <param name="Expected">The forecast total; 0 when there are no numbers (see <see cref="HasNumbers"/>).</param>
/// <param name="Low">The bottom of the band, never below 0.</param>
/// <param name="High">The top of the band.</param>
/// <param name="Forecast">The daily forecast behind it, with its method and accuracy.</param>
public sealed record RevenueOutlook(double Expected, double Low, double High, Forecast Forecast)
{
    public bool HasNumbers => Forecast.HasNumbers;
}

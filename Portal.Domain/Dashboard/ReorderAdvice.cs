namespace Portal.Domain.Dashboard;

/// <summary>When a product runs out at the forecast pace, and how much to order now; <see cref="Explanation"/> says why, in French.</summary>
/// <param name="StockOutDate">The first day the forecast demand exceeds the stock; today when there is none left; null when the stock outlasts the horizon or nothing can be forecast.</param>
/// <param name="SuggestedQuantity">Units to order now, never negative; 0 when the stock is enough or nothing can be forecast.</param>
/// <param name="Explanation">One or two French sentences a manager can check the numbers against.</param>
public sealed record ReorderAdvice(DateOnly? StockOutDate, int SuggestedQuantity, string Explanation);

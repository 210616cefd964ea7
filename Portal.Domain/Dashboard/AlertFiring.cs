using Portal.Domain.Common;

namespace Portal.Domain.Dashboard;

/// <summary>
/// One alert: a rule that fired for a product (or the company, for the revenue rule), from the day it was first seen to
/// the day its condition ended. While it stays open the evaluator only moves <see cref="LastSeen"/> and the value; a
/// condition that comes back after it resolved is a new firing.
/// </summary>
public sealed class AlertFiring : ITenantOwned
{
    private AlertFiring()
    {
    }

    public AlertFiring(Guid tenantId, AlertKind kind, Guid? productId, double value, DateOnly day)
    {
        if ((kind == AlertKind.RevenueDrop) != (productId is null))
        {
            throw new DomainException("Seule l'alerte sur le chiffre d'affaires concerne toute l'entreprise ; les autres concernent un produit.");
        }

        Id = Guid.NewGuid();
        TenantId = tenantId;
        Kind = kind;
        ProductId = productId;
        Value = value;
        FirstSeen = day;
        LastSeen = day;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public AlertKind Kind { get; private set; }

    /// <summary>The product; null for the revenue rule.</summary>
    public Guid? ProductId { get; private set; }

    /// <summary>The stock, the days left or without a sale, or the drop in percent, as last seen.</summary>
    public double Value { get; private set; }

    public DateOnly FirstSeen { get; private set; }

    public DateOnly LastSeen { get; private set; }

    /// <summary>The day the condition was found over (or the rule switched off); null while open.</summary>
    public DateOnly? Resolved { get; private set; }

    public bool IsOpen => Resolved is null;

    public void SeenAgain(double value, DateOnly day)
    {
        if (!IsOpen)
        {
            throw new DomainException("Cette alerte est close : une nouvelle alerte est ouverte si la situation revient.");
        }

        (Value, LastSeen) = (value, day > LastSeen ? day : LastSeen);
    }

    public void Resolve(DateOnly day) => Resolved ??= day;
}

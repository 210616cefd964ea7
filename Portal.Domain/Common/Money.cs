using System.Globalization;

namespace Portal.Domain.Common;

/// <summary>
/// An amount in a currency, held as an integer of the currency's minor unit (XOF has none: 1 500 XOF is 1500;
/// EUR has cents: 12,50 EUR is 1250). Arithmetic refuses to mix currencies.
/// </summary>
public readonly record struct Money(long MinorUnits, Currency Currency)
{
    private static readonly NumberFormatInfo Grouping = new()
    {
        NumberGroupSeparator = "\u202F", // narrow no-break space, as French typography groups digits
        NumberDecimalSeparator = ",",
        NegativeSign = "-",
    };

    public static Money Zero(Currency currency) => new(0, currency);

    public static Money operator +(Money left, Money right) => new(checked(left.MinorUnits + right.SameCurrency(left).MinorUnits), left.Currency);

    public static Money operator -(Money left, Money right) => new(checked(left.MinorUnits - right.SameCurrency(left).MinorUnits), left.Currency);

    public static Money operator *(Money money, int quantity) => new(checked(money.MinorUnits * quantity), money.Currency);

    public static bool operator >(Money left, Money right) => left.MinorUnits > right.SameCurrency(left).MinorUnits;

    public static bool operator <(Money left, Money right) => left.MinorUnits < right.SameCurrency(left).MinorUnits;

    public static bool operator >=(Money left, Money right) => left.MinorUnits >= right.SameCurrency(left).MinorUnits;

    public static bool operator <=(Money left, Money right) => left.MinorUnits <= right.SameCurrency(left).MinorUnits;

    /// <summary>"1 234 567 FCFA", "12,50 €": how our users read amounts.</summary>
    public override string ToString()
    {
        var amount = Currency.ToAmount(MinorUnits).ToString("N" + Currency.MinorDigits, Grouping);
        return amount + "\u00A0" + Currency.Symbol;
    }

    private Money SameCurrency(Money other) => other.Currency == Currency
        ? this
        : throw new DomainException($"Impossible de combiner des montants en {Currency.Code} et en {other.Currency.Code}.");
}

namespace Portal.Domain.Common;

/// <summary>A country the operator serves: its ISO code, French name and the currency its companies invoice in.</summary>
public sealed record Country
{
    private Country(string code, string name, string of, Currency currency) => (Code, Name, Of, Currency) = (code, name, of, currency);

    public const string DefaultCode = "SN";

    public string Code { get; }

    /// <summary>French name, as shown in lists ("Sénégal").</summary>
    public string Name { get; }

    /// <summary>The name after "de" in French ("du Sénégal", "de Côte d'Ivoire").</summary>
    public string Of { get; }

    public Currency Currency { get; }

    public static Country Senegal { get; } = new("SN", "Sénégal", "du Sénégal", Currency.Xof);

    public static IReadOnlyList<Country> Supported { get; } =
    [
        Senegal,
        new("CI", "Côte d'Ivoire", "de Côte d'Ivoire", Currency.Xof),
        new("ML", "Mali", "du Mali", Currency.Xof),
        new("BF", "Burkina Faso", "du Burkina Faso", Currency.Xof),
        new("BJ", "Bénin", "du Bénin", Currency.Xof),
        new("TG", "Togo", "du Togo", Currency.Xof),
        new("NE", "Niger", "du Niger", Currency.Xof),
        new("GN", "Guinée", "de Guinée", Currency.Gnf),
        new("FR", "France", "de France", Currency.Eur),
    ];

    public override string ToString() => Code;

    public static Country? Find(string? code) =>
        Supported.FirstOrDefault(c => string.Equals(c.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static Country Parse(string? code) =>
        Find(code) ?? throw new DomainException($"Pays non pris en charge : {code}. Pays acceptés : {string.Join(", ", Supported.Select(c => c.Name))}.");
}

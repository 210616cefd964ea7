namespace Portal.Domain.Identity;

/// <summary>The part of a country's numbering plan we validate: length of the national number and its leading digits.</summary>
public sealed record NumberingPlan(
    string CountryCode,
    string CountryNameFr,
    string CallingCode,
    int NationalLength,
    IReadOnlyList<string> ValidPrefixes,
    string? TrunkPrefix = null)
{
    public const string DefaultCountry = "SN";

    // Sources: national regulators' published plans (ARTP SN, ARTCI CI since 2021, AMRTP ML, ARCEP BF,
    // ARCEP BJ since 2024, ARCEP TG, ARCEP NE, ARPT GN, ARCEP FR). Mobile and fixed series only.
    public static IReadOnlyList<NumberingPlan> All { get; } =
    [
        new("SN", "sénégalais", "221", 9, ["70", "71", "75", "76", "77", "78", "30", "33"]),
        new("CI", "ivoirien", "225", 10, ["01", "05", "07", "21", "25", "27"]),
        new("ML", "malien", "223", 8, ["2", "4", "5", "6", "7", "8", "9"]),
        new("BF", "burkinabè", "226", 8, ["2", "5", "6", "7"]),
        new("BJ", "béninois", "229", 10, ["01"]),
        new("TG", "togolais", "228", 8, ["2", "7", "9"]),
        new("NE", "nigérien", "227", 8, ["2", "7", "8", "9"]),
        new("GN", "guinéen", "224", 9, ["3", "6"]),
        new("FR", "français", "33", 9, ["1", "2", "3", "4", "5", "6", "7", "9"], TrunkPrefix: "0"),
    ];

    public static string SupportedCountriesText { get; } =
        string.Join(", ", All.Select(p => $"{p.CountryCode} (+{p.CallingCode})"));

    public static NumberingPlan? Find(string countryCode) =>
        All.FirstOrDefault(p => string.Equals(p.CountryCode, countryCode, StringComparison.OrdinalIgnoreCase));
}

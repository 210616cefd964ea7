using Portal.Domain.Common;
using Portal.Domain.Onboarding;
using Portal.Domain.Sales;
using Portal.Domain.Tenancy;

namespace Portal.Tests.Domain;

public class ValueObjectTests
{
    [Fact]
    public void Money_formats_francs_the_way_users_read_them()
    {
        Assert.Equal("1\u202F234\u202F567\u00A0FCFA", new Money(1_234_567, Currency.Xof).ToString());
        Assert.Equal("1\u202F234\u202F567\u00A0FCFA", Currency.Xof.Format(1_234_567));
        Assert.Equal("12,50\u00A0€", new Money(1250, Currency.Eur).ToString());
    }

    [Fact]
    public void Money_adds_and_multiplies_in_one_currency_and_refuses_to_mix_two()
    {
        var price = new Money(1500, Currency.Xof);
        Assert.Equal(new Money(4500, Currency.Xof), price * 3);
        Assert.Equal(new Money(3000, Currency.Xof), price + price);
        Assert.True(price * 2 > price);
        Assert.Throws<DomainException>(() => price + new Money(100, Currency.Eur));
    }

    [Theory]
    [InlineData("SN", "XOF", 0)]
    [InlineData("CI", "XOF", 0)]
    [InlineData("GN", "GNF", 0)]
    [InlineData("FR", "EUR", 2)]
    [InlineData("ZZ", "XOF", 0)]
    public void Each_country_invoices_in_its_currency(string country, string code, int minorDigits)
    {
        var currency = Currency.ForCountry(country);
        Assert.Equal(code, currency.Code);
        Assert.Equal(minorDigits, currency.MinorDigits);
    }

    [Fact]
    public void A_franc_amount_has_no_cents()
    {
        Assert.False(Currency.Xof.TryToMinorUnits(1500.5m, out _));
        Assert.True(Currency.Eur.TryToMinorUnits(1500.5m, out var cents));
        Assert.Equal(150050, cents);
    }

    [Theory]
    [InlineData("Boutique Ndiaye (Dakar)", "boutique ndiaye dakar")]
    [InlineData("  BOUTIQUE   ndiaye (dakar) ", "boutique ndiaye dakar")]
    [InlineData("Société Générale d'Équipement", "societe generale d equipement")]
    public void A_company_name_is_normalised_keeping_every_word(string name, string normalized) =>
        Assert.Equal(normalized, CompanyName.Create(name).Normalized);

    [Fact]
    public void Two_towns_in_parentheses_make_two_companies() =>
        Assert.NotEqual(CompanyName.Create("Boutique Ndiaye (Dakar)").Normalized, CompanyName.Create("Boutique Ndiaye (Thiès)").Normalized);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("---")]
    public void A_company_needs_a_real_name(string name) => Assert.Throws<DomainException>(() => CompanyName.Create(name));

    [Fact]
    public void Country_parse_refuses_a_country_we_do_not_serve()
    {
        Assert.Equal("Sénégal", Country.Parse("sn").Name);
        Assert.Throws<DomainException>(() => Country.Parse("US"));
    }

    [Fact]
    public void A_product_code_is_trimmed_and_bounded()
    {
        Assert.Equal("P-01", ProductCode.Parse("  P-01 ").Value);
        Assert.False(ProductCode.TryParse(new string('x', 51), out _, out var error));
        Assert.Contains("50", error, StringComparison.Ordinal);
        Assert.False(ProductCode.TryParse(" ", out _, out _));
    }

    [Fact]
    public void A_product_cannot_exist_with_a_price_of_zero_or_a_negative_stock()
    {
        Assert.Throws<DomainException>(() => new Product(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), ProductCode.Parse("A"), "Riz", null, 0, null, 1, null));
        Assert.Throws<DomainException>(() => new Product(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), ProductCode.Parse("A"), "Riz", null, 100, null, -1, null));
        Assert.Equal("A", new Product(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), ProductCode.Parse("A"), "Riz", null, 100, 80, 3, 1).Code);
    }

    [Fact]
    public void A_sale_follows_the_same_rules_as_the_import()
    {
        var today = new DateOnly(2026, 12, 2);
        Assert.Throws<DomainException>(() => new Sale(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), today.AddDays(1), 1, 100, 100, today));
        Assert.Throws<DomainException>(() => new Sale(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), today.AddMonths(-25), 1, 100, 100, today));
        Assert.Throws<DomainException>(() => new Sale(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), today, 0, 100, 0, today));
        Assert.Throws<DomainException>(() => new Sale(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), today, 2, 100, 300, today));
        Assert.Equal(200, new Sale(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), today, 2, 100, 200, today).TotalAmount);
    }

    [Fact]
    public void An_import_job_goes_pending_running_then_succeeded_or_failed_only()
    {
        var now = DateTime.UtcNow;
        var job = new ImportJob(Guid.NewGuid(), Guid.NewGuid(), false, "f.xlsx", 10, "key", Guid.NewGuid(), "Staff");
        Assert.Throws<DomainException>(() => job.Succeed("{}", 0, now));
        job.Start(now);
        job.Succeed("{}", 10, now);
        Assert.Throws<DomainException>(() => job.Start(now));
        Assert.Throws<DomainException>(() => job.Fail(1, "{}", null, now));
        Assert.Throws<DomainException>(() => job.Succeed("{}", 10, now));
    }

    [Fact]
    public void An_onboarding_never_goes_back_a_step_and_closes_for_good()
    {
        var session = new OnboardingSession(Guid.NewGuid(), Guid.NewGuid(), "Staff");
        Assert.Equal(OnboardingStep.Users, session.CurrentStep);
        session.Reach(OnboardingStep.Import);
        session.Reach(OnboardingStep.Template);
        Assert.Equal(OnboardingStep.Import, session.CurrentStep);
        session.Complete(DateTime.UtcNow);
        Assert.Throws<DomainException>(() => session.Reach(OnboardingStep.Import));
        Assert.Throws<DomainException>(() => session.SaveData("{}"));
    }
}

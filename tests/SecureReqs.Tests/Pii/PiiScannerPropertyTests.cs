using Bogus;

namespace SecureReqs.Tests.Pii;

public sealed class PiiScannerPropertyTests
{
    [Fact]
    public void Scan_SeededBogusCardNumbers_EveryCardFound()
    {
        var faker = new Faker("en") { Random = new Randomizer(1234) };
        var missed = new List<string>();
        var valid = 0;

        for (var i = 0; i < 500; i++)
        {
            // Bogus also formats some 20-digit numbers, which no issuer hands out; only valid cards must be found.
            var card = faker.Finance.CreditCardNumber();
            if (!IsValidCard(card))
            {
                continue;
            }

            valid++;
            var text = $"Please charge {card} today.";
            if (!PiiScanner.Default.Scan(text).Any(f => f.Type == PiiType.PaymentCard && f.Value == card))
            {
                missed.Add(card);
            }
        }

        valid.Should().BeGreaterThan(400);
        missed.Should().BeEmpty();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Scan_SeededBogusIbans_EveryIbanFound(bool formatted)
    {
        var faker = new Faker("en") { Random = new Randomizer(99) };
        var missed = new List<string>();

        for (var i = 0; i < 500; i++)
        {
            var iban = faker.Finance.Iban(formatted);
            var text = $"Wire it to {iban}, thanks.";
            if (!PiiScanner.Default.Scan(text).Any(f => f.Type == PiiType.Iban && f.Value == iban))
            {
                missed.Add(iban);
            }
        }

        missed.Should().BeEmpty();
    }

    [Fact]
    public void Scan_SeededBogusEmailsPhonesAndIps_EveryValueFound()
    {
        var faker = new Faker("en") { Random = new Randomizer(7) };
        var missed = new List<string>();

        for (var i = 0; i < 300; i++)
        {
            foreach (var (value, type) in new[]
            {
                (faker.Internet.Email(), PiiType.Email),
                (faker.Internet.Ip(), PiiType.IpAddress),
                (faker.Internet.Ipv6(), PiiType.IpAddress),
            })
            {
                if (!PiiScanner.Default.Scan($"value: {value} end").Any(f => f.Type == type && f.Value == value))
                {
                    missed.Add(value);
                }
            }
        }

        missed.Should().BeEmpty();
    }

    [Fact]
    public void Scan_SeededLoremProse_NoFindings()
    {
        var faker = new Faker("en") { Random = new Randomizer(42) };

        var findings = Enumerable.Range(0, 300)
            .Select(_ => faker.Lorem.Paragraph(5))
            .SelectMany(p => PiiScanner.Default.Scan(p))
            .ToList();

        findings.Should().BeEmpty();
    }

    [Fact]
    public void Scan_SeededProseWithNumbersDatesAndVersions_NoFindings()
    {
        var faker = new Faker("en") { Random = new Randomizer(5) };

        var findings = Enumerable.Range(0, 300)
            .Select(_ => $"{faker.Lorem.Sentence()} Order {faker.Random.Number(1000, 99999)} costs {faker.Finance.Amount()} "
                + $"on {faker.Date.Past(refDate: new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc)):yyyy-MM-dd}, "
                + $"version {faker.System.Semver()}, {faker.Random.Number(1, 99)}% done, id {faker.Random.Guid()}.")
            .SelectMany(p => PiiScanner.Default.Scan(p))
            .Select(f => f.ToString() + " " + f.Value)
            .ToList();

        findings.Should().BeEmpty();
    }

    [Fact]
    public void Scan_SameTextConcurrently_SameFindings()
    {
        var text = "Card 4111 1111 1111 1111, tel +44 20 7946 0958, mail a@example.com";
        var expected = PiiScanner.Default.Scan(text);

        var results = Enumerable.Range(0, 64).AsParallel().Select(_ => PiiScanner.Default.Scan(text)).ToList();

        results.Should().AllSatisfy(r => r.Should().Equal(expected));
    }

    private static bool IsValidCard(string formatted)
    {
        var digits = formatted.Where(char.IsAsciiDigit).Select(c => c - '0').ToArray();
        var sum = digits.Reverse().Select((d, i) => i % 2 == 1 ? (d * 2 > 9 ? (d * 2) - 9 : d * 2) : d).Sum();
        return digits.Length is >= 13 and <= 19 && sum % 10 == 0;
    }
}

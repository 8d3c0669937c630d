using System.Globalization;
using System.Numerics;
using Bogus;

namespace SecureReqs;

/// <summary>Generates synthetic customer records with Bogus, deterministically from a seed.</summary>
/// <remarks>
/// Card numbers pass the Luhn check and use real issuer prefixes, SSNs follow the SSA's allocation rules, IBANs carry
/// valid mod-97 check digits and phone numbers use assigned US area codes, so validating detectors treat them as the
/// real thing. The same seed always yields the same records.
/// </remarks>
public static class SyntheticCustomers
{
    // Assigned US area codes: numbers in them pass libphonenumber's validation, unlike 555-01xx fiction numbers.
    private static readonly string[] _areaCodes =
        ["201", "202", "206", "212", "213", "214", "303", "305", "312", "404", "415", "469", "503", "512", "602", "617", "702", "713", "720", "773", "808", "816", "917", "919"];

    private static readonly (string Prefix, int Length)[] _cardIssuers =
        [("4", 16), ("51", 16), ("52", 16), ("53", 16), ("54", 16), ("55", 16), ("2221", 16), ("34", 15), ("37", 15), ("6011", 16)];

    /// <summary>Generates <paramref name="count"/> records from <paramref name="seed"/>.</summary>
    /// <param name="count">How many records, at least 1.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The records.</returns>
    public static IReadOnlyList<SyntheticCustomer> Generate(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return Faker(seed).Generate(count);
    }

    /// <summary>
    /// The same records as <see cref="Generate"/>, generated only when read: a story whose cases plant no customer data
    /// generates none, and one that reads record <c>i</c> generates records 0 to <c>i</c> once.
    /// </summary>
    /// <param name="count">How many records, at least 1.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The records; thread-safe.</returns>
    public static IReadOnlyList<SyntheticCustomer> Lazy(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return new LazyRecords(count, seed);
    }

    private static Faker<SyntheticCustomer> Faker(int seed)
    {
        return new Faker<SyntheticCustomer>("en")
            .UseSeed(seed)
            .CustomInstantiator(f =>
            {
                var first = f.Name.FirstName();
                var last = f.Name.LastName();
                return new SyntheticCustomer
                {
                    FirstName = first,
                    LastName = last,
                    Email = f.Internet.Email(first, last).ToLowerInvariant(),
                    Phone = Phone(f.Random),
                    Address = $"{f.Address.StreetAddress()}, {f.Address.City()}, {f.Address.StateAbbr()} {f.Address.ZipCode("#####")}",
                    Card = Card(f.Random),
                    Ssn = Ssn(f.Random),
                    Iban = Iban(f.Random),
                    DateOfBirth = DateOnly.FromDateTime(f.Date.Between(new DateTime(1940, 1, 1), new DateTime(2005, 12, 31))),
                };
            });
    }

    /// <summary>A card number with a real issuer prefix and a valid Luhn digit, grouped in fours.</summary>
    /// <param name="random">The seeded randomizer.</param>
    /// <returns>The number.</returns>
    public static string Card(Randomizer random)
    {
        var (prefix, length) = random.ArrayElement(_cardIssuers);
        var digits = prefix + random.ReplaceNumbers(new string('#', length - prefix.Length - 1));
        digits += LuhnCheckDigit(digits);
        return string.Join(' ', digits.Chunk(4).Select(c => new string(c)));
    }

    /// <summary>The Luhn check digit for <paramref name="payload"/>.</summary>
    /// <param name="payload">The digits without the check digit.</param>
    /// <returns>The check digit.</returns>
    public static char LuhnCheckDigit(string payload)
    {
        var sum = 0;
        for (var i = 0; i < payload.Length; i++)
        {
            var d = payload[payload.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    /// <summary>A US social security number, <c>AAA-GG-SSSS</c>, valid by the SSA's allocation rules (no area 000, 666 or
    /// 900–999, no group 00, no serial 0000).</summary>
    /// <param name="random">The seeded randomizer.</param>
    /// <returns>The number.</returns>
    public static string Ssn(Randomizer random)
    {
        int area;
        do
        {
            area = random.Number(1, 899);
        }
        while (area == 666);

        return string.Create(CultureInfo.InvariantCulture, $"{area:000}-{random.Number(1, 99):00}-{random.Number(1, 9999):0000}");
    }

    private static string Phone(Randomizer random)
    {
        var exchange = random.Number(200, 999);
        if (exchange % 100 == 11 || exchange == 555)
        {
            exchange = 456;
        }

        return string.Create(CultureInfo.InvariantCulture, $"({random.ArrayElement(_areaCodes)}) {exchange}-{random.Number(0, 9999):0000}");
    }

    private static string Iban(Randomizer random)
    {
        // German IBAN: DE, two check digits, 8-digit bank code, 10-digit account number.
        var bban = random.ReplaceNumbers("##################");
        var numeric = BigInteger.Parse(bban + "131400", CultureInfo.InvariantCulture); // "DE00" rearranged: D=13, E=14
        var check = 98 - (int)(numeric % 97);
        var iban = string.Create(CultureInfo.InvariantCulture, $"DE{check:00}{bban}");
        return string.Join(' ', iban.Chunk(4).Select(c => new string(c)));
    }

    // Records generated in order, once, as far as the highest one read.
    private sealed class LazyRecords(int count, int seed) : IReadOnlyList<SyntheticCustomer>
    {
        private readonly Lock _gate = new();
        private readonly List<SyntheticCustomer> _made = [];
        private Faker<SyntheticCustomer>? _faker;

        public int Count => count;

        public SyntheticCustomer this[int index]
        {
            get
            {
                ArgumentOutOfRangeException.ThrowIfNegative(index);
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
                lock (_gate)
                {
                    _faker ??= Faker(seed);
                    while (_made.Count <= index)
                    {
                        _made.Add(_faker.Generate());
                    }

                    return _made[index];
                }
            }
        }

        public IEnumerator<SyntheticCustomer> GetEnumerator()
        {
            for (var i = 0; i < count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

using System.Text;

namespace SecureReqs.Tests.Pii;

/// <summary>
/// The scan must take time linear in the text. Instead of a clock, these tests count the steps whose number is not
/// bounded by construction (<see cref="PiiWork"/>: candidate spans tried for cards and phones, overlap checks between
/// findings, windows read around each <c>@</c>) on texts built to make them pile up, at two lengths: the steps per
/// character must not grow with the length.
/// </summary>
public sealed class PiiScannerLinearityTests
{
    public static TheoryData<string> Units =>
    [
        "123-45-6789 ",
        "1 2 3 4 5 6 7 8 9 0 ",
        "4111 1111 1111 1111 ",
        "4111-1111-1111-1111-",
        "+44 20 7946 0958 ",
        "(415) 555-2671 (415) 555-2671 ",
        "GB82 WEST 1234 5698 7654 32 ",
        "1.2.3.4.",
        "12-34-56-78-",
        "a@b.cc @ x@",
        "jane.doe.jane.doe.jane.doe@",
        "07700 900123 07700 900123 ",
        "SSN 123456789 ",
        "call 555 1234 555 1234 555 ",
        "٤١١١ ١١١١ ١١١١ ١١١١ ",
        "password=Tr0ub4dor3x ",
        "to\u212Aen: Tr0ub4dor3x ",
    ];

    [Theory]
    [MemberData(nameof(Units))]
    public void Scan_RepeatedUnit_StepsPerCharacterStayFlat(string unit)
    {
        var shortSteps = StepsPerCharacter(Repeat(unit, 4_000), out var shortFindings);
        var longSteps = StepsPerCharacter(Repeat(unit, 40_000), out var longFindings);

        longFindings.Should().BeGreaterThanOrEqualTo(shortFindings, "the longer text holds the shorter one's values and more");
        longSteps.Should().BeLessThanOrEqualTo((shortSteps * 1.1) + 0.01, $"steps per character at 40,000 characters ({longSteps:0.000}) against 4,000 ({shortSteps:0.000}) show a scan that is not linear");
    }

    [Fact]
    public void Scan_ManyOverlappingCandidates_CountsTheirWork()
    {
        // The counter sees the work: a text full of card and phone candidates costs steps, plain prose costs none.
        StepsPerCharacter(Repeat("4111 1111 1111 1111 +44 20 7946 0958 ", 4_000), out _).Should().BeGreaterThan(0.01);
        StepsPerCharacter(Repeat("The parcel was delivered to the depot. ", 4_000), out _).Should().Be(0);
    }

    [Fact]
    public void Resolve_SeededCandidates_SameAsComparingWithEveryAcceptedSpan()
    {
        // Large clusters take the linear path (marking accepted characters); it must accept exactly what the plain
        // greedy rule accepts: by priority, each candidate that overlaps none accepted before it.
        var random = new Random(20261203);
        PiiType[] types = [PiiType.Email, PiiType.Phone, PiiType.PaymentCard, PiiType.Iban];
        double[] confidences = [0.7, 0.8, 0.85, 0.9, 0.95];
        var differences = new List<string>();
        for (var i = 0; i < 2000 && differences.Count < 5; i++)
        {
            var candidates = new List<PiiFinding>();
            var count = random.Next(2, 60);
            for (var c = 0; c < count; c++)
            {
                var start = random.Next(0, 200);
                var end = start + random.Next(1, 30);
                candidates.Add(new PiiFinding(types[random.Next(types.Length)], start, end, "", "test", confidences[random.Next(confidences.Length)]));
            }

            var expected = Greedy(candidates);
            var actual = PiiScanner.Resolve([.. candidates]).Select(f => f.ToString()).ToList();
            if (!expected.SequenceEqual(actual))
            {
                differences.Add($"{string.Join(", ", candidates)} → expected [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}]");
            }
        }

        differences.Should().BeEmpty();
    }

    // The rule written plainly: highest confidence, then longest, then earliest, then type name, each kept unless it
    // overlaps one already kept; the result ordered by start.
    private static List<string> Greedy(List<PiiFinding> candidates)
    {
        var kept = new List<PiiFinding>();
        foreach (var candidate in candidates.OrderByDescending(c => c.Confidence).ThenByDescending(c => c.Length).ThenBy(c => c.Start).ThenBy(c => c.Type.Name, StringComparer.Ordinal))
        {
            if (!kept.Exists(k => k.Start < candidate.End && candidate.Start < k.End))
            {
                kept.Add(candidate);
            }
        }

        return [.. kept.OrderBy(k => k.Start).Select(k => k.ToString())];
    }

    private static double StepsPerCharacter(string text, out int findings)
    {
        PiiWork.Reset();
        findings = PiiScanner.Default.Scan(text).Count;
        return PiiWork.Steps / (double)text.Length;
    }

    private static string Repeat(string unit, int length)
    {
        var builder = new StringBuilder(length + unit.Length);
        while (builder.Length < length)
        {
            builder.Append(unit);
        }

        return builder.ToString(0, length);
    }
}

namespace SecureReqs.Tests.Pii;

/// <summary>
/// The scanner skips a pattern when a cheap test shows it cannot match (<see cref="PiiPrefilters"/>). These tests check
/// the tests are necessary conditions: on seeded texts full of values, near-misses and case variants, the scanner with
/// prefilters finds exactly what a scanner running every pattern finds.
/// </summary>
public sealed class PiiPrefilterTests
{
    private static readonly string[] Fragments =
    [
        "4111 1111 1111 1111", "5555-5555-5555-4444", "123-45-6789", "SSN 078051120", "ssn: 219099999", "Social Security number 536 90 4399",
        "GB82 WEST 1234 5698 7654 32", "DE89370400440532013000", "jane.doe@example.com", "+44 20 7946 0958", "(415) 555-2671",
        "call 07700 900123", "192.168.1.20", "version 10.0.19045.1", "fe80::1ff:fe23:4567:890a", "2001:db8::8a2e:370:7334",
        "AKIAIOSFODNN7EXAMPLE", "ghp_" + new string('a', 36), "github_pat_" + new string('B', 30), "sk_live_" + new string('x', 24),
        "rk_test_abcdefghijklmnop", "AIza" + new string('Q', 35), "xoxb-1234567890-abcdefghij", "https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXX",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl", "sk-proj1234abcd5678efgh9012", "Authorization: Bearer abcdefghijklmnopqrstuvwxyz0123",
        "password=Tr0ub4dor&3x", "api_key: 'q8Hk29aLmP0zR7'", "the PASSWORD is hunter2hunter2", "DB_SECRET=9f8e7d6c5b4a",
        "TO\u212AEN=abcdef123456", "pa\u017Fsword: Zx9Yw8Vu7Ts6", "BEARER\t" + new string('z', 24), "\u017Fsn 078051120",
        "DOB: 1984-03-12", "date of birth 12/03/1984", "born on March 3, 1984", "Geburtsdatum: 12.03.1984", "née le 12/03/1984",
        "ne le 12/03/1984", "fecha de nacimiento 12-03-1984", "生年月日 1984/03/12", "d.o.b. 3 March 1984",
        "name,dob\nAnn,1984-03-12\n", "Name;Geboortedatum\nJan;12-03-1984\n", "postgres://admin:s3cretPass@db.example.com/app",
        "１２３-４５-６７８９", "٤١١١ ١١١١ ١١١١ ١١١١", "4111\u200B1111\u200B1111\u200B1111", "AB12", "1.2.3", "x9.9.9.9y",
        "Order 48213 shipped", "::1", "fe80::", "a:b", "12:30:45", "Note: 1:2:3:4:5:6:7:8", "Invoice 2024-0001-7781", "at 10:30 and 14:05", "$1,234.50", "ISBN 978-3-16-148410-0",
        // Case variants outside ASCII (Kelvin sign, long s), labels with their own non-ASCII letters, and text in other
        // scripts with no value: the keyword gates must stay open exactly where a pattern could match.
        "name,Geburt\u017Fdatum\nAnn,12.03.1984\n", "名前,生年月日\n太郎,1984/03/12\n", "NÉE LE 12/03/1984", "Née le 3 mars 1984",
        "\u017F\u017Fn 536904399", "\u212Aey=abc", "api_\u212Aey: 'q8Hk29aLmP0zR7'", "BEARER\u017F " + new string('z', 24), "Authorization: Bearer " + new string('q', 24),
        "Merci de m'écrire", "我的电话是", "Позвоните мне", "تاريخ الميلاد", "password: ñandú2024xyz",
    ];

    private static readonly string[] Glue = [" ", ", ", "\n", "; ", " and ", "\t", ": ", "(", ")", "\"", "é ", "日本 ", "-", "."];

    [Fact]
    public void Scan_SeededMixedTexts_PrefiltersChangeNoFinding()
    {
        var filtered = new PiiScanner(new PiiScannerOptions(), prefilter: true);
        var unfiltered = new PiiScanner(new PiiScannerOptions(), prefilter: false);
        var random = new Random(20261203);
        var differences = new List<string>();
        var found = 0;

        for (var i = 0; i < 3000; i++)
        {
            var parts = random.Next(1, 5);
            var builder = new System.Text.StringBuilder();
            for (var p = 0; p < parts; p++)
            {
                builder.Append(Glue[random.Next(Glue.Length)]).Append(Fragments[random.Next(Fragments.Length)]);
            }

            var text = builder.Append(Glue[random.Next(Glue.Length)]).ToString();
            var expected = Describe(unfiltered.Scan(text));
            var actual = Describe(filtered.Scan(text));
            found += expected.Count;
            if (!expected.SequenceEqual(actual))
            {
                differences.Add($"{text} → expected [{string.Join(" | ", expected)}], got [{string.Join(" | ", actual)}]");
            }
        }

        found.Should().BeGreaterThan(3000, "the texts are full of values, so the comparison means something");
        differences.Should().BeEmpty();
    }

    [Theory]
    [InlineData("10.0.0.1", true)]
    [InlineData("1.2.3", false)]
    [InlineData("1. 2. 3. 4", false)]
    [InlineData("v1.2 and 3.4 and 5.6", true)]
    public void MayHaveIPv4_ThreeDotsBetweenDigits(string text, bool expected) =>
        PiiPrefilters.MayHaveIPv4(text).Should().Be(expected);

    [Theory]
    [InlineData("fe80::1", true)]
    [InlineData("2001:db8:0:1", true)]
    [InlineData("a:bcde:f", true)]
    [InlineData("Note: see below", false)]
    [InlineData("10:30 and 14:05", false)]
    [InlineData("1:23456:7", false)]
    [InlineData("2026-07-15T19:57:47.632Z INFO", false)]
    [InlineData("at 12:30:45 we", true)]
    [InlineData("x::1", false)]
    [InlineData("_fe80::1", false)]
    [InlineData("(fe80::1)", true)]
    [InlineData("::1", true)]
    [InlineData("T1:2 then 3:4:5", true)]
    public void MayHaveIPv6_TwoColonsAroundHex(string text, bool expected) =>
        PiiPrefilters.MayHaveIPv6(text).Should().Be(expected);

    [Theory]
    [InlineData("née le: ne le 12/03/1984", true)]
    [InlineData("NEE\t\tLE 3 mars", true)]
    [InlineData("one letter", true)]
    [InlineData("phone 12 and done", false)]
    [InlineData("nele", false)]
    [InlineData("ne  l", false)]
    [InlineData("ne", false)]
    public void HasNeLe_TheLabelWithBlanksBetween(string text, bool expected) =>
        PiiPrefilters.HasNeLe(text).Should().Be(expected);

    [Fact]
    public void Gates_SeededTexts_ClosedOnlyWhereThePatternCannotMatch()
    {
        // Pieces that decide the IPv6 and credential gates: hex runs and colons after letters, digits, dots and spaces;
        // times; the credential keywords, their words without the keyword (api, access, session) and case variants.
        string[] pieces =
        [
            ":", "::", "1", "fe80", "db8", "abcd", "12345", "T", "x", "_", ".", " ", "-", "é", "²", "19:57:47", "T19:57:47.632Z",
            "password", "PassWD", "pwd", "secret", "api_key", "Api-Key", "access", "access_token", "session-token", "auth", "token",
            "credentials", "account_key", "shared_access_key", "private-key", "/api/orders", "\u212Aey", "to\u212Aen", "=", ": ",
            " is ", "\"", "'", "Tr0ub4dor3x", "abcdefgh12", "%eth0", "ne", "nee", "NE", "\t", "le", "LE", "one", "dob", "born", "1984-03-12",
            "12/03/1984", "3 March 1984",
        ];
        var random = new Random(20261203);
        var misses = new List<string>();
        var (ipv6Closed, secretClosed, ipv6Matches, secretMatches) = (0, 0, 0, 0);
        for (var i = 0; i < 20000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 10)).Select(_ => pieces[random.Next(pieces.Length)]));
            var gates = PiiPrefilters.For(text);
            var ipv6 = PiiPatterns.IPv6Candidate().Matches(text).Any();
            var secret = PiiPatterns.SecretAssignment().IsMatch(text);
            if (PiiPatterns.DateOfBirth().IsMatch(text) && !gates.BirthLabel)
            {
                misses.Add($"\"{text}\": a date of birth behind a closed gate");
            }

            (ipv6Matches, secretMatches) = (ipv6Matches + (ipv6 ? 1 : 0), secretMatches + (secret ? 1 : 0));
            ipv6Closed += gates.IPv6 ? 0 : 1;
            secretClosed += gates.SecretAssignment ? 0 : 1;
            if ((ipv6 && !gates.IPv6) || (secret && !gates.SecretAssignment))
            {
                misses.Add($"\"{text}\": IPv6 {ipv6}/{gates.IPv6}, credential {secret}/{gates.SecretAssignment}");
            }
        }

        (ipv6Matches, secretMatches).Should().Match<(int, int)>(m => m.Item1 > 500 && m.Item2 > 500, "both patterns match often, so the test means something");
        (ipv6Closed, secretClosed).Should().Match<(int, int)>(c => c.Item1 > 1000 && c.Item2 > 1000, "both gates close often, so the test means something");
        misses.Should().BeEmpty();
    }

    [Fact]
    public void For_NonAsciiText_KeywordGatesStayOpen()
    {
        // The Kelvin sign matches k, and the long s matches s, in a case-insensitive pattern: a non-ASCII text runs them.
        var gates = PiiPrefilters.For("nothing to see here \u212A");

        gates.SecretAssignment.Should().BeTrue();
        gates.SsnLabel.Should().BeTrue();
        gates.BirthLabel.Should().BeTrue();
        gates.Bearer.Should().BeTrue();
        gates.AwsKey.Should().BeFalse("a case-sensitive literal prefix needs no such care");
    }

    [Fact]
    public void For_NonAsciiTextWithoutCaseVariants_KeywordGatesClose()
    {
        // Outside ASCII only the Kelvin sign and the long s match ASCII letters case-insensitively: without them, a text in
        // other scripts is judged on its keywords like an ASCII one.
        var gates = PiiPrefilters.For("Merci de m'écrire demain, 李.王 — нет ключа");

        gates.SecretAssignment.Should().BeFalse();
        gates.SsnLabel.Should().BeFalse();
        gates.Bearer.Should().BeFalse();
        gates.BirthHeader.Should().BeFalse();
        gates.BirthLabel.Should().BeTrue("é may be the é of \"née le\"");
        PiiPrefilters.For("Geburtsdatum").BirthHeader.Should().BeTrue();
        PiiPrefilters.For("名前,生年月日").BirthHeader.Should().BeTrue();
    }

    private static List<string> Describe(IReadOnlyList<PiiFinding> findings) =>
        [.. findings.Select(f => $"{f.Type.Name}@{f.Start}-{f.End}:{f.Validator}")];
}

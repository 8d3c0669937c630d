using System.Text;

namespace SecureReqs.Tests.Pii;

/// <summary>
/// The scanner finds formatted SSNs, dotted quads and IBAN candidates with hand-written searches
/// (<see cref="PiiCandidates"/>), and skips the shadow copy of texts with nothing to fold (<see cref="PiiText.NeedsFolding"/>).
/// The patterns in <see cref="PiiPatterns"/> and the character-by-character fold stay the specification: on seeded texts
/// built from the characters that decide a match, each fast path must give exactly what the slow one gives, from every
/// starting position.
/// </summary>
public sealed class PiiCandidateTests
{
    // Values, near misses and the characters around them that the context rules look at: other numbers (², Ⅻ),
    // letters of other scripts, separators, dots and dashes on either side.
    private static readonly string[] Pieces =
    [
        "192.168.1.20", "255.255.255.255", "256.1.1.1", "01.2.3.4", "1.2.3.4.5", "10.0.0.1.", "0.0.0.0", "249.250.199.100",
        "123-45-6789", "123.45.6789", "123 45 6789", "123-45.6789", "1234-56-7890", "536-22-1234-", "078-05-1120.",
        "GB82 WEST 1234 5698 7654 32", "DE89370400440532013000", "GB82-WEST-1234", "AB12CDEFGHIJKLMNOP", "ab12 3456 7890 1234 5678 9012 3456 7890 1234",
        "0", "1", "9", "12", "255", "5", ".", "..", "-", " ", "  ", "_", "a", "Z", "é", "李", "²", "Ⅻ", "٣", "\n", ":", "/", "x", "v", "GB", "DE", "-.",
    ];

    [Fact]
    public void NextFormattedSsn_SeededTexts_SameAsPattern()
    {
        var differences = Compare(
            (text, from) => PiiCandidates.NextFormattedSsn(text, from, out var start) ? (start, start + 11) : (-1, -1),
            (text, from) => Reference(PiiPatterns.SsnFormatted().Match(text, from)),
            out var found);

        found.Should().BeGreaterThan(200, "the texts hold many formatted SSNs, so the comparison means something");
        differences.Should().BeEmpty();
    }

    [Fact]
    public void NextIPv4_SeededTexts_SameAsPattern()
    {
        var differences = Compare(
            (text, from) => PiiCandidates.NextIPv4(text, from, out var start, out var end) ? (start, end) : (-1, -1),
            (text, from) => Reference(PiiPatterns.IPv4().Match(text, from)),
            out var found);

        found.Should().BeGreaterThan(200, "the texts hold many dotted quads, so the comparison means something");
        differences.Should().BeEmpty();
    }

    [Fact]
    public void NextIPv6_SeededTexts_SameAsPattern()
    {
        // Groups of zero to five hex digits, runs of up to nine groups, dotted tails of every shape, zones, and what may
        // stand around a candidate (letters, other numbers, underscores, dots before letters and digits).
        string[] pieces =
        [
            ":", ":", "::", "0", "1", "fe80", "FE80", "db8", "abcde", "12345", "8a2e", "ffff", "1.2.3.4", "192.168.1.20", "1.2.3", "1234.5.6.7",
            "%eth0", "%", "%25", ".", ".x", ". ", "_", "x", "g", " ", "é", "²", "٣", "/", "[", "]", "\n",
        ];
        var differences = new List<string>();
        var random = new Random(20261203);
        var found = 0;
        for (var i = 0; i < 8000 && differences.Count < 10; i++)
        {
            // Half the parts are one to nine groups with a tail, so that many texts hold a candidate.
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 6)).Select(_ => random.Next(2) == 0
                ? pieces[random.Next(pieces.Length)]
                : string.Concat(Enumerable.Range(0, random.Next(1, 10)).Select(_ => Group(pieces[random.Next(3, 12)], random.Next(0, 6)) + ":"))
                    + pieces[random.Next(pieces.Length)] + pieces[random.Next(pieces.Length)]));
            found += CompareFromEveryStart(
                text,
                from => Reference(PiiPatterns.IPv6Candidate().Match(text, from)),
                from => PiiCandidates.NextIPv6(text, from, out var start, out var end) ? (start, end) : (-1, -1),
                (-1, -1),
                differences);
        }

        differences.Should().BeEmpty();
        found.Should().BeGreaterThan(1200, "the texts hold many candidates, so the comparison means something");

        static string Group(string hex, int length) => hex[..Math.Min(hex.Length, length)];
    }

    [Fact]
    public void NextIbanCandidate_SeededTexts_SameAsPattern()
    {
        var differences = Compare(
            (text, from) => PiiCandidates.NextIbanCandidate(text, from, out var start, out var end) ? (start, end) : (-1, -1),
            (text, from) => Reference(PiiPatterns.IbanCandidate().Match(text, from)),
            out var found);

        found.Should().BeGreaterThan(200, "the texts hold many IBAN candidates, so the comparison means something");
        differences.Should().BeEmpty();
    }

    [Fact]
    public void EmailAt_SeededTexts_SameAsPatternInTheScannersWindow()
    {
        // Addresses, near misses and what decides where one starts and ends: dots and apostrophes (single, doubled,
        // first, last), hyphens at a label's ends, labels and top-level domains at and past their length limits, digits
        // in a top-level domain, letters and numbers of other scripts (², Ⅻ are numbers the pattern takes but the
        // scanner's walk back does not), and windows cut short.
        string[] pieces =
        [
            "@", "@", "@", ".", ".", "'", "'", "-", "_", "%", "+", " ", ":", ",", "a", "jo", "jane.doe", "o'brien", "x1",
            "example", "com", "co.uk", "mail.example.org", "ex-ample", "-ex", "ex-", "de", "é", "李", "² ", "Ⅻ", "٣", "9",
            "1a", "ab1", "c_d", new string('q', 63), new string('r', 64), new string('s', 30) + "-" + new string('t', 32),
            "..", ".'", "\n", "@example.com", "@mail.example.org", "@ex-ample.co.uk", "@x.de", "@李.cn", ".com", ".org", ".fr",
            "@a1.b2", "@-x.com", "@x-.com", ".c0m", "@" + new string('h', 64) + ".com",
        ];
        var random = new Random(20261203);
        var pattern = PiiPatterns.Email();
        var differences = new List<string>();
        var found = 0;
        for (var i = 0; i < 6000 && differences.Count < 10; i++)
        {
            var builder = new StringBuilder();
            var parts = random.Next(2, 14);
            for (var p = 0; p < parts; p++)
            {
                builder.Append(pieces[random.Next(pieces.Length)]);
            }

            var text = builder.ToString();
            for (var at = text.IndexOf('@'); at >= 0; at = text.IndexOf('@', at + 1))
            {
                if (!PiiCandidates.EmailWindow(text, at, out var windowStart, out var windowEnd))
                {
                    continue;
                }

                // The scanner's window, then one that starts later and ends sooner (the pattern's $ at the cut).
                foreach (var (from, to) in new[] { (windowStart, windowEnd), (random.Next(windowStart, at), random.Next(at + 1, windowEnd + 1)) })
                {
                    var match = pattern.Match(text, from, to - from);
                    var expected = match.Success && match.Index < at && at < match.Index + match.Length ? (match.Index, match.Index + match.Length) : (-1, -1);
                    var actual = PiiCandidates.EmailAt(text, from, to, at, out var start, out var end) ? (start, end) : (-1, -1);
                    found += expected.Item1 >= 0 ? 1 : 0;
                    if (expected != actual)
                    {
                        differences.Add($"\"{text}\" '@' at {at}, window {from}..{to}: pattern {expected}, fast {actual}");
                    }
                }
            }
        }

        found.Should().BeGreaterThan(2000, "the texts hold many addresses, so the comparison means something");
        differences.Should().BeEmpty();
    }

    [Fact]
    public void NextBearer_SeededTexts_SameAsPattern()
    {
        // The word in several cases and after letters, digits and punctuation; blanks; tokens of 19, 20 and more
        // characters with padding; characters the case-insensitive class also holds (Kelvin sign, long s) and others
        // it does not (dotted and dotless i, letters of other scripts).
        string[] pieces =
        [
            "bearer", "Bearer", "BEARER", "bEaReR", "xbearer", "1bearer", "é", " ", "\t", "  ", ":", "=", "==", "\n", "-", ".",
            new string('a', 19), new string('Z', 20), "abcdefghij0123456789~+/_-.", "\u212A", "\u017F", "\u0130", "\u0131", "李", "token",
        ];
        var random = new Random(20261203);
        var pattern = PiiPatterns.BearerToken();
        var differences = new List<string>();
        var found = 0;
        for (var i = 0; i < 4000 && differences.Count < 10; i++)
        {
            // Half the parts are a word, blanks and a token, so that many texts hold one.
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 8)).Select(_ => random.Next(2) == 0
                ? pieces[random.Next(pieces.Length)]
                : pieces[random.Next(6)] + pieces[random.Next(7, 10)] + pieces[random.Next(16, 19)] + pieces[random.Next(pieces.Length)]));
            found += CompareFromEveryStart(
                text,
                from => pattern.Match(text, from) is { Success: true } m ? (m.Groups["value"].Index, m.Index + m.Length) : (-1, -1),
                from => PiiCandidates.NextBearer(text, from, out var start, out var end) ? (start, end) : (-1, -1),
                (-1, -1),
                differences);
        }

        differences.Should().BeEmpty();
        found.Should().BeGreaterThan(150, "the texts hold many tokens, so the comparison means something");
    }

    [Fact]
    public void IsVersionContext_SeededTexts_SameAsPattern()
    {
        // The words in several cases and cut short, letters and non-letters before a v, a slash after letters and
        // digits, blanks and a final line feed, and characters that fold to ASCII letters elsewhere (Kelvin sign, long s,
        // dotted and dotless i).
        string[] pieces =
        [
            "v", "V", "version", "VERSION", "Ver", "ver.", "release", "Build", "firmware", "FirmWare", "ersion", "uild", "/", "a/", "1/",
            " ", "\t", "\n", "x", "é", "1", "-", ".", "\u212A", "\u017F", "\u0130", "\u0131", "vers\u0131on", "relea\u017Fe", "b\u0130ld",
        ];
        var random = new Random(20261203);
        var pattern = PiiPatterns.VersionContext();
        var differences = new List<string>();
        var matched = 0;
        for (var i = 0; i < 20000 && differences.Count < 10; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 6)).Select(_ => pieces[random.Next(pieces.Length)]));
            var expected = pattern.IsMatch(text);
            matched += expected ? 1 : 0;
            if (PiiCandidates.IsVersionContext(text) != expected)
            {
                differences.Add($"\"{string.Concat(text.Select(c => c < 128 && !char.IsControl(c) ? c.ToString() : $"\\u{(int)c:X4}"))}\": pattern {expected}");
            }
        }

        matched.Should().BeInRange(3000, 17000, "both outcomes occur often, so the comparison means something");
        differences.Should().BeEmpty();
    }

    [Fact]
    public void BirthDateNext_SeededTexts_SameAsPattern()
    {
        // Every label (in several cases, with and without its optional endings, cut short), gaps with and without
        // digits and line breaks, dates of every shape with runs one digit too short or too long, month names whole and
        // cut, ordinal suffixes, and characters that fold to ASCII letters elsewhere (Kelvin sign, long s, dotted i).
        string[] labels =
        [
            "dob", "D.O.B.", "d.o.b", "DoB:", "date of birth", "Date_of-Birth", "date  of birth", "birth date", "birthdate", "birthday", "Birthday",
            "born", "born on", "Born  on", "fecha de nacimiento", "nacido el", "nacida  el", "date de naissance", "née le", "NEE le", "ne le",
            "né le", "geburtsdatum", "geboren", "geboren am", "data di nascita", "data de nascimento", "geboortedatum", "生年月日", "birt", "dat",
        ];
        string[] dates =
        [
            "1984-03-12", "1984/3/1", "1984.03.123", "19845-03-12", "12/03/1984", "1/3/84", "12-03-198", "12.3.1984", "March 3, 1984",
            "mar. 3rd 1984", "Sept 12 1984", "september 12th, 1984", "jan 5 84", "5 May 1984", "5th of June, 1984", "12 oct. 1984",
            "3rd of march 1984", "5 of may 1984", "31 Decem 1984", "1984", "12", "3 jun 1984x", "3 jun 19841",
        ];
        string[] glue = ["", " ", ": ", "\t", " is ", ", ", "\n", "\r", "1", "x", "é", "李", "-", "=", "\"", " (approx.) ", new string('z', 22), new string(' ', 24), new string('z', 25), "\u212A", "\u017F", "\u0130"];
        var random = new Random(20261203);
        var pattern = PiiPatterns.DateOfBirth();
        var differences = new List<string>();
        var found = 0;
        for (var i = 0; i < 3000 && differences.Count < 10; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 5)).Select(_ =>
                glue[random.Next(glue.Length)] + labels[random.Next(labels.Length)] + glue[random.Next(glue.Length)] + dates[random.Next(dates.Length)]));
            found += CompareFromEveryStart(
                text,
                from => pattern.Match(text, from) is { Success: true } m ? (m.Groups["value"].Index, m.Index + m.Length) : (-1, -1),
                from => BirthDateCandidates.Next(text, from, out var start, out var end) ? (start, end) : (-1, -1),
                (-1, -1),
                differences);
        }

        differences.Should().BeEmpty();
        found.Should().BeGreaterThan(1500, "the texts hold many labelled dates, so the comparison means something");
    }

    [Fact]
    public void SecretAssignmentNext_SeededTexts_SameAsPattern()
    {
        // Every keyword (in several cases, with and without separators, inside longer names, with the Kelvin sign for k
        // and the long s for s), quotes, every operator and the prose forms with and without a colon, values of 7, 8 and
        // more than 256 characters, values that start with '=', '>' or ':', and the characters that end a value.
        string[] keywords =
        [
            "password", "PASSWD", "passphrase", "pwd", "Secret", "api_key", "api-key", "apikey", "API_KEY", "access_key", "access-token", "accesstoken",
            "auth_token", "refresh-token", "bearer_token", "session_token", "token", "credentials", "credential", "account_key", "shared_access_key",
            "shared-accesskey", "private_key", "db_password", "to\u212Aen", "api_\u212Aey", "pa\u017Fsword", "toke", "api_", "acces",
        ];
        string[] operators = ["=", ":", ":=", "=>", " = ", "\t: ", "\"", "'", "\":\"", "': '", " is ", " was ", " IS: ", " is:", " isn't ", "  ", ""];
        string[] values =
        [
            "Tr0ub4dor&3", "1234567", "12345678", "=1234567", ">abcdefgh", ":abcdefg", "abc def ghi", "x" + new string('y', 300), "required", "null",
            "\"quoted-secret-9\"", "'q8Hk29aLmP0zR7'", "hunter2;more", "a\u00A0bcdefghij", "abcd\u2003efghijkl", "abcdefg\u200Bhi",
        ];
        string[] glue = ["", " ", "\n", ", ", "x", "é", "_", "{", "\""];
        var random = new Random(20261203);
        var pattern = PiiPatterns.SecretAssignment();
        var differences = new List<string>();
        var found = 0;
        for (var i = 0; i < 3000 && differences.Count < 10; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ =>
                glue[random.Next(glue.Length)] + keywords[random.Next(keywords.Length)] + operators[random.Next(operators.Length)] + values[random.Next(values.Length)]));
            found += CompareFromEveryStart(
                text,
                from => pattern.Match(text, from) is { Success: true } m ? (m.Groups["value"].Index, m.Index + m.Length, m.Groups["weak"].Success) : (-1, -1, false),
                from => SecretAssignmentCandidates.Next(text, from, out var start, out var end, out var weak) ? (start, end, weak) : (-1, -1, false),
                (-1, -1, false),
                differences);
        }

        differences.Should().BeEmpty();
        found.Should().BeGreaterThan(1500, "the texts hold many assignments, so the comparison means something");
    }

    [Fact]
    public void IsPlaceholder_SeededValues_SameAsPattern()
    {
        string[] pieces =
        [
            "*", "x", "X", "#", ".", "-", "_", "$", "%", "<", "{", "a", "Z", "\u212A", "\u017F", "\u0131", "1", "é", "null", "NONE", "undefined", "True",
            "false", "fal\u017Fe", "redacted", "[redacted]", "changeme", "name.space", "a.1", "abc.", ".abc", "\n", " ",
        ];
        var random = new Random(20261203);
        var pattern = PiiPatterns.SecretPlaceholder();
        var differences = new List<string>();
        var matched = 0;
        for (var i = 0; i < 20000 && differences.Count < 10; i++)
        {
            var value = string.Concat(Enumerable.Range(0, random.Next(0, 4)).Select(_ => pieces[random.Next(pieces.Length)]));
            var expected = pattern.IsMatch(value);
            matched += expected ? 1 : 0;
            if (SecretAssignmentCandidates.IsPlaceholder(value) != expected)
            {
                differences.Add($"\"{value}\": pattern {expected}");
            }
        }

        differences.Should().BeEmpty();
        matched.Should().BeInRange(3000, 17000, "both outcomes occur often, so the comparison means something");
    }

    [Fact]
    public void BirthDateHeaderAndValue_SeededCells_SameAsPatterns()
    {
        // Header forms whole, cut, joined by every separator (one, several, none, a tab), with text around them; dates
        // with runs one digit too short or too long, other separators and a final line feed.
        string[] pieces =
        [
            "dob", "D.O.B.", "d.ob", "date", "of", "birth", "Birth", "day", "born", "on", "fecha", "de", "nacimiento", "naissance", "geburtsdatum",
            "data", "di", "nascita", "nascimento", "geboortedatum", "生年月日", " ", "_", "-", "  ", "\t", "x", "\n", ".",
            "1984", "03", "3", "123", "12", "19845", "/", "\u212A", "\u017F",
        ];
        var random = new Random(20261203);
        string[] separators = ["-", "/", ".", " ", ":"];
        var (header, date) = (PiiPatterns.DateOfBirthHeader(), PiiPatterns.DateValue());
        var differences = new List<string>();
        var (headers, dates) = (0, 0);
        for (var i = 0; i < 60000 && differences.Count < 10; i++)
        {
            // Half the cells are three runs of one to five digits with separators, so that many are dates.
            var cell = random.Next(2) == 0
                ? string.Concat(Enumerable.Range(0, random.Next(1, 6)).Select(_ => pieces[random.Next(pieces.Length)]))
                : string.Join(separators[random.Next(separators.Length)], Enumerable.Range(0, 3).Select(_ => new string('7', random.Next(1, 6)))) + (random.Next(8) == 0 ? "\n" : "");
            var (isHeader, isDate) = (header.IsMatch(cell), date.IsMatch(cell));
            (headers, dates) = (headers + (isHeader ? 1 : 0), dates + (isDate ? 1 : 0));
            if (BirthDateCandidates.IsHeader(cell) != isHeader || BirthDateCandidates.IsDateValue(cell) != isDate)
            {
                differences.Add($"\"{cell}\": header {isHeader}, date {isDate}");
            }

            // A table's lines are split into cells only where this holds (FindTabularDatesOfBirth): every header cell, and
            // so every line that has one, must pass it.
            if (isHeader && !PiiPrefilters.MayHaveBirthHeaderCell(cell))
            {
                differences.Add($"\"{cell}\": a header the line filter rejects");
            }
        }

        differences.Should().BeEmpty();
        (headers, dates).Should().Match<(int, int)>(c => c.Item1 > 300 && c.Item2 > 300, "both patterns match often, so the comparison means something");
    }

    [Fact]
    public void NextLabelledSsn_SeededTexts_SameAsPattern()
    {
        // Every label form (cases, dots, blanks, number words whole and cut), separators, runs of 8, 9 and 10 digits,
        // what may follow them, labels after letters, and the long s.
        string[] labels =
        [
            "ssn", "SSN", "ss#", "Social Security", "social  security number", "social security num", "social security no.", "social security no",
            "social security #", "soc sec", "Soc. Sec.", "soc.sec.", "soc sec no.", "soc sec#", "soc sec number", "social security numb", "xssn",
            "ss", "\u017Fsn", "so\u017Fial security",
        ];
        string[] separators = ["", " ", ": ", " is ", " was ", "=", " - ", "#", "\t", " no ", ". ", ":"];
        string[] values = ["123456789", "12345678", "1234567890", "123456789x", "123456789_", "123456789.", "123-45-6789", "123456789 "];
        string[] glue = ["", " ", "\n", "x", "é", ", ", "1"];
        var random = new Random(20261203);
        var pattern = PiiPatterns.SsnLabelled();
        var differences = new List<string>();
        var found = 0;
        for (var i = 0; i < 4000 && differences.Count < 10; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ =>
                glue[random.Next(glue.Length)] + labels[random.Next(labels.Length)] + separators[random.Next(separators.Length)] + values[random.Next(values.Length)]));
            found += CompareFromEveryStart(
                text,
                from => pattern.Match(text, from) is { Success: true } m ? (m.Groups["area"].Index, m.Index + m.Length) : (-1, -1),
                from => PiiCandidates.NextLabelledSsn(text, from, out var digits) ? (digits, digits + 9) : (-1, -1),
                (-1, -1),
                differences);
        }

        differences.Should().BeEmpty();
        found.Should().BeGreaterThan(1000, "the texts hold many labelled SSNs, so the comparison means something");
    }

    [Fact]
    public void NeedsFolding_SeededTexts_TrueExactlyWhenTheFoldChangesTheText()
    {
        // Characters that fold (digits of other scripts, fullwidth forms, spaces, dashes, invisible ones, digits outside
        // the BMP) and characters that do not (letters, CJK, emoji, a lone surrogate).
        string[] characters = ["a", "1", " ", "é", "李", "\u200B", "\u00AD", "\u00A0", "٣", "३", "３", "Ａ", "＠", "\u2013", "\u2212", "\u3000", "𝟙", "😀", "\uD835", "\uDFD9", "²", "ß", "\uFEFF", "\u2060"];
        var random = new Random(20261203);
        var differences = new List<string>();
        var folded = 0;
        for (var i = 0; i < 20000; i++)
        {
            var builder = new StringBuilder();
            var length = random.Next(0, 8);
            for (var c = 0; c < length; c++)
            {
                // Mostly plain characters, so that many texts have nothing to fold.
                builder.Append(random.Next(3) == 0 ? characters[random.Next(characters.Length)] : characters[random.Next(3)]);
            }

            var text = builder.ToString();
            var changed = !ReferenceEquals(PiiText.Build(text).Shadow, text);
            folded += changed ? 1 : 0;
            if (PiiText.NeedsFolding(text) != changed)
            {
                differences.Add($"\"{string.Concat(text.Select(ch => $"\\u{(int)ch:X4}"))}\": fold changes it: {changed}");
            }
        }

        folded.Should().BeInRange(2000, 18000, "both kinds of text occur, so the comparison means something");
        differences.Should().BeEmpty();
    }

    [Fact]
    public void Build_SeededTexts_ShadowAndOffsetsAsTheCharacterByCharacterFold()
    {
        // The specification: each character folds on its own (a digit outside the BMP as its pair), invisible ones are
        // dropped, and every shadow offset maps to the original offset of the character it came from (the shadow's
        // length to the original's). Build copies runs and keeps only the offsets where the two part.
        string[] characters = ["a", "1", " ", "-", "\n", "é", "李", "\u200B", "\u00AD", "\u00A0", "٣", "３", "Ａ", "\u2013", "𝟙", "😀", "\uD835", "\uDFD9", "\uFEFF", "\u2060"];
        var random = new Random(20261204);
        var differences = new List<string>();
        var shifted = 0;
        for (var i = 0; i < 5000; i++)
        {
            var builder = new StringBuilder();
            var length = random.Next(0, 40);
            for (var c = 0; c < length; c++)
            {
                builder.Append(random.Next(4) == 0 ? characters[random.Next(characters.Length)] : characters[random.Next(5)]);
            }

            var text = builder.ToString();
            var (shadow, map) = ReferenceFold(text);
            var built = PiiText.Build(text);
            shifted += shadow.Length != text.Length ? 1 : 0;
            if (built.Shadow != shadow)
            {
                differences.Add($"{Escape(text)}: shadow {Escape(built.Shadow)}, expected {Escape(shadow)}");
                continue;
            }

            for (var start = 0; start <= shadow.Length; start++)
            {
                for (var end = start; end <= shadow.Length; end++)
                {
                    var expected = map is null ? (start, end)
                        : end <= start ? (map[start], map[start])
                        : (map[start], map[end - 1] + (char.IsHighSurrogate(text[map[end - 1]]) ? 2 : 1));
                    if (built.ToOriginal(start, end) != expected)
                    {
                        differences.Add($"{Escape(text)}: [{start}, {end}) -> {built.ToOriginal(start, end)}, expected {expected}");
                    }
                }
            }
        }

        shifted.Should().BeGreaterThan(1000, "many texts drop characters or fold pairs, so the offsets are tested");
        differences.Should().BeEmpty();

        static (string Shadow, int[]? Map) ReferenceFold(string text)
        {
            var shadow = new StringBuilder();
            var map = new List<int>();
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                    && System.Globalization.CharUnicodeInfo.GetDecimalDigitValue(text, i) is var wide and >= 0)
                {
                    shadow.Append((char)('0' + wide));
                    map.Add(i++);
                    continue;
                }

                var one = PiiText.Build(text[i].ToString()).Shadow;
                if (one.Length == 1)
                {
                    shadow.Append(one);
                    map.Add(i);
                }
            }

            map.Add(text.Length);
            return shadow.ToString() == text ? (text, null) : (shadow.ToString(), [.. map]);
        }

        static string Escape(string s) => string.Concat(s.Select(ch => ch < 0x80 && !char.IsControl(ch) ? ch.ToString() : $"\\u{(int)ch:X4}"));
    }

    [Fact]
    public void Scan_TextsInOtherScriptsWithNothingToFold_SameFindingsAsTheFold()
    {
        // Non-ASCII texts that need no fold go the fast way; their findings must not change.
        var text = "Merci de m'écrire à jane.doe@example.com ; 李.王@example.cn, café 192.168.1.20, 123-45-6789, appelez le +33 1 42 68 53 00.";
        PiiText.NeedsFolding(text).Should().BeFalse();

        var findings = PiiScanner.Default.Scan(text).Select(f => $"{f.Type.Name}:{f.Value}");

        findings.Should().Equal("email:jane.doe@example.com", "email:李.王@example.cn", "ip-address:192.168.1.20", "us-ssn:123-45-6789", "phone:+33 1 42 68 53 00");
    }

    [Fact]
    public void CountDigits_SeededTexts_CountUpToNine()
    {
        var random = new Random(20261203);
        for (var i = 0; i < 2000; i++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 40)).Select(_ => random.Next(3) == 0 ? (char)('0' + random.Next(10)) : "ab -.٣é"[random.Next(7)])]);

            PiiScanner.CountDigits(text).Should().Be(Math.Min(9, text.Count(char.IsAsciiDigit)), text);
        }
    }

    // Compares a hand-written search with its pattern from every starting position of the text: records the first
    // difference, and returns how many distinct matches the pattern found (none is the result for no match).
    private static int CompareFromEveryStart<T>(string text, Func<int, T> pattern, Func<int, T> fast, T none, List<string> differences)
        where T : IEquatable<T>
    {
        var seen = new HashSet<T>();
        for (var from = 0; from <= text.Length; from++)
        {
            var (expected, actual) = (pattern(from), fast(from));
            if (!expected.Equals(none))
            {
                seen.Add(expected);
            }

            if (!expected.Equals(actual))
            {
                differences.Add($"\"{text}\" from {from}: pattern {expected}, fast {actual}");
                break;
            }
        }

        return seen.Count;
    }

    private static (int Start, int End) Reference(System.Text.RegularExpressions.Match match) =>
        match.Success ? (match.Index, match.Index + match.Length) : (-1, -1);

    // Compares the fast search with the pattern from every starting position of 4,000 seeded texts.
    private static List<string> Compare(Func<string, int, (int, int)> fast, Func<string, int, (int, int)> pattern, out int found)
    {
        var random = new Random(20261203);
        var differences = new List<string>();
        found = 0;
        for (var i = 0; i < 4000 && differences.Count < 10; i++)
        {
            var builder = new StringBuilder();
            var parts = random.Next(1, 9);
            for (var p = 0; p < parts; p++)
            {
                builder.Append(Pieces[random.Next(Pieces.Length)]);
            }

            var text = builder.ToString();
            var matches = new HashSet<(int, int)>();
            for (var from = 0; from <= text.Length; from++)
            {
                var expected = pattern(text, from);
                var actual = fast(text, from);
                if (expected.Item1 >= 0 && matches.Add(expected))
                {
                    found++;
                }

                if (expected != actual)
                {
                    differences.Add($"\"{text}\" from {from}: pattern {expected}, fast {actual}");
                    break;
                }
            }
        }

        return differences;
    }
}

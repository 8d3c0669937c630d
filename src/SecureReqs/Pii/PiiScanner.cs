using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace SecureReqs;

/// <summary>
/// Finds payment card numbers, US social security numbers, IBANs, e-mail addresses, phone numbers, IP addresses,
/// secrets and labelled dates of birth in text, deterministically and without any network call.
/// </summary>
/// <remarks>
/// <para>
/// Candidates come from source-generated regular expressions and are confirmed by validators (Luhn and issuer
/// ranges for cards, ISO 13616 mod-97 and the per-country length for IBANs, SSA rules for SSNs, libphonenumber's
/// metadata for phone numbers of every region, octet ranges and <see cref="IPAddress.TryParse(string?, out IPAddress?)"/>
/// for addresses), which keeps false positives low. Zero-width characters inside a value and the decimal digits of every
/// script (Arabic-Indic, Devanagari, fullwidth, …) are seen through; offsets always refer to the string that was passed in.
/// </para>
/// <para>
/// Thread-safety: an instance is immutable and may be shared and used concurrently.
/// </para>
/// <para>
/// Security contract: the scanner finds structured identifiers only. It does not find names, free-text postal
/// addresses, or identifiers it has no pattern for (passport and national id numbers other than US SSNs, account
/// numbers without an IBAN), nor values that have been encoded (base64, spelled-out digits). Formatted SSNs, dotted quads
/// and IBAN candidates are found by hand-written searches equivalent to their patterns; every other pattern over the text
/// runs on .NET's linear regex engine without a match timeout, and libphonenumber's metadata patterns are only matched
/// on at most 20 digits: a scan takes time linear in the text, and a busy machine only makes it slower.
/// </para>
/// </remarks>
public sealed class PiiScanner
{
    private static readonly SearchValues<char> _digits = SearchValues.Create("0123456789");


    private readonly HashSet<PiiType> _types;
    private readonly string[] _phoneRegions;
    private readonly PhoneNumberFinder _phones;
    private readonly bool _prefilter = true;

    /// <summary>Creates a scanner for every type, with the national phone formats of <see cref="PiiScannerOptions.DefaultPhoneRegions"/>.</summary>
    public PiiScanner()
        : this(new PiiScannerOptions())
    {
    }

    /// <summary>Creates a scanner for the given types, with the national phone formats of <see cref="PiiScannerOptions.DefaultPhoneRegions"/>.</summary>
    /// <param name="types">The types to detect.</param>
    public PiiScanner(IEnumerable<PiiType> types)
        : this(new PiiScannerOptions { Types = new HashSet<PiiType>(types ?? throw new ArgumentNullException(nameof(types))) })
    {
    }

    /// <summary>Creates a scanner with the given options.</summary>
    /// <param name="options">What to detect.</param>
    /// <exception cref="ArgumentException">A phone region is neither a region libphonenumber knows nor <c>all</c>.</exception>
    public PiiScanner(PiiScannerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _types = [.. options.Types ?? throw new ArgumentException("Types must not be null.", nameof(options))];
        _phoneRegions = PiiScannerOptions.ResolvePhoneRegions(options.PhoneRegions);
        _phones = new PhoneNumberFinder(_phoneRegions);
    }

    /// <summary>Creates a scanner that runs every pattern on every text, skipping no pattern that cannot match (for tests
    /// that check the prefilters change no result).</summary>
    internal PiiScanner(PiiScannerOptions options, bool prefilter)
        : this(options)
    {
        _prefilter = prefilter;
    }

    /// <summary>A shared scanner for every type, with the national phone formats of <see cref="PiiScannerOptions.DefaultPhoneRegions"/>.</summary>
    public static PiiScanner Default { get; } = new();

    /// <summary>The regions whose national phone formats this scanner recognises, in the order they are tried.</summary>
    /// <remarks>Numbers written with <c>+</c> or an international dialling prefix are recognised for every region.</remarks>
    public IReadOnlyList<string> PhoneRegions => _phoneRegions;

    /// <summary>The types this scanner detects.</summary>
    public IReadOnlyCollection<PiiType> Types => _types;

    /// <summary>Finds the PII and secrets in <paramref name="text"/>.</summary>
    /// <param name="text">The text to scan.</param>
    /// <returns>Non-overlapping findings ordered by <see cref="PiiFinding.Start"/>.</returns>
    /// <remarks>
    /// Where candidates overlap, the one with the higher confidence wins, then the longer, then the earlier, so the
    /// result does not depend on detector order.
    /// </remarks>
    public IReadOnlyList<PiiFinding> Scan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || _types.Count == 0)
        {
            return [];
        }

        var source = PiiText.Create(text);
        var candidates = new List<PiiFinding>();
        var shadow = source.Shadow;
        var hasDigits = shadow.AsSpan().ContainsAny(_digits);
        var digitCount = hasDigits ? CountDigits(shadow) : 0; // at most 9
        var gates = _prefilter ? PiiPrefilters.For(shadow) : PiiGates.Open;

        // Card spans (in shadow offsets): a phone number can never win against a card, so the phone pass skips them.
        var cardSpans = new List<(int Start, int End)>();
        if (hasDigits && _types.Contains(PiiType.PaymentCard))
        {
            FindCards(source, candidates, cardSpans);
        }

        if (digitCount >= 9 && _types.Contains(PiiType.UsSsn))
        {
            FindSsns(source, candidates, gates.SsnLabel);
        }

        // No gate: the candidate search reads the digit runs once, as a test for two letters and two digits would.
        if (hasDigits && _types.Contains(PiiType.Iban))
        {
            FindIbans(source, candidates);
        }

        if (_types.Contains(PiiType.Email) && shadow.Contains('@', StringComparison.Ordinal))
        {
            FindEmails(source, candidates);
        }

        if (digitCount >= 5 && _types.Contains(PiiType.Phone))
        {
            FindPhones(source, candidates, cardSpans);
        }

        if (_types.Contains(PiiType.IpAddress))
        {
            if (digitCount >= 4 && gates.IPv4)
            {
                FindIPv4(source, candidates);
            }

            if (gates.IPv6)
            {
                FindIPv6(source, candidates);
            }
        }

        if (_types.Contains(PiiType.Secret))
        {
            FindSecrets(source, candidates, gates);
        }

        if (hasDigits && _types.Contains(PiiType.DateOfBirth))
        {
            if (gates.BirthLabel)
            {
                // Labelled dates by the hand-written equivalent of PiiPatterns.DateOfBirth (PiiCandidateTests compares them).
                for (var from = 0; BirthDateCandidates.Next(source.Shadow, from, out var valueStart, out var end); from = end)
                {
                    Add(source, valueStart, end, PiiType.DateOfBirth, "dob-label", 0.85, candidates);
                }
            }

            if (gates.BirthHeader)
            {
                FindTabularDatesOfBirth(source, candidates);
            }
        }

        return Resolve(candidates);
    }

    /// <summary>Replaces every finding in <paramref name="text"/> by its typed mask.</summary>
    /// <param name="text">The text to mask.</param>
    /// <returns>The text with, for example, <c>[card ****1111]</c>, <c>[email]</c> or <c>[secret]</c> in place of each value.</returns>
    public string Mask(string text) => Mask(text, Scan(text));

    /// <summary>Replaces the given findings of <paramref name="text"/> by their typed masks.</summary>
    /// <param name="text">The text the findings were found in.</param>
    /// <param name="findings">Non-overlapping findings ordered by start, as returned by <see cref="Scan"/>.</param>
    /// <returns>The masked text.</returns>
    public static string Mask(string text, IReadOnlyList<PiiFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(findings);
        if (findings.Count == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var position = 0;
        foreach (var finding in findings)
        {
            if (finding.Start < position || finding.End > text.Length)
            {
                throw new ArgumentException("Findings must be ordered, must not overlap and must lie within the text.", nameof(findings));
            }

            builder.Append(text, position, finding.Start - position).Append(finding.Mask);
            position = finding.End;
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }

    internal static IReadOnlyList<PiiFinding> Resolve(List<PiiFinding> candidates)
    {
        if (candidates.Count <= 1)
        {
            return candidates;
        }

        // Candidates that do not overlap, even through others, never compete: resolve each cluster of overlapping
        // candidates on its own, so a text with many values costs O(n log n) rather than O(n²).
        var accepted = new List<PiiFinding>(candidates.Count);
        var byPosition = candidates.OrderBy(static c => c.Start).ToList();
        var cluster = new List<PiiFinding>();
        var clusterEnd = int.MinValue;
        for (var i = 0; i <= byPosition.Count; i++)
        {
            if (i < byPosition.Count && byPosition[i].Start < clusterEnd)
            {
                cluster.Add(byPosition[i]);
                clusterEnd = Math.Max(clusterEnd, byPosition[i].End);
                continue;
            }

            cluster.Sort(ByPriority);
            var clusterStart = accepted.Count;
            if (cluster.Count > SmallCluster && cluster.TrueForAll(static c => c.Length > 0))
            {
                AcceptLargeCluster(cluster, accepted);
            }
            else
            {
                foreach (var member in cluster)
                {
                    var overlaps = false;
                    for (var a = clusterStart; a < accepted.Count && !overlaps; a++)
                    {
                        overlaps = accepted[a].Start < member.End && member.Start < accepted[a].End;
                        PiiWork.Count(1);
                    }

                    if (!overlaps)
                    {
                        accepted.Add(member);
                    }
                }
            }

            cluster.Clear();
            if (i < byPosition.Count)
            {
                cluster.Add(byPosition[i]);
                clusterEnd = byPosition[i].End;
            }
        }

        accepted.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return accepted;
    }

    // Up to this many candidates, a cluster compares each with those accepted before it; beyond, with its neighbours only.
    private const int SmallCluster = 8;

    // A chain of overlapping candidates can be as long as the text ("a.b@c.d@e.f@…", where each address's domain is the
    // next one's local part). Marking the characters of accepted spans makes each candidate's check cost its own length,
    // and candidates of one detector do not overlap each other, so the whole cluster costs time linear in its extent
    // (the same accepted set as comparing each candidate with every accepted span, which is quadratic in a long chain).
    private static void AcceptLargeCluster(List<PiiFinding> cluster, List<PiiFinding> accepted)
    {
        var first = int.MaxValue;
        var last = int.MinValue;
        foreach (var member in cluster)
        {
            first = Math.Min(first, member.Start);
            last = Math.Max(last, member.End);
        }

        var taken = new bool[last - first];
        foreach (var member in cluster)
        {
            PiiWork.Count(member.Length);
            var span = taken.AsSpan(member.Start - first, member.Length);
            if (!span.Contains(true))
            {
                span.Fill(true);
                accepted.Add(member);
            }
        }
    }

    private static int ByPriority(PiiFinding a, PiiFinding b)
    {
        var byConfidence = b.Confidence.CompareTo(a.Confidence);
        if (byConfidence != 0)
        {
            return byConfidence;
        }

        var byLength = b.Length.CompareTo(a.Length);
        return byLength != 0 ? byLength : a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.Type.Name, b.Type.Name);
    }

    private static void Add(PiiText source, int start, int end, PiiType type, string validator, double confidence, List<PiiFinding> findings)
    {
        var (originalStart, originalEnd) = source.ToOriginal(start, end);
        findings.Add(new PiiFinding(type, originalStart, originalEnd, source.Original[originalStart..originalEnd], validator, confidence));
    }

    private static void AddMatches(
        PiiText source, IEnumerable<Match> matches, PiiType type, string validator, double confidence, List<PiiFinding> findings, Func<string, bool>? accept = null)
    {
        foreach (var match in matches)
        {
            var value = match.Groups["value"];
            var group = value.Success ? value : match;
            if (accept is null || accept(group.Value))
            {
                Add(source, group.Index, group.Index + group.Length, type, validator, confidence, findings);
            }
        }
    }

    // Tables (CSV, TSV, semicolon-separated, Markdown/pipe) label a date of birth in a header row, not next to the value:
    // after a row with a date-of-birth header cell, a date in that column of each following row is a finding, until a
    // blank line ends the table.
    private static void FindTabularDatesOfBirth(PiiText source, List<PiiFinding> findings)
    {
        var shadow = source.Shadow;
        var column = -1;
        var delimiter = ',';
        var cells = new List<(int Start, int End)>();
        for (var lineStart = 0; lineStart < shadow.Length;)
        {
            var lineEnd = shadow.IndexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? shadow.Length : lineEnd;
            var line = shadow.AsSpan(lineStart, lineEnd - lineStart).TrimEnd('\r');
            if (line.IsWhiteSpace())
            {
                column = -1;
            }
            else if (column < 0)
            {
                // Only a line with a header word can be a header row: the others are not split into cells.
                if (PiiPrefilters.MayHaveBirthHeaderCell(line))
                {
                    foreach (var candidate in (ReadOnlySpan<char>)[',', ';', '\t', '|'])
                    {
                        var index = HeaderCell(line, Cells(line, candidate, cells));
                        if (index >= 0)
                        {
                            (column, delimiter) = (index, candidate);
                            break;
                        }
                    }
                }
            }
            else if (Cells(line, delimiter, cells).Count > column
                     && BirthDateCandidates.IsDateValue(line[cells[column].Start..cells[column].End]))
            {
                Add(source, lineStart + cells[column].Start, lineStart + cells[column].End, PiiType.DateOfBirth, "dob-column", 0.8, findings);
            }

            lineStart = lineEnd + 1;
        }
    }

    // The index of the first header cell of a date of birth, or -1.
    private static int HeaderCell(ReadOnlySpan<char> line, List<(int Start, int End)> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (BirthDateCandidates.IsHeader(line[cells[i].Start..cells[i].End]))
            {
                return i;
            }
        }

        return -1;
    }

    // The cells of a delimited line as trimmed, unquoted ranges (quotes may protect delimiters), into cells.
    private static List<(int Start, int End)> Cells(ReadOnlySpan<char> line, char delimiter, List<(int Start, int End)> cells)
    {
        cells.Clear();
        var start = 0;
        var quoted = false;
        for (var i = 0; i <= line.Length; i++)
        {
            if (i < line.Length && line[i] == '"')
            {
                quoted = !quoted;
            }
            else if (i == line.Length || (line[i] == delimiter && !quoted))
            {
                var (s, e) = (start, i);
                while (s < e && (char.IsWhiteSpace(line[s]) || line[s] == '"'))
                {
                    s++;
                }

                while (e > s && (char.IsWhiteSpace(line[e - 1]) || line[e - 1] == '"'))
                {
                    e--;
                }

                cells.Add((s, e));
                start = i + 1;
            }
        }

        return cells;
    }

    // Maximal runs of digits joined by single space, dot or dash separators, not glued to a word on either side, found
    // by a hand-written pass (a regular expression for it cost more than the rest of the card detector).
    private static IEnumerable<(int Index, int Length)> DigitRuns(string shadow)
    {
        for (var i = 0; i < shadow.Length;)
        {
            var next = shadow.AsSpan(i).IndexOfAnyInRange('0', '9');
            if (next < 0)
            {
                yield break;
            }

            i += next;
            if (i > 0 && IsWordChar(shadow[i - 1]))
            {
                while (i < shadow.Length && IsWordChar(shadow[i]))
                {
                    i++;
                }

                continue;
            }

            var start = i;
            while (true)
            {
                while (i < shadow.Length && char.IsAsciiDigit(shadow[i]))
                {
                    i++;
                }

                if (i + 1 < shadow.Length && shadow[i] is ' ' or '.' or '-' && char.IsAsciiDigit(shadow[i + 1]))
                {
                    i++;
                    continue;
                }

                break;
            }

            if (i < shadow.Length && IsWordChar(shadow[i]))
            {
                while (i < shadow.Length && IsWordChar(shadow[i]))
                {
                    i++;
                }

                continue;
            }

            yield return (start, i - start);
        }
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static void FindCards(PiiText source, List<PiiFinding> findings, List<(int Start, int End)> spans)
    {
        var shadow = source.Shadow;
        Span<char> digits = stackalloc char[19];
        var groups = new List<(int Start, int End)>();
        foreach (var match in DigitRuns(shadow))
        {
            if (match.Length < CardIssuerRanges.MinLength)
            {
                continue;
            }

            groups.Clear();
            var end = match.Index + match.Length;
            for (var i = match.Index; i < end;)
            {
                var groupStart = i;
                while (i < end && char.IsAsciiDigit(shadow[i]))
                {
                    i++;
                }

                groups.Add((groupStart, i));
                i++;
            }

            // Take the longest run of whole groups that is a card, leftmost first; a long unseparated number is an id, not a card.
            for (var first = 0; first < groups.Count;)
            {
                // No card has more than 19 digits: groups past that cannot end one, so each start tries a bounded
                // number of ends and the scan stays linear in the text.
                var fits = first;
                for (var digitCount = 0; fits < groups.Count && digitCount + (groups[fits].End - groups[fits].Start) <= 19; fits++)
                {
                    digitCount += groups[fits].End - groups[fits].Start;
                }

                var found = -1;
                for (var last = fits - 1; last >= first && found < 0; last--)
                {
                    PiiWork.Count(last - first + 1);
                    if (TryCard(shadow, groups, first, last, digits))
                    {
                        found = last;
                    }
                }

                if (found >= 0)
                {
                    Add(source, groups[first].Start, groups[found].End, PiiType.PaymentCard, "luhn", 0.95, findings);
                    spans.Add((groups[first].Start, groups[found].End));
                    first = found + 1;
                }
                else
                {
                    first++;
                }
            }
        }
    }

    private static bool TryCard(string shadow, List<(int Start, int End)> groups, int first, int last, Span<char> buffer)
    {
        var count = 0;
        var separator = first < last ? shadow[groups[first].End] : '\0';
        for (var g = first; g <= last; g++)
        {
            var (start, end) = groups[g];
            var length = end - start;
            if ((first < last && length > 6) || count + length > 19 || (g < last && shadow[end] != separator))
            {
                return false;
            }

            shadow.AsSpan(start, length).CopyTo(buffer[count..]);
            count += length;
        }

        return PiiValidators.IsPaymentCard(buffer[..count]);
    }

    private static void FindSsns(PiiText source, List<PiiFinding> findings, bool mayBeLabelled)
    {
        // Formatted SSNs (3-2-4 with one separator) by the hand-written search of PiiPatterns.SsnFormatted.
        var shadow = source.Shadow;
        for (var from = 0; PiiCandidates.NextFormattedSsn(shadow, from, out var start); from = start + 11)
        {
            if (PiiValidators.IsUsSsn(shadow.AsSpan(start, 3), shadow.AsSpan(start + 4, 2), shadow.AsSpan(start + 7, 4)))
            {
                Add(source, start, start + 11, PiiType.UsSsn, "ssn-rules", 0.85, findings);
            }
        }

        if (!mayBeLabelled)
        {
            return;
        }

        // Labelled SSNs by the hand-written equivalent of PiiPatterns.SsnLabelled (PiiCandidateTests compares them).
        for (var from = 0; PiiCandidates.NextLabelledSsn(shadow, from, out var digits); from = digits + 9)
        {
            if (PiiValidators.IsUsSsn(shadow.AsSpan(digits, 3), shadow.AsSpan(digits + 3, 2), shadow.AsSpan(digits + 5, 4)))
            {
                Add(source, digits, digits + 9, PiiType.UsSsn, "ssn-label", 0.9, findings);
            }
        }
    }

    private static void FindIbans(PiiText source, List<PiiFinding> findings)
    {
        var shadow = source.Shadow;
        Span<char> compact = stackalloc char[40];

        // Candidates of PiiPatterns.IbanCandidate, by its hand-written search.
        for (var from = 0; PiiCandidates.NextIbanCandidate(shadow, from, out var matchStart, out var matchEnd);)
        {
            var next = matchStart + 1;
            if (PiiValidators.TryGetIbanLength(shadow.AsSpan(matchStart, 2), out var expected))
            {
                // Walk exactly the country's length of alphanumerics, allowing single separators between them.
                var count = 0;
                var i = matchStart;
                while (i < matchEnd && count < expected)
                {
                    if (char.IsAsciiLetterOrDigit(shadow[i]))
                    {
                        compact[count++] = shadow[i];
                    }

                    i++;
                }

                var endsAtBoundary = i >= shadow.Length || !char.IsLetterOrDigit(shadow[i]);
                if (count == expected && endsAtBoundary && PiiValidators.IsIban(compact[..count]))
                {
                    Add(source, matchStart, i, PiiType.Iban, "iban-mod97", 0.97, findings);
                    next = i;
                }
            }

            if (next >= shadow.Length)
            {
                break;
            }

            from = next;
        }
    }

    private static void FindEmails(PiiText source, List<PiiFinding> findings)
    {
        // Match only around each '@' (starting the pattern at every word of a long text costs far more), by the
        // hand-written equivalent of PiiPatterns.Email in the window the pattern ran in (PiiCandidateTests compares them).
        var shadow = source.Shadow;
        var searchFrom = 0;
        for (var at = shadow.IndexOf('@', StringComparison.Ordinal); at >= 0; at = shadow.IndexOf('@', Math.Max(at + 1, searchFrom)))
        {
            if (!PiiCandidates.EmailWindow(shadow, at, out var windowStart, out var windowEnd))
            {
                continue;
            }

            PiiWork.Count(windowEnd - windowStart);
            if (PiiCandidates.EmailAt(shadow, windowStart, windowEnd, at, out var start, out var end) && IsPlausibleEmail(at - start, end - start))
            {
                Add(source, start, end, PiiType.Email, "email-syntax", 0.9, findings);
                searchFrom = end;
            }
        }
    }

    private void FindPhones(PiiText source, List<PiiFinding> findings, List<(int Start, int End)> cardSpans) =>
        _phones.Find(source, cardSpans, findings, static (text, start, end, confidence, list) => Add(text, start, end, PiiType.Phone, "libphonenumber", confidence, list));

    private static void FindIPv4(PiiText source, List<PiiFinding> findings)
    {
        // Dotted quads of PiiPatterns.IPv4, by its hand-written search.
        var shadow = source.Shadow;
        for (var from = 0; PiiCandidates.NextIPv4(shadow, from, out var start, out var end); from = end)
        {
            var contextStart = Math.Max(0, start - 16);
            if (!PiiCandidates.IsVersionContext(shadow.AsSpan(contextStart, start - contextStart)))
            {
                Add(source, start, end, PiiType.IpAddress, "ipv4-octets", 0.8, findings);
            }
        }
    }

    private static void FindIPv6(PiiText source, List<PiiFinding> findings)
    {
        // Candidates of PiiPatterns.IPv6Candidate, by its hand-written search (PiiCandidateTests compares them).
        var shadow = source.Shadow;
        for (var from = 0; PiiCandidates.NextIPv6(shadow, from, out var start, out var end); from = end)
        {
            var candidate = shadow.AsSpan(start, end - start);
            var hexDigits = 0;
            var groups = 0;
            var inGroup = false;
            foreach (var c in candidate)
            {
                if (c == '%')
                {
                    break;
                }

                var hex = char.IsAsciiHexDigit(c);
                hexDigits += hex ? 1 : 0;
                groups += hex && !inGroup ? 1 : 0;
                inGroup = hex;
            }

            // "A::B" in code or "12:30:45" in prose parse or nearly parse; real addresses have more substance.
            if (groups >= 2 && hexDigits >= 4
                && IPAddress.TryParse(candidate, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6)
            {
                Add(source, start, end, PiiType.IpAddress, "ipv6-parse", 0.85, findings);
            }
        }
    }

    // A private key block: its BEGIN line, then up to the first END line at most PemMaxGap characters on, or else its
    // base64 body. The next END line is remembered, so a text of many BEGIN lines and no END line is still read once.
    private static void FindPrivateKeyBlocks(PiiText source, List<PiiFinding> findings)
    {
        var shadow = source.Shadow;
        Match? end = null;
        for (var begin = PiiPatterns.PemBegin().Match(shadow); begin.Success;)
        {
            var bodyStart = begin.Index + begin.Length;
            if (end is null || (end.Success && end.Index < bodyStart))
            {
                end = PiiPatterns.PemEnd().Match(shadow, bodyStart);
            }

            var blockEnd = end.Success && end.Index - bodyStart <= PiiPatterns.PemMaxGap
                ? end.Index + end.Length
                : bodyStart + PiiPatterns.PemBody().Match(shadow, bodyStart, shadow.Length - bodyStart).Length;
            Add(source, begin.Index, blockEnd, PiiType.Secret, "pem-private-key", 0.99, findings);
            begin = PiiPatterns.PemBegin().Match(shadow, blockEnd);
        }
    }

    private static void FindSecrets(PiiText source, List<PiiFinding> findings, PiiGates gates)
    {
        var shadow = source.Shadow;
        if (shadow.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            FindPrivateKeyBlocks(source, findings);
        }

        // Each pattern runs only on a text holding its literal prefix (or, for the keyword patterns, its keyword).
        foreach (var (open, pattern, validator) in (ReadOnlySpan<(bool, ContextRegex, string)>)
            [
                (gates.AwsKey, PiiPatterns.AwsAccessKey(), "aws-access-key-id"),
                (gates.GitHubToken, PiiPatterns.GitHubToken(), "github-token"),
                (gates.StripeKey, PiiPatterns.StripeKey(), "stripe-key"),
                (gates.GoogleKey, PiiPatterns.GoogleApiKey(), "google-api-key"),
                (gates.SlackToken, PiiPatterns.SlackToken(), "slack-token"),
                (gates.Jwt, PiiPatterns.Jwt(), "jwt"),
            ])
        {
            if (open)
            {
                AddMatches(source, pattern.Matches(shadow), PiiType.Secret, validator, 0.9, findings);
            }
        }

        foreach (var match in gates.SkKey ? PiiPatterns.SkKey().Matches(shadow) : [])
        {
            // A key body mixes letters and digits; "sk-this-is-a-long-slug-name" does not.
            var body = match.Groups["body"].ValueSpan;
            if (body.ContainsAnyInRange('0', '9') && (body.ContainsAnyInRange('a', 'z') || body.ContainsAnyInRange('A', 'Z')))
            {
                Add(source, match.Index, match.Index + match.Length, PiiType.Secret, "sk-api-key", 0.9, findings);
            }
        }

        if (shadow.Contains("://", StringComparison.Ordinal))
        {
            AddMatches(source, PiiPatterns.UrlCredentials().Matches(shadow), PiiType.Secret, "url-credentials", 0.92, findings);
        }

        // Bearer tokens by the hand-written equivalent of PiiPatterns.BearerToken (PiiCandidateTests compares them).
        for (var from = 0; gates.Bearer && PiiCandidates.NextBearer(shadow, from, out var valueStart, out var end); from = end)
        {
            Add(source, valueStart, end, PiiType.Secret, "bearer-token", 0.8, findings);
        }

        // Credential assignments by the hand-written equivalents of PiiPatterns.SecretAssignment and SecretPlaceholder
        // (PiiCandidateTests compares them).
        // The Kelvin sign (which the keyword search must then read letter by letter) is looked for once per text: the
        // text's length counts as work, so a look per match would show in PiiScannerLinearityTests.
        var kelvin = false;
        if (gates.SecretAssignment)
        {
            PiiWork.Count(shadow.Length);
            kelvin = shadow.Contains('\u212A');
        }

        for (var from = 0; gates.SecretAssignment && SecretAssignmentCandidates.Next(shadow, from, kelvin, out var valueStart, out var end, out var proseForm); from = end)
        {
            // "password is required" is prose; "password is Tr0ub4dor&3" is a password: in prose, ask for letters and digits.
            var value = shadow.AsSpan(valueStart, end - valueStart);
            if (!SecretAssignmentCandidates.IsPlaceholder(value)
                && (!proseForm || (value.ContainsAnyInRange('0', '9') && (value.ContainsAnyInRange('a', 'z') || value.ContainsAnyInRange('A', 'Z')))))
            {
                Add(source, valueStart, end, PiiType.Secret, "secret-assignment", proseForm ? 0.6 : 0.7, findings);
            }
        }
    }

    // The number of ASCII digits, counted up to 9 (the most any threshold of Scan asks for): a vectorised search from
    // digit to digit that stops early, rather than a look at every character of a long text.
    internal static int CountDigits(string text)
    {
        var count = 0;
        var span = text.AsSpan();
        for (var i = span.IndexOfAnyInRange('0', '9'); i >= 0 && ++count < 9;)
        {
            var next = span[(i + 1)..].IndexOfAnyInRange('0', '9');
            i = next < 0 ? -1 : i + 1 + next;
        }

        return count;
    }

    // The local part at most 64 characters, the address at most 254 (RFC 5321).
    private static bool IsPlausibleEmail(int localLength, int length) => localLength is > 0 and <= 64 && length <= 254;
}

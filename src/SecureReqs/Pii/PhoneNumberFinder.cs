using System.Buffers;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace SecureReqs;

/// <summary>
/// Finds phone numbers: a hand-written linear pass collects runs of digit groups (with <c>+</c>, parentheses and the
/// usual separators), and libphonenumber's metadata decides which runs are valid numbers.
/// </summary>
/// <remarks>
/// <para>
/// A number with a <c>+</c> or an international dialling prefix (<c>00</c>, <c>011</c>) is checked against every
/// country calling code libphonenumber knows. A number in national format is checked against the configured regions;
/// for regions that dial a trunk prefix (<c>0</c> in most of the world) the prefix must be written, as people do.
/// A national number that is a single unbroken digit run (an id, an order number) needs a phone word nearby
/// (<c>tel</c>, <c>call</c>, <c>mobile</c>, …) or a written trunk prefix; dates, dotted quads and prices are not phones,
/// and an order, invoice or account label just before a national number rules it out.
/// </para>
/// <para>
/// libphonenumber is only asked about runs with 7 to 20 digits whose length is possible in a region, through
/// <see cref="PhoneNumberUtil.IsValidNumberForRegion"/> on a number built from the digits (no parsing, no exceptions),
/// so the pass stays linear in the text. Thread-safety: safe for concurrent use (the only state that changes is each
/// metadata pattern's cached regex and use count).
/// </para>
/// </remarks>
internal sealed class PhoneNumberFinder
{
    private const int MinDigits = 7;
    private const int MinShortDigits = 5;
    private const int MaxDigits = 20;
    private const int MaxGap = 3;
    private const int ContextWindow = 40;
    private const int LabelReach = 20;

    private static readonly SearchValues<char> _runStarts = SearchValues.Create("+(0123456789");
    private static readonly PhoneNumberUtil _util = PhoneNumberUtil.GetInstance();
    private static readonly bool[] _knownCountryCodes = KnownCountryCodes();
    private static readonly ConcurrentDictionary<string, MetadataPattern> _patterns = new(StringComparer.Ordinal);

    // Words before a number that make it a phone number; generic "number" words count only without a label for
    // another kind of number ("order number 1234 5678").
    private static readonly string[] _phoneWords =
    [
        "phone", "telephone", "tel", "call", "mobile", "mob", "cell", "cellphone", "fax", "whatsapp", "sms", "text me",
        "ring", "dial", "contact", "reach", "hotline", "helpline", "telefon", "téléphone", "teléfono", "telefone",
        "telefono", "handy", "móvil", "movil", "celular", "portable", "cellulare", "電話", "☎",
    ];

    private static readonly string[] _numberWords = ["number", "nummer", "numéro", "numero", "número", "no", "nr"];

    private static readonly string[] _otherNumberWords =
    [
        "order", "invoice", "ref", "reference", "ticket", "account", "acct", "tracking", "sku", "serial", "isbn",
        "booking", "confirmation", "transaction", "passport", "licence", "license", "routing", "iban", "id", "version",
        "build", "receipt", "parcel", "shipment", "bestellung", "rechnung", "commande", "facture", "pedido", "factura",
        "vat", "ssn", "postcode", "zip", "imei", "isin", "patient", "mrn", "batch", "lot",
    ];

    // Each list's words in one search: a window is read once per list, not once per word.
    private static readonly SearchValues<string> _phoneWordSearch = SearchValues.Create(_phoneWords, StringComparison.Ordinal);
    private static readonly SearchValues<string> _numberWordSearch = SearchValues.Create(_numberWords, StringComparison.Ordinal);
    private static readonly SearchValues<string> _otherNumberWordSearch = SearchValues.Create(_otherNumberWords, StringComparison.Ordinal);

    // The regions, in the order given, whose national numbers can have each number of digits (with or without the trunk
    // prefix): a candidate is tried only against regions where its length can be valid, in the same order, so the first
    // region that accepts it is the same one.
    private readonly NationalRegion[][] _regionsByLength;

    /// <summary>Creates a finder that recognises national formats of <paramref name="regions"/>.</summary>
    public PhoneNumberFinder(IReadOnlyList<string> regions)
    {
        NationalRegion[] ordered = [.. regions.Select(region => _regionsByName[region])];
        _regionsByLength = [.. Enumerable.Range(0, MaxDigits + 1).Select(length => ordered.Where(region => region.MayAccept(length)).ToArray())];
    }

    /// <summary>Adds the phone numbers of <paramref name="source"/> through <paramref name="add"/>.</summary>
    /// <param name="source">The text.</param>
    /// <param name="skip">Ordered, non-overlapping shadow spans already taken by a stronger finding (cards).</param>
    /// <param name="findings">Where findings go.</param>
    /// <param name="add">Adds one finding: text, shadow start, shadow end, confidence, list.</param>
    public void Find(PiiText source, List<(int Start, int End)> skip, List<PiiFinding> findings, Action<PiiText, int, int, double, List<PiiFinding>> add)
    {
        var skipIndex = 0;
        var text = source.Shadow;
        var groups = new List<Group>();
        var i = 0;
        while (i < text.Length)
        {
            var next = text.AsSpan(i).IndexOfAny(_runStarts);
            if (next < 0)
            {
                break;
            }

            i += next;
            if (i > 0 && IsWordChar(text[i - 1]) && text[i] is not '+' and not '(')
            {
                // Digits glued to a word (ID12345678, v2): skip the rest of the word.
                while (i < text.Length && IsWordChar(text[i]))
                {
                    i++;
                }

                continue;
            }

            var runEnd = ReadRun(text, i, groups, out var plus);
            while (skipIndex < skip.Count && skip[skipIndex].End <= i)
            {
                skipIndex++;
            }

            if (groups.Count > 0 && !(skipIndex < skip.Count && skip[skipIndex].Start <= groups[0].Start && runEnd <= skip[skipIndex].End))
            {
                EvaluateRun(source, groups, plus, findings, add);
            }

            i = Math.Max(runEnd, i + 1);
        }
    }

    // Reads digit groups from start: an optional '+' and '(' first, then groups joined by gaps of at most three
    // characters from " -./()". Returns the index just past the run.
    private static int ReadRun(string text, int start, List<Group> groups, out bool plus)
    {
        groups.Clear();
        var i = start;
        plus = text[i] == '+';
        if (plus)
        {
            i++;
            if (i < text.Length && text[i] == ' ')
            {
                i++;
            }
        }

        var gapStart = i;
        var digitCount = 0;
        while (true)
        {
            var gapEnd = gapStart;
            while (gapEnd < text.Length && gapEnd - gapStart <= MaxGap && text[gapEnd] is ' ' or '-' or '.' or '/' or '(' or ')')
            {
                gapEnd++;
            }

            if (gapEnd - gapStart > MaxGap || gapEnd >= text.Length || !char.IsAsciiDigit(text[gapEnd])
                || (groups.Count == 0 && gapEnd > gapStart && text.AsSpan(gapStart, gapEnd - gapStart) is not "("))
            {
                break;
            }

            var groupEnd = gapEnd;
            while (groupEnd < text.Length && char.IsAsciiDigit(text[groupEnd]))
            {
                groupEnd++;
            }

            if (digitCount + (groupEnd - gapEnd) > MaxDigits + 4 && groups.Count > 0)
            {
                break;
            }

            groups.Add(new Group(gapStart, gapEnd, groupEnd));
            digitCount += groupEnd - gapEnd;
            gapStart = groupEnd;
        }

        return groups.Count > 0 ? groups[^1].End : start + 1;
    }

    private void EvaluateRun(PiiText source, List<Group> groups, bool plus, List<PiiFinding> findings, Action<PiiText, int, int, double, List<PiiFinding>> add)
    {
        var text = source.Shadow;
        Span<bool> blocked = groups.Count <= 64 ? stackalloc bool[groups.Count] : new bool[groups.Count];
        MarkDatesAndAddresses(text, groups, blocked);

        Span<char> digits = stackalloc char[MaxDigits + 8];
        var segmentStart = 0;
        for (var g = 0; g <= groups.Count; g++)
        {
            if (g < groups.Count && !blocked[g])
            {
                continue;
            }

            // Try the longest run of whole groups that is a phone number from each group, leftmost first.
            for (var first = segmentStart; first < g;)
            {
                var found = -1;
                var confidence = 0.0;
                var last = first;
                var count = 0;
                while (last < g && count + groups[last].Length <= MaxDigits)
                {
                    count += groups[last].Length;
                    last++;
                }

                for (var end = last - 1; end >= first && found < 0; end--)
                {
                    if (IsSubRunAllowed(text, groups, segmentStart, g, first, end))
                    {
                        PiiWork.Count(end - first + 1);
                        confidence = Evaluate(text, groups, first, end, plus && first == 0, digits);
                        found = confidence > 0 ? end : -1;
                    }
                }

                if (found >= 0)
                {
                    var start = plus && first == 0 ? text.LastIndexOf('+', groups[0].Start) : groups[first].Start;
                    if (groups[first].GapStart < groups[first].Start && text[groups[first].Start - 1] == '(' && start == groups[first].Start)
                    {
                        start--;
                    }

                    add(source, start, ExtensionEnd(text, groups[found].End), confidence, findings);
                    first = found + 1;
                }
                else
                {
                    first++;
                }
            }

            segmentStart = g + 1;
        }
    }

    // A part of a longer run counts only where its edges are clearly breaks between values: "555-123-4567 555-987-6543"
    // splits at the space, "1234 5678 9012 3456" does not split at all.
    private static bool IsSubRunAllowed(string text, List<Group> groups, int segmentStart, int segmentEnd, int first, int last)
    {
        if (first == last)
        {
            return true;
        }

        for (var g = first + 1; g <= last; g++)
        {
            PiiWork.Count(1);
            var inner = groups[g].GapSpan(text);
            if ((first > segmentStart && inner.SequenceEqual(groups[first].GapSpan(text)))
                || (last + 1 < segmentEnd && inner.SequenceEqual(groups[last + 1].GapSpan(text))))
            {
                return false;
            }
        }

        return true;
    }

    // Returns the confidence of groups first..last as a phone number, or 0.
    private double Evaluate(string text, List<Group> groups, int first, int last, bool plus, Span<char> buffer)
    {
        var n = 0;
        for (var g = first; g <= last; g++)
        {
            text.AsSpan(groups[g].Start, groups[g].Length).CopyTo(buffer[n..]);
            n += groups[g].Length;
        }

        ReadOnlySpan<char> digits = buffer[..n];
        if (n < MinShortDigits || (n < MinDigits && plus) || IsAllSame(digits))
        {
            return 0;
        }

        var start = groups[first].Start;
        var end = groups[last].End;
        if (IsPriceOrQuantity(text, plus ? start - 1 : start, end))
        {
            return 0;
        }

        if (plus)
        {
            return IsValidInternational(digits) ? 0.9 : 0;
        }

        if (n >= 10 && digits.StartsWith("00") && IsValidInternational(digits[2..]))
        {
            return 0.85;
        }

        if (n >= 11 && digits.StartsWith("011") && IsValidInternational(digits[3..]))
        {
            return 0.85;
        }

        if (end < text.Length && char.IsLetter(text[end]) && ExtensionEnd(text, end) == end)
        {
            // Glued to a word: "12345678abc" is an identifier.
            return 0;
        }

        var parenthesized = start > 0 && text[start - 1] == '(';
        var formatted = (last > first && !IsThousands(text, groups, first, last)) || parenthesized;
        foreach (var region in n < _regionsByLength.Length ? _regionsByLength[n] : [])
        {
            if (region.IsValidNational(digits, parenthesized, out var trunkPrefixed))
            {
                // Five- and six-digit numbers (Faroe Islands, New Caledonia, ...) need a phone word nearby.
                var context = Context(text, start);
                return context < 0 || (n < MinDigits && context == 0) ? 0 : formatted ? 0.8 : context > 0 || trunkPrefixed ? 0.7 : 0;
            }
        }

        return 0;
    }

    // +1 for a phone word before the number, -1 for a word that names another kind of number, 0 for neither.
    // The nearer word wins; a bare "number" counts only when nothing names another kind of number.
    private static int Context(string text, int start)
    {
        var windowStart = Math.Max(0, start - ContextWindow);
        // Lower-cased once (the words are lower case), so each word is an ordinal, vectorised search of the window.
        Span<char> window = stackalloc char[ContextWindow];
        window = window[..text.AsSpan(windowStart, start - windowStart).ToLowerInvariant(window)];
        var phone = LastWord(window, _phoneWords, _phoneWordSearch);

        // Another kind of number is ruled out only by a label right before it ("Order #", "Account ID:"); a word further
        // back ("DOB for ID&V: ... wants a callback on (212) 456-7890") names something else.
        var other = LastWord(window, _otherNumberWords, _otherNumberWordSearch);
        other = other >= window.Length - LabelReach ? other : -1;
        if (phone > other)
        {
            return 1;
        }

        return other >= 0 ? -1 : LastWord(window, _numberWords, _numberWordSearch) >= 0 ? 1 : 0;
    }

    // The position of the last whole word of words in window (a plural s is allowed), or -1: every place where some word
    // starts is found left to right by one search over all of them, and the last place where one stands whole wins.
    internal static int LastWord(ReadOnlySpan<char> window, string[] words, SearchValues<string> search)
    {
        var best = -1;
        for (var from = 0; from < window.Length;)
        {
            var hit = window[from..].IndexOfAny(search);
            if (hit < 0)
            {
                break;
            }

            var at = from + hit;
            foreach (var word in words)
            {
                if (window[at..].StartsWith(word, StringComparison.Ordinal) && IsWholeWord(window, at, word))
                {
                    best = at;
                    break;
                }
            }

            from = at + 1;
        }

        return best;
    }

    // Scripts written without spaces (電話番号) have no word boundaries: a word that starts or ends with such a letter
    // matches inside a longer run; Latin-script words must stand alone.
    private static bool IsWholeWord(ReadOnlySpan<char> window, int at, string word)
    {
        var after = at + word.Length;
        if (after < window.Length && window[after] is 's' or 'S')
        {
            after++;
        }

        var leftOk = at == 0 || !char.IsLetter(window[at - 1]) || !IsSpacedLetter(word[0]);
        var rightOk = after >= window.Length || !char.IsLetter(window[after]) || !IsSpacedLetter(word[^1]);
        return leftOk && rightOk;
    }

    /// <summary>The phone words, the generic number words and the words naming another kind of number, each with its search (for tests).</summary>
    internal static (string[] Words, SearchValues<string> Search)[] ContextWordLists =>
        [(_phoneWords, _phoneWordSearch), (_numberWords, _numberWordSearch), (_otherNumberWords, _otherNumberWordSearch)];

    // A letter of a script that separates words with spaces (Latin, Greek, Cyrillic and the like), not CJK or kana.
    private static bool IsSpacedLetter(char c) => char.IsLetter(c) && c < '\u2E80';

    private static bool IsValidInternational(ReadOnlySpan<char> digits)
    {
        for (var codeLength = 1; codeLength <= 3 && codeLength < digits.Length; codeLength++)
        {
            var code = int.Parse(digits[..codeLength], provider: System.Globalization.CultureInfo.InvariantCulture);
            if (!_knownCountryCodes[code])
            {
                continue;
            }

            // Country calling codes are prefix-free: only one length can match.
            var national = digits[codeLength..];
            return IsValid(code, national) || (national.Length > 1 && national[0] == '0' && IsValid(code, national[1..]));
        }

        return false;
    }

    private static bool IsValid(int countryCode, ReadOnlySpan<char> national)
    {
        foreach (var region in _regionsByCode[countryCode])
        {
            if (region.IsValid(national))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A phone number object from a calling code and national significant digits, or null when it cannot be one.</summary>
    internal static PhoneNumber? Build(int countryCode, ReadOnlySpan<char> national)
    {
        if (national.Length is < 2 or > 17 || !ulong.TryParse(national, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) || value == 0)
        {
            return null;
        }

        var builder = new PhoneNumber.Builder().SetCountryCode(countryCode).SetNationalNumber(value);
        var zeros = national.Length - national.TrimStart('0').Length;
        if (zeros > 0)
        {
            builder.SetNumberOfLeadingZeros(zeros);
        }

        return builder.Build();
    }

    // Dates (2024-01-15, 15/01/2024, 15.01.24 as a whole run), times glued to them, dotted quads and decimal numbers
    // (3.14159265) are not phones.
    private static void MarkDatesAndAddresses(string text, List<Group> groups, Span<bool> blocked)
    {
        if (groups.Count == 2 && groups[1].GapSpan(text) is "." or ",")
        {
            blocked[0] = blocked[1] = true;
        }


        for (var g = 0; g + 2 < groups.Count; g++)
        {
            var separator = groups[g + 1].GapSpan(text);
            if (separator is not "-" and not "/" and not "." || !groups[g + 2].GapSpan(text).SequenceEqual(separator))
            {
                continue;
            }

            var (a, b, c) = (groups[g].Length, groups[g + 1].Length, groups[g + 2].Length);
            var yearFirst = a == 4 && b <= 2 && c <= 2 && IsYear(text, groups[g]);
            var yearLast = a <= 2 && b <= 2 && (c == 4 ? IsYear(text, groups[g + 2]) : c == 2 && groups.Count == 3);
            if (yearFirst || yearLast)
            {
                blocked[g] = blocked[g + 1] = blocked[g + 2] = true;
                if (g + 3 < groups.Count && groups[g + 3].GapSpan(text) is " " && groups[g + 3].Length <= 2)
                {
                    blocked[g + 3] = true;
                }
            }
        }

        for (var g = 0; g + 3 < groups.Count; g++)
        {
            var isQuad = true;
            for (var k = g; k < g + 4; k++)
            {
                isQuad &= groups[k].Length <= 3 && (k == g || groups[k].GapSpan(text) is ".");
            }

            // Exactly four: "06.12.34.56.78" is a French phone number, not an address.
            isQuad &= (g == 0 || groups[g].GapSpan(text) is not ".") && (g + 4 >= groups.Count || groups[g + 4].GapSpan(text) is not ".");
            if (isQuad)
            {
                blocked[g] = blocked[g + 1] = blocked[g + 2] = blocked[g + 3] = true;
            }
        }
    }

    // "1 234 567" and "12.345.678" are written like counts: a short first group without a trunk zero, then groups of
    // three with one separator. Such a run counts as a phone only with a phone word nearby ("tel 71 123 456").
    private static bool IsThousands(string text, List<Group> groups, int first, int last)
    {
        if (groups[first].Length > 2 || text[groups[first].Start] == '0')
        {
            return false;
        }

        var separator = groups[first + 1].GapSpan(text);
        for (var g = first + 1; g <= last; g++)
        {
            if (groups[g].Length != 3 || !groups[g].GapSpan(text).SequenceEqual(separator))
            {
                return false;
            }
        }

        return separator is " " or ".";
    }

    private static bool IsYear(string text, Group group) =>
        text.AsSpan(group.Start, 2) is "19" or "20";

    // "$1 234 567", "1 234 567 €", "12 345 678 kg", "99.5%": amounts and quantities, not phones.
    private static bool IsPriceOrQuantity(string text, int start, int end)
    {
        var before = start - 1;
        while (before >= 0 && text[before] == ' ' && start - before <= 2)
        {
            before--;
        }

        if (before >= 0 && (char.GetUnicodeCategory(text[before]) == System.Globalization.UnicodeCategory.CurrencySymbol))
        {
            return true;
        }

        var after = end;
        while (after < text.Length && text[after] == ' ' && after - end < 2)
        {
            after++;
        }

        return after < text.Length && (text[after] is '%' or ',' && after + 1 < text.Length && char.IsAsciiDigit(text[after + 1])
            || char.GetUnicodeCategory(text[after]) == System.Globalization.UnicodeCategory.CurrencySymbol
            || text[after] == '%');
    }

    // "x123", "ext. 123", "extension 4567", "#12" after the number belong to it.
    private static int ExtensionEnd(string text, int end)
    {
        var i = end;
        while (i < text.Length && i - end < 1 && text[i] == ' ')
        {
            i++;
        }

        foreach (var marker in (ReadOnlySpan<string>)["extension", "ext.", "ext", "x", "#"])
        {
            if (text.AsSpan(i).StartsWith(marker, StringComparison.OrdinalIgnoreCase))
            {
                var j = i + marker.Length;
                while (j < text.Length && text[j] is ' ' or '.' or ':' && j - (i + marker.Length) < 2)
                {
                    j++;
                }

                var digitsEnd = j;
                while (digitsEnd < text.Length && char.IsAsciiDigit(text[digitsEnd]) && digitsEnd - j < 6)
                {
                    digitsEnd++;
                }

                return digitsEnd > j && (digitsEnd == text.Length || !char.IsLetterOrDigit(text[digitsEnd])) ? digitsEnd : end;
            }
        }

        return end;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static bool IsAllSame(ReadOnlySpan<char> digits) => !digits.ContainsAnyExcept(digits[0]);

    // Every region's metadata, by region code and by calling code (non-geographic codes such as 800 or 882 included).
    private static readonly Dictionary<string, NationalRegion> _regionsByName =
        _util.GetSupportedRegions().ToDictionary(r => r, r => new NationalRegion(r, _util.GetMetadataForRegion(r)), StringComparer.Ordinal);

    private static readonly NationalRegion[][] _regionsByCode = [.. Enumerable.Range(0, 1000).Select(RegionsForCode)];

    private static NationalRegion[] RegionsForCode(int code)
    {
        if (code == 0 || !_knownCountryCodes[code])
        {
            return [];
        }

        var regions = _util.GetRegionCodesForCountryCode(code).Where(_regionsByName.ContainsKey).Select(r => _regionsByName[r]).ToArray();
        return regions.Length > 0 || _util.GetMetadataForNonGeographicalRegion(code) is not { } metadata
            ? regions
            : [new NationalRegion("001", metadata)];
    }

    private static bool[] KnownCountryCodes()
    {
        var known = new bool[1000];
        for (var code = 1; code < known.Length; code++)
        {
            known[code] = _util.GetRegionCodeForCountryCode(code) != "ZZ";
        }

        return known;
    }

    // libphonenumber's metadata patterns (number types, national formats, leading digits), one per pattern text.
    private static MetadataPattern Pattern(string pattern) =>
        _patterns.GetOrAdd(pattern, static p => new MetadataPattern(p));

    private readonly record struct Group(int GapStart, int Start, int End)
    {
        public int Length => End - Start;

        public ReadOnlySpan<char> GapSpan(string text) => text.AsSpan(GapStart, Start - GapStart);
    }

    // One region's national format: its calling code, trunk prefix and the lengths its numbers can have.
    private sealed class NationalRegion
    {
        private readonly int _countryCode;
        private readonly string _trunkPrefix;
        private readonly bool _trunkRequired;
        private readonly int _lengthMask;
        private readonly int _mobileLengthMask;
        private readonly IList<NumberFormat> _formats;
        private readonly NumberPattern _general;
        private readonly NumberPattern _mobile;
        private readonly NumberPattern[] _types;
        private NationalFormat[]? _nationalFormats;

        public NationalRegion(string region, PhoneMetadata metadata)
        {
            _countryCode = metadata.CountryCode;
            _trunkPrefix = metadata.NationalPrefix ?? "";

            // Where the trunk prefix is "0", people write it in national format; NANP's "1" is optional.
            _trunkRequired = _trunkPrefix == "0";
            _formats = metadata.NumberFormatList;
            _mobileLengthMask = metadata.Mobile.PossibleLengthList.Aggregate(0, static (mask, length) => mask | (1 << length));
            _lengthMask = metadata.GeneralDesc.PossibleLengthList.Aggregate(0, static (mask, length) => mask | (1 << length));
            _general = new NumberPattern(_lengthMask, metadata.GeneralDesc.NationalNumberPattern);
            _mobile = metadata.SameMobileAndFixedLinePattern ? Type(metadata.FixedLine) : Type(metadata.Mobile);
            _types =
            [
                Type(metadata.FixedLine), _mobile, Type(metadata.TollFree), Type(metadata.PremiumRate), Type(metadata.SharedCost),
                Type(metadata.PersonalNumber), Type(metadata.Voip), Type(metadata.Pager), Type(metadata.Uan), Type(metadata.Voicemail),
            ];
        }

        // Whether a number of this many digits can pass IsValidNational: its length, or its length after the trunk prefix,
        // is one of the region's lengths (every path of IsValidNational ends in IsValid, which asks that first).
        public bool MayAccept(int length) =>
            (length < 31 && (_lengthMask & (1 << length)) != 0)
            || (_trunkPrefix.Length > 0 && length >= _trunkPrefix.Length && length - _trunkPrefix.Length < 31 && (_lengthMask & (1 << (length - _trunkPrefix.Length))) != 0);

        // An area code in parentheses may stand without the trunk prefix: "(11) 98765-4321" in Brazil.
        public bool IsValidNational(ReadOnlySpan<char> digits, bool areaCodeInParentheses, out bool trunkPrefixed)
        {
            trunkPrefixed = _trunkPrefix.Length > 0 && digits.StartsWith(_trunkPrefix);
            if (trunkPrefixed && IsValid(digits[_trunkPrefix.Length..]))
            {
                return true;
            }

            // Without the trunk prefix, a number counts where people write it so: when the region has no "0" prefix,
            // when the area code stands in parentheses, or for a mobile whose national format leaves the prefix out
            // (mobiles in China, India, Brazil, Colombia or Peru).
            trunkPrefixed = false;
            if (_trunkRequired && !areaCodeInParentheses)
            {
                return (_mobileLengthMask & (1 << Math.Min(digits.Length, 31))) != 0
                    && IsValid(digits) && IsMobile(digits) && !PrefixWrittenNationally(digits);
            }

            return IsValid(digits);
        }

        // The national format libphonenumber would use for this number, and whether it writes the trunk prefix.
        private bool PrefixWrittenNationally(ReadOnlySpan<char> national)
        {
            foreach (var format in _nationalFormats ??= [.. _formats.Select(format => new NationalFormat(format, _trunkPrefix))])
            {
                if (format.Formats(national))
                {
                    return format.WritesPrefix;
                }
            }

            return true;
        }

        private bool IsMobile(ReadOnlySpan<char> national) => _mobile.Matches(national);

        /// <summary>
        /// Whether the national significant number is a valid number of this region: libphonenumber's rule (the general
        /// pattern, then a pattern of some number type), on its metadata, with each pattern parsed once (and compiled once
        /// it is used often); asking libphonenumber itself cost tens of microseconds a call.
        /// </summary>
        public bool IsValid(ReadOnlySpan<char> national)
        {
            if (national.Length >= 31 || (_lengthMask & (1 << national.Length)) == 0 || !_general.Matches(national))
            {
                return false;
            }

            foreach (var type in _types)
            {
                if (type.Matches(national))
                {
                    return true;
                }
            }

            return false;
        }

        private NumberPattern Type(PhoneNumberDesc? desc)
        {
            if (desc is null || string.IsNullOrEmpty(desc.NationalNumberPattern) || desc.NationalNumberPattern == "NA"
                || (desc.PossibleLengthCount > 0 && desc.PossibleLengthList[0] == -1))
            {
                return NumberPattern.None;
            }

            var mask = desc.PossibleLengthCount == 0 ? _lengthMask : desc.PossibleLengthList.Aggregate(0, static (m, length) => m | (1 << length));
            return new NumberPattern(mask, desc.NationalNumberPattern);
        }
    }

    // One national format of a region: whether it applies to a number (its last leading-digits pattern and its number
    // pattern, each built on first use) and whether its rule writes the trunk prefix (compiled metadata holds the rule
    // with the prefix filled in, such as "0$1" or "($1)"). Read once per region instead of once per number.
    private sealed class NationalFormat(NumberFormat format, string trunkPrefix)
    {
        private readonly string? _leadingText = format.LeadingDigitsPatternCount > 0 ? "^(?:" + format.LeadingDigitsPatternList[^1] + ")" : null;
        private readonly string _patternText = "^(?:" + format.Pattern + ")$";
        private MetadataPattern? _leading;
        private MetadataPattern? _pattern;

        public bool WritesPrefix { get; } =
            (format.NationalPrefixFormattingRule ?? "").Replace("$1", "", StringComparison.Ordinal).Contains(trunkPrefix, StringComparison.Ordinal)
            && !format.NationalPrefixOptionalWhenFormatting;

        public bool Formats(ReadOnlySpan<char> national) =>
            (_leadingText is null || (_leading ??= Pattern(_leadingText)).IsMatch(national))
            && (_pattern ??= Pattern(_patternText)).IsMatch(national);
    }

    // A metadata pattern with its possible lengths, matched whole.
    private sealed class NumberPattern(int lengthMask, string pattern)
    {
        private MetadataPattern? _regex;

        public static NumberPattern None { get; } = new(0, "");

        public bool Matches(ReadOnlySpan<char> national) =>
            pattern.Length > 0 && (lengthMask & (1 << Math.Min(national.Length, 31))) != 0
            && (_regex ??= Pattern("^(?:" + pattern + ")$")).IsMatch(national);
    }

    // One of libphonenumber's patterns, matched only on at most 20 digits: by a digit automaton compiled by hand from the
    // pattern (one table step per digit, nothing built but a small table), or, for a pattern outside the automaton's
    // syntax (none in the current metadata: DigitAutomatonTests), on .NET's linear engine. Both decide whether the digits
    // are in the pattern's language, so they accept the same numbers. A race builds the fallback twice.
    private sealed class MetadataPattern(string pattern)
    {
        private readonly DigitAutomaton? _automaton = DigitAutomaton.TryCompile(pattern);
        private Regex? _fallback;

        public bool IsMatch(ReadOnlySpan<char> digits) =>
            _automaton is not null && !digits.ContainsAnyExceptInRange('0', '9')
                ? _automaton.IsMatch(digits)
                : (_fallback ??= new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)).IsMatch(digits);
    }
}

using System.Buffers;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using static SecureReqs.InjectionSignals;

namespace SecureReqs;

/// <summary>One assessment in progress: runs the patterns over a text and its decoded layers and collects the signals.</summary>
/// <remarks>One instance per call; not thread-safe.</remarks>
internal sealed class InjectionScan
{
    private static readonly string[] Keywords = ["ignore", "instructions", "previous", "prompt", "disregard", "password", "system", "secret", "reveal", "jailbreak", "reply", "answer", "repeat", "respond"];
    private static readonly SearchValues<string> Rot13Keywords = SearchValues.Create([.. Keywords.Select(Rot13)], StringComparison.Ordinal);
    private static readonly SearchValues<string> ReversedKeywords = SearchValues.Create([.. Keywords.Select(k => new string([.. k.Reverse()]))], StringComparison.Ordinal);
    private static readonly SearchValues<string> KeywordValues = SearchValues.Create(Keywords, StringComparison.OrdinalIgnoreCase);

    private readonly List<InjectionSignal> _signals = [];
    private readonly InjectionSource _source;
    private readonly int _maxDepth;
    private readonly InjectionFamilies _families;
    private bool _contextChecked;

    public InjectionScan(InjectionSource source, int maxDepth)
        : this(source, maxDepth, InjectionFamilies.Default)
    {
    }

    public InjectionScan(InjectionSource source, int maxDepth, InjectionFamilies families)
    {
        _source = source;
        _maxDepth = maxDepth;
        _families = families;
    }

    /// <summary>The source of the assessed text.</summary>
    public InjectionSource Source => _source;

    /// <summary>The deepest decoding allowed.</summary>
    public int MaxDepth => _maxDepth;

    /// <summary>The families that scan.</summary>
    public InjectionFamilies Families => _families;

    /// <summary>How many signals the scan holds so far.</summary>
    public int SignalCount => _signals.Count;

    /// <summary>How many layers (the text, its variants and decoded payloads) were scanned: a measure of work that grows with the input, not with a clock.</summary>
    public int LayersScanned { get; private set; }

    /// <summary>How many characters of shadows the families scanned, summed over layers and variants.</summary>
    public long CharactersScanned { get; private set; }

    /// <summary>Combines signals: per family <c>1 − Π(1 − wₖ/2ᵏ)</c> over non-overlapping evidence, heaviest first; then <c>1 − Π(1 − family)</c>.</summary>
    /// <remarks>
    /// Within a family, evidence is kept heaviest first (ties in the order given) when it overlaps no evidence kept
    /// before and starts elsewhere. Kept spans are disjoint, so their ends grow with their starts: the only kept span
    /// that can overlap a new one is the last that starts before the new one ends, found by binary search. The whole
    /// combination takes O(n log n) for n signals.
    /// </remarks>
    public static double Combine(IReadOnlyList<InjectionSignal> signals)
    {
        var remaining = 1.0;
        foreach (var family in signals.GroupBy(s => s.Name, StringComparer.Ordinal))
        {
            var keptStarts = new List<int>();
            var keptEnds = new List<int>();
            var familyRemaining = 1.0;
            var k = 0;
            foreach (var signal in family.OrderByDescending(s => s.Weight))
            {
                // The kept span with the largest start below the signal's end.
                var at = keptStarts.BinarySearch(signal.End);
                var before = (at >= 0 ? at : ~at) - 1;
                var overlaps = before >= 0 && keptEnds[before] > signal.Start;
                var sameStart = keptStarts.BinarySearch(signal.Start) >= 0;
                if (overlaps || sameStart)
                {
                    continue;
                }

                var insert = ~keptStarts.BinarySearch(signal.Start);
                keptStarts.Insert(insert, signal.Start);
                keptEnds.Insert(insert, signal.End);
                familyRemaining *= 1 - signal.Weight / (1 << Math.Min(k, 20));
                k++;
            }

            remaining *= familyRemaining;
        }

        return Math.Clamp(1 - remaining, 0, 1);
    }

    /// <summary>The signals found, deduplicated, ordered by start then weight.</summary>
    public IReadOnlyList<InjectionSignal> Result() =>
        [.. _signals
            .GroupBy(s => (s.Name, s.Start, s.End))
            .Select(g => g.MaxBy(s => s.Weight)!)
            .OrderBy(s => s.Start).ThenByDescending(s => s.Weight).ThenBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.End)];

    /// <summary>Scans one layer: the text itself, its obfuscated variants and, within the depth budget, its decoded runs.</summary>
    public void ScanLayer(string raw, InjectionOrigin origin, string layer, int depth, InjectionText? folded = null)
    {
        LayersScanned++;
        var text = folded ?? InjectionText.Fold(raw);
        var shadow = text.Shadow;
        var gates = new GateWords(InjectionGates.Words(shadow));
        var meta = gates.Has(InjectionGates.Meta) && TieredRegex.For(InjectionPatterns.MetaDiscussion).IsMatch(shadow)
            || gates.Has(InjectionGates.MetaOther) && TieredRegex.For(InjectionPatterns.MetaDiscussionOther).IsMatch(shadow);
        var mapper = new Mapper(text, origin);

        ScanShadow(shadow, mapper, layer, meta, lexical: !System.Text.Ascii.IsValid(raw), gates);
        var rawContext = new RawContext(this, raw, text, gates, origin, layer, depth);
        foreach (var family in _families.All)
        {
            family.ScanRaw(rawContext);
        }

        _families.Hidden.ScanFolded(rawContext);

        if (!_contextChecked && HasEvidenceSince(0) && TieredRegex.For(InjectionPatterns.SecondPersonTarget).IsMatch(shadow))
        {
            _contextChecked = true;
            var (start, end) = origin.Span(0, raw.Length);
            Add(ImperativeContext, _families.SecondPerson, start, end, layer);
        }

        ScanVariants(text, mapper, meta);

        if (depth >= _maxDepth)
        {
            return;
        }

        ScanEncodedRuns(raw, shadow, gates, origin, depth);
        if (shadow.Contains("first", StringComparison.Ordinal) && TieredRegex.For(InjectionPatterns.AcrosticCue).Match(shadow) is { Success: true } acrostic)
        {
            // "Take the first word of each sentence": read the hidden message the same way.
            var letters = acrostic.Groups["unit"].Value[0] is 'l' or 'c';
            var units = (acrostic.Value.Contains("line", StringComparison.Ordinal) ? InjectionPatterns.LineBreaks().Split(raw) : [.. InjectionPatterns.SplitAfterSentences(raw)])
                .Select(u => u.Trim()).Where(u => u.Length > 0).Select(u => u.Split(' ', 2)[0]).Select(w => letters ? w[..1] : w);
            ScanDecoded(string.Join(letters ? "" : " ", units), origin.Inner(0, raw.Length), "acrostic", depth + 1);
        }

        var rot13Keyword = shadow.AsSpan().IndexOfAny(Rot13Keywords) >= 0;
        if (!rot13Keyword && shadow.Contains("rot", StringComparison.Ordinal) && InjectionPatterns.Rot13Cue().IsMatch(shadow))
        {
            ScanDecoded(Rot13(raw), origin.Inner(0, raw.Length), "rot13", depth + 1);
        }

        if (rot13Keyword)
        {
            ScanDecoded(Rot13(raw), origin.Inner(0, raw.Length), "rot13", depth + 1);
        }

        if (shadow.AsSpan().IndexOfAny(ReversedKeywords) >= 0)
        {
            var reversed = raw.ToCharArray();
            Array.Reverse(reversed);
            ScanDecoded(new string(reversed), origin.Inner(0, raw.Length), "reversed", depth + 1);
        }
    }

    /// <summary>Runs every family over a shadow or one of its variants.</summary>
    private void ScanShadow(string shadow, Mapper mapper, string layer, bool meta, bool lexical = true, GateWords? gates = null)
    {
        CharactersScanned += shadow.Length;
        var context = new ShadowContext(this, shadow, mapper, layer, meta, lexical, _families.ReportedSpeechDiscount, gates);
        foreach (var family in _families.All)
        {
            family.ScanShadow(context);
        }
    }

    /// <summary>Whether a signal of weight 0.2 or more was added since the scan held <paramref name="before"/> signals.</summary>
    public bool HasEvidenceSince(int before)
    {
        for (var i = before; i < _signals.Count; i++)
        {
            if (_signals[i].Weight >= 0.2)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Scans the leetspeak, chat-speak and spaced-letter variants of the shadow; evidence the disguises add is also an encoded payload.</summary>
    private void ScanVariants(InjectionText text, Mapper mapper, bool meta)
    {
        var shadow = text.Shadow;
        List<Match>? codes = null;
        foreach (var one in new[] { 'i', 'l' })
        {
            if (Deleet(shadow, one, ref codes) is not { } leet)
            {
                break;
            }

            ScanVariant(leet, mapper, "leetspeak", meta);
            if (!leet.Contains(one, StringComparison.Ordinal) || !shadow.Contains('1', StringComparison.Ordinal))
            {
                break;
            }
        }

        if (shadow.Contains('_', StringComparison.Ordinal) && TieredRegex.For(InjectionPatterns.SnakeCaseRun).IsMatch(shadow))
        {
            // snake_case smuggling: "ignore_previous_instructions_and_output(...)"; same length, so the mapper still holds.
            ScanVariant(shadow.Replace('_', ' '), mapper, "identifiers", meta);
        }

        if (ChatSpeak.Read(shadow) is var (chat, positions))
        {
            // Chat spelling is how people type, not a disguise: what it adds is not an encoded payload.
            ScanVariant(chat, mapper.Through(positions), "chat-speak", meta, disguise: false);
        }

        if (Respace(shadow, mapper) is { } spaced)
        {
            ScanVariant(spaced.Text, spaced.Mapper, "spaced-letters", meta);
            foreach (var (start, end, letters) in spaced.Runs)
            {
                ScanSquashed(letters, mapper, start, end, "spaced-letters");
            }
        }

        foreach (var m in InjectionGates.HasRun(shadow, InjectionGates.LowercaseAsciiLetters, 16) ? Matches(InjectionPatterns.LongLetterRun, shadow) : [])
        {
            ScanSquashed(m.Value, mapper, m.Index, m.Index + m.Length, "joined-words");
        }
    }

    /// <summary>Looks for core attack phrases in letters written without any spaces.</summary>
    private void ScanSquashed(string letters, Mapper mapper, int start, int end, string layer)
    {
        var m = TieredRegex.For(InjectionPatterns.Squashed).Match(letters);
        if (!m.Success || _signals.Any(s => s.Layer != layer && s.Weight >= 0.5 && mapper.Span(start, end) is var (a, b) && s.Start < b && a < s.End))
        {
            return;
        }

        var (name, weight) = m.Groups["override"].Success ? (InstructionOverride, _families.SquashedOverride)
            : m.Groups["extract"].Success ? (PromptExtraction, _families.SquashedExtraction)
            : (RoleReassignment, _families.SquashedRole);
        var (s0, e0) = mapper.Span(start, end);
        Add(name, weight, s0, e0, layer);
        Add(EncodedPayload, _families.Encoded.SquashedBonus, s0, e0, layer);
    }

    private void ScanVariant(string variant, Mapper mapper, string layer, bool meta, bool disguise = true)
    {
        var before = _signals.Count;
        ScanShadow(variant, mapper, layer, meta);
        if (!HasEvidenceSince(before))
        {
            _signals.RemoveRange(before, _signals.Count - before);
            return;
        }

        // Evidence the variant adds counts only where the text itself had no evidence of the family as heavy.
        var existing = new CoveredSpans(_signals, before);
        var added = _signals.Skip(before).Where(s => s.Weight >= 0.2 && !existing.Covers(s)).ToList();
        _signals.RemoveRange(before, _signals.Count - before);
        if (added.Count == 0)
        {
            return;
        }

        _signals.AddRange(added);
        if (!disguise)
        {
            return;
        }

        Add(EncodedPayload, _families.Encoded.VariantBonus, added.Min(s => s.Start), added.Max(s => s.End), layer);
    }

    private void ScanEncodedRuns(string raw, string folded, GateWords gates, InjectionOrigin origin, int depth)
    {
        foreach (var m in InjectionGates.HasRun(raw, InjectionGates.Base64Characters, 16) ? Matches(InjectionPatterns.Base64Run(), raw) : [])
        {
            var value = m.Value;
            if (!value.Any(char.IsDigit) && !(value.Any(char.IsUpper) && value.Any(char.IsLower)))
            {
                continue;
            }

            if (DecodeBase64(value) is { } decoded)
            {
                ScanDecoded(decoded, origin.Inner(m.Index, m.Index + m.Length), "base64", depth + 1);
            }
        }

        foreach (var m in InjectionGates.HasRun(raw, InjectionGates.HexRunCharacters, 16) ? Matches(InjectionPatterns.HexRun(), raw) : [])
        {
            if (DecodeHex(m.Value) is { } decoded)
            {
                ScanDecoded(decoded, origin.Inner(m.Index, m.Index + m.Length), "hex", depth + 1);
            }
        }

        if (raw.Contains("00", StringComparison.Ordinal) || raw.Contains("11", StringComparison.Ordinal))
        {
            foreach (var m in Matches(InjectionPatterns.BinaryRun(), raw))
            {
                var bits = m.Value.Where(c => c is '0' or '1').ToArray();
                var bytes = new byte[bits.Length / 8];
                for (var i = 0; i < bytes.Length; i++)
                {
                    bytes[i] = Convert.ToByte(new string(bits, i * 8, 8), 2);
                }

                if (AsText(bytes) is { } decoded)
                {
                    ScanDecoded(decoded, origin.Inner(m.Index, m.Index + m.Length), "binary", depth + 1);
                }
            }
        }

        if (raw.Contains('%', StringComparison.Ordinal))
        {
            foreach (var m in Matches(InjectionPatterns.UrlEncodedRun, raw))
            {
                string decoded;
                try
                {
                    decoded = Uri.UnescapeDataString(m.Value.Replace('+', ' '));
                }
                catch (UriFormatException)
                {
                    continue;
                }

                if (decoded != m.Value && IsMostlyText(decoded))
                {
                    ScanDecoded(decoded, origin.Inner(m.Index, m.Index + m.Length), "url-encoding", depth + 1);
                }
            }
        }

        if (raw.Contains("\\u", StringComparison.Ordinal))
        {
            foreach (var m in Matches(InjectionPatterns.UnicodeEscapeRun, raw))
            {
                var builder = new StringBuilder(m.Length / 6);
                for (var i = 0; i + 6 <= m.Length; i += 6)
                {
                    builder.Append((char)Convert.ToInt32(m.Value.Substring(i + 2, 4), 16));
                }

                var decoded = builder.ToString();
                if (IsMostlyText(decoded))
                {
                    ScanDecoded(decoded, origin.Inner(m.Index, m.Index + m.Length), "unicode-escapes", depth + 1);
                }
            }
        }

        foreach (var m in InjectionGates.HasRun(raw, InjectionGates.CharCodeCharacters, InjectionGates.CharCodeRunLength) ? Matches(InjectionPatterns.CharCodeRun(), raw) : [])
        {
            var codes = m.Value.Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries);
            var decoded = new string([.. codes.Select(c => (char)int.Parse(c, System.Globalization.CultureInfo.InvariantCulture))]);
            if (IsMostlyText(decoded))
            {
                ScanDecoded(decoded, origin.Inner(m.Index, m.Index + m.Length), "char-codes", depth + 1);
            }
        }

        if (gates.Has(OutputGates.Shifts) && TieredRegex.For(InjectionPatterns.ShiftCue).IsMatch(folded))
        {
            // Caesar shifts other than rot13, and text whose word order is reversed.
            var before = _signals.Count;
            for (var shift = 1; shift < 26 && _signals.Count == before; shift++)
            {
                if (shift != 13)
                {
                    var shifted = Shift(raw, shift);
                    if (shifted.AsSpan().IndexOfAny(KeywordValues) >= 0)
                    {
                        ScanDecoded(shifted, origin.Inner(0, raw.Length), "caesar", depth + 1);
                    }
                }
            }

            var tokens = raw.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length >= 4)
            {
                ScanDecoded(string.Join(' ', tokens.Reverse()), origin.Inner(0, raw.Length), "word-order", depth + 1);
            }
        }

        if (raw.Contains('&', StringComparison.Ordinal) && TieredRegex.For(InjectionPatterns.HtmlEntity).Matches(raw).Count >= 3)
        {
            var decoded = WebUtility.HtmlDecode(raw);
            if (decoded != raw)
            {
                ScanDecoded(decoded, origin.Inner(0, raw.Length), "html-entities", depth + 1, bonus: false);
            }
        }
    }

    /// <summary>Scans a decoded payload; when it holds evidence, the encoding itself counts as an encoded payload.</summary>
    public void ScanDecoded(string decoded, InjectionOrigin origin, string layer, int depth, bool bonus = true)
    {
        var before = _signals.Count;
        ScanLayer(decoded, origin, layer, depth);
        for (var i = before; i < _signals.Count; i++)
        {
            if (_signals[i] is { Layer: "text" } s)
            {
                _signals[i] = s with { Layer = layer };
            }
        }

        if (bonus && _signals.Skip(before).Any(s => s.Weight >= 0.2 && s.Name != EncodedPayload))
        {
            Add(EncodedPayload, _families.Encoded.DecodedBonus, origin.Offset, origin.Offset + origin.Length, layer);
        }
    }

    /// <summary>Adds evidence with its weight for the scan's source, rounded to four decimals; evidence of weight 0 is dropped.</summary>
    public void Add(string name, SignalWeight weights, int start, int end, string layer)
    {
        var weight = Math.Round(weights.For(_source), 4);
        if (weight > 0)
        {
            _signals.Add(new InjectionSignal(name, weight, start, end, layer));
        }
    }

    // A pattern runs on its tier (TieredRegex): the backtracking twin while its rent lasts, then the linear engine without
    // a match timeout; a match that times out is found again on the linear engine, so a busy machine never turns a
    // pattern's evidence into an error or a silent gap.
    private static List<Match> Matches(Func<Regex> pattern, string text) => TieredRegex.For(pattern).Matches(text);

    private static List<Match> Matches(ContextRegex regex, string text) => [.. regex.Matches(text)];

    /// <summary>The leetspeak reading of a shadow, or null when it has none.</summary>
    /// <param name="shadow">The shadow.</param>
    /// <param name="one">The letter a '1' stands for.</param>
    /// <param name="codes">The shadow's reference codes, found on the first leet character and kept for the next call.</param>
    private static string? Deleet(string shadow, char one, ref List<Match>? codes)
    {
        char[]? chars = null;
        var nextCode = 0;
        bool[]? runHasLetter = null;
        for (var i = 0; i < shadow.Length; i++)
        {
            // Only a leet character can change or be skipped, so the loop goes from one to the next; skipping a
            // reference code matters only where one stands, so the codes are found at the first.
            var next = shadow.AsSpan(i).IndexOfAny(InjectionGates.LeetCharacters);
            if (next < 0)
            {
                break;
            }

            i += next;
            var c = shadow[i];
            codes ??= InjectionGates.MayHaveCodeToken(shadow) ? Matches(InjectionPatterns.CodeToken(), shadow) : [];

            while (nextCode < codes.Count && codes[nextCode].Index + codes[nextCode].Length <= i)
            {
                nextCode++;
            }

            if (nextCode < codes.Count && codes[nextCode].Index <= i)
            {
                // Order numbers and reference codes ("sr-3e0a1b", "300-4471") are data, not leetspeak.
                i = codes[nextCode].Index + codes[nextCode].Length - 1;
                continue;
            }

            var letter = c switch
            {
                '0' => 'o',
                '1' => one,
                '3' => 'e',
                '4' => 'a',
                '5' => 's',
                '7' => 't',
                '@' => 'a',
                '$' => 's',
                '!' or '|' => one,
                _ => '\0',
            };
            if (letter == '\0')
            {
                continue;
            }

            var before = i > 0 && char.IsAsciiLetterLower(shadow[i - 1]);
            var after = i + 1 < shadow.Length && char.IsAsciiLetterLower(shadow[i + 1]);
            var inWord = c is '!' or '|' ? before && after : before || after || (runHasLetter ??= RunsWithLetters(shadow))[i];
            if (inWord)
            {
                chars ??= shadow.ToCharArray();
                chars[i] = letter;
            }
        }

        return chars is null ? null : new string(chars);
    }

    /// <summary>
    /// For each position, whether the run of letters and leet digits around it holds a letter ("34rl13r" does, "2026"
    /// does not); one pass over the text, however many leet characters it has.
    /// </summary>
    private static bool[] RunsWithLetters(string s)
    {
        var result = new bool[s.Length];
        for (var start = 0; start < s.Length;)
        {
            if (!char.IsAsciiLetterLower(s[start]) && !IsLeetNeighbour(s, start))
            {
                start++;
                continue;
            }

            var end = start;
            var letter = false;
            for (; end < s.Length && (char.IsAsciiLetterLower(s[end]) || IsLeetNeighbour(s, end)); end++)
            {
                letter |= char.IsAsciiLetterLower(s[end]);
            }

            Array.Fill(result, letter, start, end - start);
            start = end;
        }

        return result;
    }

    private static bool IsLeetNeighbour(string s, int i) => i >= 0 && i < s.Length && s[i] is '0' or '1' or '3' or '4' or '5' or '7' or '@' or '$';

    /// <summary>Joins spaced-out letters ("i g n o r e") and separated identifiers ("ignore_all"); a wider gap becomes a space.</summary>
    private static (string Text, Mapper Mapper, List<(int Start, int End, string Letters)> Runs)? Respace(string shadow, Mapper mapper)
    {
        var found = new List<(int Start, int End, string Letters)>();
        var runs = InjectionGates.HasSpacedLetters(shadow) ? Matches(InjectionPatterns.SpacedLetters(), shadow) : [];
        if (runs.Count == 0)
        {
            return null;
        }

        var builder = new StringBuilder(shadow.Length);
        var positions = new List<int>(shadow.Length + 1);
        var position = 0;
        foreach (var run in runs)
        {
            for (; position < run.Index; position++)
            {
                builder.Append(shadow[position]);
                positions.Add(position);
            }

            // Gaps longer than the narrowest one separate words.
            var minGap = int.MaxValue;
            for (int i = run.Index + 1, gap = 0; i < run.Index + run.Length; i++)
            {
                if (char.IsLetter(shadow[i]))
                {
                    minGap = Math.Min(minGap, gap);
                    gap = 0;
                }
                else
                {
                    gap++;
                }
            }

            var squashed = new StringBuilder(run.Length);
            for (int i = run.Index, gap = 0; i < run.Index + run.Length; i++)
            {
                if (char.IsLetter(shadow[i]))
                {
                    if (gap > minGap)
                    {
                        builder.Append(' ');
                        positions.Add(i - 1);
                    }

                    builder.Append(shadow[i]);
                    positions.Add(i);
                    squashed.Append(shadow[i]);
                    gap = 0;
                }
                else
                {
                    gap++;
                }
            }

            position = run.Index + run.Length;
            found.Add((run.Index, position, squashed.ToString()));
        }

        for (; position < shadow.Length; position++)
        {
            builder.Append(shadow[position]);
            positions.Add(position);
        }

        positions.Add(shadow.Length);
        return (builder.ToString(), mapper.Through([.. positions]), found);
    }

    private static string? DecodeBase64(string value)
    {
        var normalized = value.Replace('-', '+').Replace('_', '/').TrimEnd('=');
        normalized = normalized.PadRight(normalized.Length + (4 - normalized.Length % 4) % 4, '=');
        if (normalized.Length % 4 == 1 + 3)
        {
            return null;
        }

        var buffer = new byte[normalized.Length * 3 / 4];
        return Convert.TryFromBase64String(normalized, buffer, out var written) ? AsText(buffer.AsSpan(0, written)) : null;
    }

    private static string? DecodeHex(string value)
    {
        var digits = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] is '\\' or '0' && i + 1 < value.Length && value[i + 1] is 'x' or 'X')
            {
                i++;
                continue;
            }

            if (char.IsAsciiHexDigit(value[i]))
            {
                digits.Append(value[i]);
            }
        }

        if (digits.Length < 16 || digits.Length % 2 == 1)
        {
            return null;
        }

        return AsText(Convert.FromHexString(digits.ToString()));
    }

    private static string? AsText(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 8)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(bytes);
        return IsMostlyText(text) ? text : null;
    }

    /// <summary>Whether decoded bytes read as text: printable, mostly letters and spaces, with at least two words.</summary>
    private static bool IsMostlyText(string text)
    {
        if (text.Length < 8)
        {
            return false;
        }

        int printable = 0, letters = 0, spaces = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                letters++;
                printable++;
            }
            else if (c is ' ' or '\n' or '\t' or '\r')
            {
                spaces++;
                printable++;
            }
            else if (!char.IsControl(c) && c != '\uFFFD')
            {
                printable++;
            }
        }

        return printable >= text.Length * 0.9 && letters + spaces >= text.Length * 0.6 && spaces >= 1;
    }

    private static string Shift(string text, int shift)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                >= 'a' and <= 'z' => (char)('a' + (chars[i] - 'a' + shift) % 26),
                >= 'A' and <= 'Z' => (char)('A' + (chars[i] - 'A' + shift) % 26),
                _ => chars[i],
            };
        }

        return new string(chars);
    }

    private static string Rot13(string text) => Shift(text, 13);

    /// <summary>Maps spans of a shadow (or of a variant built from it) back to the assessed text.</summary>
    internal sealed class Mapper
    {
        private readonly InjectionText _text;
        private readonly InjectionOrigin _origin;
        private readonly int[]? _through;

        public Mapper(InjectionText text, InjectionOrigin origin, int[]? through = null)
        {
            _text = text;
            _origin = origin;
            _through = through;
        }

        public Mapper Through(int[] positions) => new(_text, _origin, positions);

        public (int Start, int End) Span(int start, int end)
        {
            if (_through is not null)
            {
                (start, end) = (_through[start], end > start ? _through[end - 1] + 1 : _through[start]);
            }

            var (s, e) = _text.ToSource(start, end);
            return _origin.Span(s, e);
        }
    }
}

namespace SecureReqs;

/// <summary>
/// Hand-written candidate searches for the digit-based patterns of <see cref="PiiPatterns"/> (formatted SSNs, dotted
/// quads, IBAN candidates): each finds exactly the matches its pattern finds, left to right, without the regex engine's
/// per-match work (the core matched again for its groups, a <c>Match</c> object per candidate).
/// </summary>
/// <remarks>
/// Every search visits each character a bounded number of times, so a scan stays linear in the text. The patterns stay
/// the specification: <c>PiiCandidateTests</c> compares each search with its pattern on seeded texts built from the
/// characters that matter (digits, separators, letters of several scripts, other numbers such as <c>²</c>).
/// </remarks>
internal static class PiiCandidates
{
    /// <summary>The first formatted SSN (<see cref="PiiPatterns.SsnFormatted"/>) whose area starts at or after <paramref name="from"/>.</summary>
    /// <param name="text">The folded shadow text.</param>
    /// <param name="from">Where the search starts.</param>
    /// <param name="start">The start of the area digits.</param>
    /// <returns>Whether one was found; the core is the 11 characters from <paramref name="start"/>.</returns>
    public static bool NextFormattedSsn(string text, int from, out int start)
    {
        // The area is a run of exactly three digits: the context before it is never a digit, the separator after it neither.
        for (var p = NextRunStart(text, from); p >= 0; p = NextRunStart(text, p + 1))
        {
            if (p + 11 <= text.Length && IsDigits(text, p, 3) && text[p + 3] is '-' or '.' or ' '
                && IsDigits(text, p + 4, 2) && text[p + 6] == text[p + 3] && IsDigits(text, p + 7, 4)
                && SsnBefore(text, p) && SsnAfter(text, p + 11))
            {
                start = p;
                return true;
            }
        }

        start = -1;
        return false;
    }

    /// <summary>The first dotted quad (<see cref="PiiPatterns.IPv4"/>) that starts at or after <paramref name="from"/>.</summary>
    /// <param name="text">The folded shadow text.</param>
    /// <param name="from">Where the search starts.</param>
    /// <param name="start">The start of the quad.</param>
    /// <param name="end">The end of the quad.</param>
    /// <returns>Whether one was found.</returns>
    public static bool NextIPv4(string text, int from, out int start, out int end)
    {
        for (var p = NextRunStart(text, from); p >= 0; p = NextRunStart(text, p + 1))
        {
            if (p > 0 && IsWordOrDot(text[p - 1]))
            {
                continue;
            }

            var i = p;
            var octets = 0;
            while (true)
            {
                var octetEnd = i;
                while (octetEnd < text.Length && octetEnd - i < 4 && char.IsAsciiDigit(text[octetEnd]))
                {
                    octetEnd++;
                }

                if (!IsOctet(text.AsSpan(i, octetEnd - i)))
                {
                    break;
                }

                if (++octets == 4)
                {
                    if (IPv4After(text, octetEnd))
                    {
                        (start, end) = (p, octetEnd);
                        return true;
                    }

                    break;
                }

                if (octetEnd + 1 >= text.Length || text[octetEnd] != '.' || !char.IsAsciiDigit(text[octetEnd + 1]))
                {
                    break;
                }

                i = octetEnd + 1;
            }
        }

        (start, end) = (-1, -1);
        return false;
    }

    /// <summary>
    /// The first IBAN candidate (<see cref="PiiPatterns.IbanCandidate"/>) that starts at or after <paramref name="from"/>:
    /// two ASCII letters, two digits, then ten to forty alphanumerics each optionally after one space or dash, as many as there are.
    /// </summary>
    /// <param name="text">The folded shadow text.</param>
    /// <param name="from">Where the search starts.</param>
    /// <param name="start">The start of the candidate.</param>
    /// <param name="end">The end of the candidate.</param>
    /// <returns>Whether one was found.</returns>
    public static bool NextIbanCandidate(string text, int from, out int start, out int end)
    {
        // The two digits begin a run of digits, two letters before it.
        for (var d = NextRunStart(text, from + 2); d >= 0; d = NextRunStart(text, d + 1))
        {
            var p = d - 2;
            if (p < from || d + 1 >= text.Length || !char.IsAsciiDigit(text[d + 1])
                || !char.IsAsciiLetter(text[p]) || !char.IsAsciiLetter(text[p + 1]) || (p > 0 && IsWordChar(text[p - 1])))
            {
                continue;
            }

            var i = d + 2;
            var units = 0;
            while (units < 40)
            {
                if (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
                {
                    i++;
                }
                else if (i + 1 < text.Length && text[i] is ' ' or '-' && char.IsAsciiLetterOrDigit(text[i + 1]))
                {
                    i += 2;
                }
                else
                {
                    break;
                }

                units++;
            }

            if (units >= 10)
            {
                (start, end) = (p, i);
                return true;
            }
        }

        (start, end) = (-1, -1);
        return false;
    }

    // The start of the next run of ASCII digits at or after from (a digit not preceded by a digit), or -1.
    private static int NextRunStart(string text, int from)
    {
        while (from < text.Length)
        {
            // Digits are often close together (dates, times, addresses, amounts): look at the next few characters one
            // by one before paying for a vectorised search.
            var p = from;
            var near = Math.Min(text.Length, from + 8);
            while (p < near && !char.IsAsciiDigit(text[p]))
            {
                p++;
            }

            if (p == near)
            {
                var next = p < text.Length ? text.AsSpan(p).IndexOfAnyInRange('0', '9') : -1;
                if (next < 0)
                {
                    return -1;
                }

                p += next;
            }

            if (p == 0 || !char.IsAsciiDigit(text[p - 1]))
            {
                return p;
            }

            // Inside a run: go past its end.
            from = p + 1;
            while (from < text.Length && char.IsAsciiDigit(text[from]))
            {
                from++;
            }
        }

        return -1;
    }

    private static bool IsDigits(string text, int start, int count)
    {
        if (start + count > text.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }

        // Exactly count: the run ends here.
        return start + count == text.Length || !char.IsAsciiDigit(text[start + count]);
    }

    // 0-9, 10-99, 100-199, 200-249, 250-255: no leading zero.
    private static bool IsOctet(ReadOnlySpan<char> digits) => digits.Length switch
    {
        1 => true,
        2 => digits[0] != '0',
        3 => digits[0] == '1' || (digits[0] == '2' && (digits[1] < '5' || (digits[1] == '5' && digits[2] <= '5'))),
        _ => false,
    };

    // The context before the area: [^0-9][^\p{L}\p{N}_] or [0-9][^\p{L}\p{N}_\-.] (two characters), or at the start of the
    // text nothing or one [^\p{L}\p{N}_].
    private static bool SsnBefore(string text, int p)
    {
        if (p == 0)
        {
            return true;
        }

        if (p == 1)
        {
            return !IsWordChar(text[0]);
        }

        var (c1, c2) = (text[p - 2], text[p - 1]);
        return char.IsAsciiDigit(c1) ? !IsWordChar(c2) && c2 is not '-' and not '.' : !IsWordChar(c2);
    }

    // $|[^\p{L}\p{N}_\-.]|[\-.](?:$|[^0-9])
    private static bool SsnAfter(string text, int e) =>
        e >= text.Length
        || (!IsWordChar(text[e]) && text[e] is not '-' and not '.')
        || (text[e] is '-' or '.' && (e + 1 >= text.Length || !char.IsAsciiDigit(text[e + 1])));

    // $|[^\p{L}\p{N}_.]|\.(?:$|[^0-9])
    private static bool IPv4After(string text, int e) =>
        e >= text.Length
        || !IsWordOrDot(text[e])
        || (text[e] == '.' && (e + 1 >= text.Length || !char.IsAsciiDigit(text[e + 1])));

    /// <summary>The window the scanner matches <see cref="PiiPatterns.Email"/> in for the <c>@</c> at <paramref name="at"/>.</summary>
    /// <param name="text">The folded shadow text.</param>
    /// <param name="at">The position of an <c>@</c>.</param>
    /// <param name="windowStart">The start of the run of local-part characters before the <c>@</c> (at most 64 back).</param>
    /// <param name="windowEnd">256 characters after the <c>@</c>, or the end of the text.</param>
    /// <returns>Whether an address can span this <c>@</c>: its run is not empty and not longer than 64.</returns>
    public static bool EmailWindow(string text, int at, out int windowStart, out int windowEnd)
    {
        var start = at;
        while (start > 0 && at - start <= 64 && IsLocalPartChar(text[start - 1]))
        {
            start--;
        }

        windowStart = start;
        windowEnd = Math.Min(text.Length, at + 256);
        return at - start is > 0 and <= 64;
    }

    /// <summary>
    /// The first match of <see cref="PiiPatterns.Email"/> in the window <see cref="EmailWindow"/> gives, when that match
    /// spans the <c>@</c> at <paramref name="at"/> (the window is the whole text for the pattern: its start and end are
    /// the text's start and end).
    /// </summary>
    /// <param name="text">The folded shadow text.</param>
    /// <param name="windowStart">The window's start; every character from it to the <c>@</c> is a local-part character.</param>
    /// <param name="windowEnd">The window's end.</param>
    /// <param name="at">The position of the <c>@</c>.</param>
    /// <param name="start">The start of the address.</param>
    /// <param name="end">The end of the address.</param>
    /// <returns>Whether the pattern's first match in the window spans the <c>@</c>.</returns>
    /// <remarks>
    /// A match that starts before the <c>@</c> must use it (neither part holds an <c>@</c>), so its end depends only on
    /// the domain: the greedy label loop takes as many labels (<c>[\p{L}\p{N}](?:[\p{L}\p{N}\-]{0,61}[\p{L}\p{N}])?\.</c>) as
    /// it can and gives them back one at a time until the rest starts with a top-level domain of 2 to 63 letters followed
    /// by the end of the window or a character outside <c>[\p{L}\p{N}_\-]</c>: the last label count that passes wins.
    /// Its start is the leftmost of the window's start (the pattern's search at the start of the text) and the positions
    /// after an apostrophe (the only character of the run outside the look-behind's class) from which the rest up to the
    /// <c>@</c> is a dot-atom: no dot or apostrophe first, last or doubled.
    /// </remarks>
    public static bool EmailAt(string text, int windowStart, int windowEnd, int at, out int start, out int end)
    {
        (start, end) = (-1, -1);
        if (at == windowStart || IsAtomSeparator(text[at - 1]))
        {
            return false;
        }

        // The domain: labels left to right; after each, whether a top-level domain can start there.
        var domainEnd = -1;
        for (var label = at + 1; label < windowEnd && IsLetterOrNumber(text[label]);)
        {
            var i = label + 1;
            while (i < windowEnd && i - label <= 63 && (IsLetterOrNumber(text[i]) || text[i] == '-'))
            {
                i++;
            }

            if (i >= windowEnd || i - label > 63 || text[i] != '.' || text[i - 1] == '-')
            {
                break;
            }

            label = i + 1;
            var letters = 0;
            while (label + letters < windowEnd && letters < 64 && char.IsLetter(text[label + letters]))
            {
                letters++;
            }

            var after = label + letters;
            if (letters is >= 2 and <= 63 && (after == windowEnd || !(IsLetterOrNumber(text[after]) || text[after] is '_' or '-')))
            {
                domainEnd = after;
            }
        }

        if (domainEnd < 0)
        {
            return false;
        }

        // The local part: no doubled separator may lie between its start and the '@'.
        var lastDoubled = -1;
        for (var j = at - 2; j >= windowStart; j--)
        {
            if (IsAtomSeparator(text[j]) && IsAtomSeparator(text[j + 1]))
            {
                lastDoubled = j;
                break;
            }
        }

        for (var s = windowStart; ;)
        {
            if (s > lastDoubled && !IsAtomSeparator(text[s]))
            {
                (start, end) = (s, domainEnd);
                return true;
            }

            var quote = text.IndexOf('\'', s, at - s);
            if (quote < 0 || quote + 1 >= at)
            {
                return false;
            }

            s = quote + 1;
        }
    }

    /// <summary>The first HTTP bearer token (<see cref="PiiPatterns.BearerToken"/>) whose word <c>bearer</c> starts at or after <paramref name="from"/>.</summary>
    /// <param name="text">The folded shadow text.</param>
    /// <param name="from">Where the search starts.</param>
    /// <param name="valueStart">The start of the token (the pattern's <c>value</c> group).</param>
    /// <param name="end">The end of the token and of the match.</param>
    /// <returns>Whether one was found.</returns>
    /// <remarks>
    /// <c>bearer</c> in any case, not after a letter, then spaces or tabs, then at least 20 token characters and any
    /// <c>=</c> padding; the pattern is case-insensitive, so its token class also holds the Kelvin sign.
    /// Each candidate reads its blanks and fewer than 20 token characters before it fails, so the search is linear.
    /// </remarks>
    public static bool NextBearer(string text, int from, out int valueStart, out int end)
    {
        for (var p = NextIgnoreCase(text, "bearer", from); p >= 0; p = NextIgnoreCase(text, "bearer", p + 1))
        {
            if (p > 0 && char.IsLetter(text[p - 1]))
            {
                continue;
            }

            var i = p + 6;
            var blanks = i;
            while (i < text.Length && text[i] is ' ' or '\t')
            {
                i++;
            }

            var token = i;
            while (i < text.Length && IsBearerTokenChar(text[i]))
            {
                i++;
            }

            if (token == blanks || i - token < 20)
            {
                continue;
            }

            while (i < text.Length && text[i] == '=')
            {
                i++;
            }

            (valueStart, end) = (token, i);
            return true;
        }

        (valueStart, end) = (-1, -1);
        return false;
    }

    private static int NextIgnoreCase(string text, string word, int from) =>
        from <= text.Length - word.Length ? text.IndexOf(word, from, StringComparison.OrdinalIgnoreCase) : -1;

    // [A-Za-z0-9\-._~+/] under RegexOptions.IgnoreCase with the invariant culture: the Kelvin sign folds to k (the long s does not fold to s).
    private static bool IsBearerTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '+' or '/' or '\u212A';

    /// <summary>
    /// Whether <paramref name="before"/> (the characters before a dotted quad) ends with a word that makes the quad a
    /// version number: what <see cref="PiiPatterns.VersionContext"/> matches, checked from the end without building the
    /// pattern's case-insensitive letter classes.
    /// </summary>
    /// <param name="before">The characters just before the quad.</param>
    /// <returns>Whether the pattern matches.</returns>
    public static bool IsVersionContext(ReadOnlySpan<char> before)
    {
        // The pattern's $ also matches before a final line feed.
        return EndsWithVersionWord(before) || (before.Length > 0 && before[^1] == '\n' && EndsWithVersionWord(before[..^1]));
    }

    private static bool EndsWithVersionWord(ReadOnlySpan<char> text)
    {
        var end = text.Length;
        while (end > 0 && text[end - 1] is ' ' or '\t')
        {
            end--;
        }

        var word = text[..end];
        return EndsWithAscii(word, "version") || EndsWithAscii(word, "ver") || EndsWithAscii(word, "ver.") || EndsWithAscii(word, "release")
            || EndsWithAscii(word, "build") || EndsWithAscii(word, "firmware")
            || (EndsWithAscii(word, "v") && (end == 1 || !char.IsLetter(word[^2])))
            || (end >= 2 && word[^1] == '/' && char.IsLetter(word[^2]));
    }

    // Whether text ends with the lower-case ASCII word in any case (ASCII letters only: none of these words has a letter
    // that a case-insensitive pattern also matches outside ASCII).
    private static bool EndsWithAscii(ReadOnlySpan<char> text, string word)
    {
        if (text.Length < word.Length)
        {
            return false;
        }

        var tail = text[^word.Length..];
        for (var i = 0; i < word.Length; i++)
        {
            if ((char.IsAsciiLetter(tail[i]) ? (char)(tail[i] | 0x20) : tail[i]) != word[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first IPv6 candidate (<see cref="PiiPatterns.IPv6Candidate"/>) that starts at or after <paramref name="from"/>.</summary>
    /// <param name="text">The folded shadow text.</param>
    /// <param name="from">Where the search starts.</param>
    /// <param name="start">The start of the candidate.</param>
    /// <param name="end">The end of the candidate.</param>
    /// <returns>Whether one was found.</returns>
    /// <remarks>
    /// A candidate starts a run of hex digits and colons (the look-behind refuses a hex digit or a colon before it). From
    /// there the pattern's greedy loop takes up to seven groups of at most four hex digits, each ended by a colon; its
    /// optional tail is tried as a dotted quad of one- to three-digit numbers, then as one to four hex digits, then as
    /// nothing; a zone (<c>%</c> and letters or digits) is taken when what follows it passes the look-ahead, and the
    /// look-ahead must hold after the whole. With fewer groups the text after them is another group, which no tail and no
    /// look-ahead accepts, but those choices are tried too, in the pattern's order. Each run is read a bounded number of
    /// times, so the search is linear.
    /// </remarks>
    public static bool NextIPv6(string text, int from, out int start, out int end)
    {
        Span<int> groupEnds = stackalloc int[8];
        for (var p = from < text.Length ? text.AsSpan(from).IndexOfAny(HexDigitsAndColon) : -1; p >= 0;)
        {
            p += from;
            var runEnd = p + 1;
            while (runEnd < text.Length && IsHexOrColon(text[runEnd]))
            {
                runEnd++;
            }

            // Inside the run only its first character can start a candidate; one that starts before `from` is not looked at.
            if (p == 0 || !IsIPv6Context(text[p - 1]))
            {
                var groups = 0;
                for (var q = p; groups < 7;)
                {
                    var hex = q;
                    while (hex < text.Length && hex - q < 4 && char.IsAsciiHexDigit(text[hex]))
                    {
                        hex++;
                    }

                    if (hex >= text.Length || text[hex] != ':')
                    {
                        break;
                    }

                    q = hex + 1;
                    groupEnds[++groups] = q;
                }

                for (var count = groups; count >= 2; count--)
                {
                    if (IPv6Tail(text, groupEnds[count], out end))
                    {
                        start = p;
                        return true;
                    }
                }
            }

            from = runEnd;
            p = from < text.Length ? text.AsSpan(from).IndexOfAny(HexDigitsAndColon) : -1;
        }

        (start, end) = (-1, -1);
        return false;
    }

    private static readonly System.Buffers.SearchValues<char> HexDigitsAndColon = System.Buffers.SearchValues.Create("0123456789ABCDEFabcdef:");

    // The tail after the groups, tried in the pattern's order: a dotted quad, one to four hex digits, nothing.
    private static bool IPv6Tail(string text, int q, out int end)
    {
        var quad = DottedQuadEnd(text, q);
        if (quad >= 0 && IPv6ZoneAndAfter(text, quad, out end))
        {
            return true;
        }

        var hex = q;
        while (hex < text.Length && hex - q < 4 && char.IsAsciiHexDigit(text[hex]))
        {
            hex++;
        }

        if (hex > q && IPv6ZoneAndAfter(text, hex, out end))
        {
            return true;
        }

        return IPv6ZoneAndAfter(text, q, out end);
    }

    // (?:[0-9]{1,3}\.){3}[0-9]{1,3} at q, greedy: its end, or -1.
    private static int DottedQuadEnd(string text, int q)
    {
        var i = q;
        for (var part = 0; part < 4; part++)
        {
            var digits = i;
            while (i < text.Length && i - digits < 3 && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == digits || (part < 3 && (i >= text.Length || text[i] != '.')))
            {
                return -1;
            }

            i += part < 3 ? 1 : 0;
        }

        return i;
    }

    // An optional zone (%[0-9A-Za-z]+, taken first) and the look-ahead after it: $|[^\p{L}\p{N}_:.]|\.(?:$|[^0-9A-Za-z]).
    private static bool IPv6ZoneAndAfter(string text, int t, out int end)
    {
        if (t < text.Length && text[t] == '%')
        {
            var zone = t + 1;
            while (zone < text.Length && char.IsAsciiLetterOrDigit(text[zone]))
            {
                zone++;
            }

            if (zone > t + 1 && IPv6After(text, zone))
            {
                end = zone;
                return true;
            }
        }

        end = t;
        return IPv6After(text, t);
    }

    private static bool IPv6After(string text, int e) =>
        e >= text.Length
        || !IsIPv6Context(text[e])
        || (text[e] == '.' && (e + 1 >= text.Length || !char.IsAsciiLetterOrDigit(text[e + 1])));

    private static bool IsHexOrColon(char c) => char.IsAsciiHexDigit(c) || c == ':';

    // [\p{L}\p{N}_:.]: what may not stand before or after a candidate.
    private static bool IsIPv6Context(char c) => char.IsLetter(c) || char.IsNumber(c) || c is '_' or ':' or '.';

    /// <summary>The first labelled SSN (<see cref="PiiPatterns.SsnLabelled"/>) whose label starts at or after <paramref name="from"/>.</summary>
    /// <param name="text">The folded shadow text.</param>
    /// <param name="from">Where the search starts.</param>
    /// <param name="digits">The start of the nine digits (area, group and serial: 3, 2 and 4 of them).</param>
    /// <returns>Whether one was found.</returns>
    /// <remarks>
    /// Every way through the label and the optional words and separators after it consumes no digit and must end at one,
    /// so a label start matches exactly when some way reaches a digit there and nine digits stand there, followed by the
    /// end or a character outside <c>[\p{L}\p{N}_]</c>: the ways need not be ranked. Each candidate reads its label and
    /// the blanks after it, so the search is linear.
    /// </remarks>
    public static bool NextLabelledSsn(string text, int from, out int digits)
    {
        Span<int> ends = stackalloc int[8];
        for (var p = from < text.Length ? text.IndexOfAny(['s', 'S'], from) : -1; p >= 0; p = p + 1 < text.Length ? text.IndexOfAny(['s', 'S'], p + 1) : -1)
        {
            if (p > 0 && char.IsLetter(text[p - 1]))
            {
                continue;
            }

            var count = SsnLabelEnds(text, p, ends);
            for (var i = 0; i < count; i++)
            {
                var d = DigitsAfterSsnLabel(text, ends[i]);
                if (d >= 0)
                {
                    var run = d;
                    while (run < text.Length && char.IsAsciiDigit(text[run]))
                    {
                        run++;
                    }

                    if (run - d == 9 && (run == text.Length || !IsWordChar(text[run])))
                    {
                        digits = d;
                        return true;
                    }

                    // Every way reaches the same first digit: no other way can do better.
                    break;
                }
            }
        }

        digits = -1;
        return false;
    }

    // Where each way through the label can end: ssn, ss#, social security [number|num|no.|#], soc. sec. [number|no.|#].
    private static int SsnLabelEnds(string text, int p, Span<int> ends)
    {
        var count = 0;
        int i;
        if ((i = AsciiWord(text, p, "ssn")) >= 0 || ((i = AsciiWord(text, p, "ss")) >= 0 && i < text.Length && text[i] == '#' && ++i > 0))
        {
            ends[count++] = i;
            return count;
        }

        if ((i = AsciiWord(text, p, "social")) >= 0)
        {
            var security = SkipBlanks(text, i);
            if (security > i && (i = AsciiWord(text, security, "security")) >= 0)
            {
                ends[count++] = i;
                var word = SkipBlanks(text, i);
                return word > i ? SsnNumberWords(text, word, ends, count, withNum: true) : count;
            }

            return 0;
        }

        if ((i = AsciiWord(text, p, "soc")) >= 0)
        {
            i = i < text.Length && text[i] == '.' ? i + 1 : i;
            if ((i = AsciiWord(text, SkipBlanks(text, i), "sec")) >= 0)
            {
                ends[count++] = i;
                if (i < text.Length && text[i] == '.')
                {
                    ends[count++] = ++i;
                }

                return SsnNumberWords(text, SkipBlanks(text, i), ends, count, withNum: false);
            }
        }

        return count;
    }

    // The optional number word after the label: number, num (after "social security" only), no, no., #.
    private static int SsnNumberWords(string text, int i, Span<int> ends, int count, bool withNum)
    {
        if (AsciiWord(text, i, "number") is var number and >= 0)
        {
            ends[count++] = number;
        }

        if (withNum && AsciiWord(text, i, "num") is var num and >= 0)
        {
            ends[count++] = num;
        }

        if (AsciiWord(text, i, "no") is var no and >= 0)
        {
            ends[count++] = no;
            if (no < text.Length && text[no] == '.')
            {
                ends[count++] = no + 1;
            }
        }

        if (i < text.Length && text[i] == '#')
        {
            ends[count++] = i + 1;
        }

        return count;
    }

    // [ \t]*(?:is|was|=|:|\#|-)?[ \t]* then a digit: where the digit is, or -1.
    private static int DigitsAfterSsnLabel(string text, int i)
    {
        var b = SkipBlanks(text, i);
        if (b < text.Length && char.IsAsciiDigit(text[b]))
        {
            return b;
        }

        var separator = AsciiWord(text, b, "is") is var isEnd and >= 0 ? isEnd
            : AsciiWord(text, b, "was") is var wasEnd and >= 0 ? wasEnd
            : b < text.Length && text[b] is '=' or ':' or '#' or '-' ? b + 1 : -1;
        if (separator < 0)
        {
            return -1;
        }

        var d = SkipBlanks(text, separator);
        return d < text.Length && char.IsAsciiDigit(text[d]) ? d : -1;
    }

    // The end of word (lower-case ASCII) at i in any case, or -1.
    private static int AsciiWord(string text, int i, string word)
    {
        if (i < 0 || i + word.Length > text.Length)
        {
            return -1;
        }

        for (var k = 0; k < word.Length; k++)
        {
            if (!char.IsAsciiLetter(text[i + k]) || (text[i + k] | 0x20) != word[k])
            {
                return -1;
            }
        }

        return i + word.Length;
    }

    private static int SkipBlanks(string text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i;
    }

    /// <summary>A character <c>FindEmails</c> walks back over from an <c>@</c>.</summary>
    private static bool IsLocalPartChar(char c) => char.IsLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-' or '\'';

    private static bool IsAtomSeparator(char c) => c is '.' or '\'';

    private static bool IsLetterOrNumber(char c) => char.IsLetter(c) || char.IsNumber(c);

    /// <summary>A letter, a number of any kind (<c>\p{N}</c>: decimal, letter-like, other) or an underscore.</summary>
    private static bool IsWordChar(char c) => char.IsLetter(c) || char.IsNumber(c) || c == '_';

    private static bool IsWordOrDot(char c) => IsWordChar(c) || c == '.';
}

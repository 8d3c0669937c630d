using System.Buffers;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;

namespace SecureReqs;

/// <summary>
/// A necessary condition for a pattern to match, read from the pattern's text: sets of literal strings such that every
/// match contains one literal of each set. A text that lacks every literal of a set cannot match, so the pattern is
/// neither run on it nor, when no text needs it, built (building a linear-engine automaton costs milliseconds).
/// </summary>
/// <remarks>
/// <para>
/// The analysis is the classic one behind trigram indexes and multi-pattern prefilters: a literal is its own set; a
/// concatenation's strings are the products of its parts' while they stay few, and its sets are those of all its parts;
/// an alternation's set is the union of its branches' most selective sets (none when a branch has none); a repetition that may occur zero
/// times, a character class of many characters, <c>.</c>, <c>\w</c> and the like have none. Anchors and word boundaries
/// match no characters and add nothing. Whatever the reader does not understand (inline options, conditionals,
/// <c>IgnorePatternWhitespace</c>, an unknown escape) gives no filter: the pattern always runs, as before.
/// </para>
/// <para>
/// A case-insensitive pattern's filter applies only to ASCII texts, searched ignoring ASCII case: the linear engine's case
/// folding also relates a few non-ASCII letters to ASCII ones (the Kelvin sign and <c>k</c>), which an ASCII text cannot
/// hold. Literals with non-ASCII letters that fold to ASCII ones give no filter.
/// </para>
/// <para>
/// Sound by construction, and checked: <c>RegexPrefilterTests</c> runs every pattern of the assembly over the dataset
/// texts and seeded variants and fails if a pattern matches a text its filter rejected.
/// </para>
/// </remarks>
internal sealed class RegexPrefilter
{
    private const int MaxProducts = 64;
    private const int MinUsefulLength = 3;
    private const int MaxSets = 3;

    private static readonly ConcurrentDictionary<(string Pattern, RegexOptions Options), RegexPrefilter> ByPattern = new();
    private static readonly ConcurrentDictionary<MethodInfo, RegexPrefilter> ByMethod = new();
    private static readonly ConcurrentDictionary<Delegate, RegexPrefilter> ByDelegate = new(ReferenceEqualityComparer.Instance);

    private readonly (SearchValues<string>? Strings, SearchValues<char>? Chars)[] _searches;
    private readonly bool _ignoreCase;

    private RegexPrefilter(IReadOnlyList<HashSet<string>> sets, bool ignoreCase)
    {
        _ignoreCase = ignoreCase;
        Sets = [.. sets.Select(set => (IReadOnlyList<string>)[.. set.Order(StringComparer.Ordinal)])];
        Literals = Sets.Count == 0 ? null : Sets[0];
        // A set of single characters (punctuation) is searched as characters: the vectorised path for strings needs two or more.
        _searches = [.. sets.Select(set => set.All(l => l.Length == 1)
            ? ((SearchValues<string>?)null, SearchValues.Create([.. set.Select(l => l[0])]))
            : (SearchValues.Create([.. set], ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal), (SearchValues<char>?)null))];
    }

    /// <summary>A filter that lets every text through.</summary>
    public static RegexPrefilter None { get; } = new([], false);

    /// <summary>The most selective set of literals, one of which every match holds; null when the pattern has no filter.</summary>
    public IReadOnlyList<string>? Literals { get; }

    /// <summary>Every set of literals the filter checks, most selective first: every match holds one literal of each.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Sets { get; }

    /// <summary>The filter of a pattern.</summary>
    public static RegexPrefilter For(string pattern, RegexOptions options) => ByPattern.GetOrAdd((pattern, options), static key => Analyze(key.Pattern, key.Options));

    /// <summary>The filter of a source-generated pattern's method, read from its <see cref="GeneratedRegexAttribute"/>; <see cref="None"/> for other methods.</summary>
    /// <remarks>Looked up by the delegate itself: a method group converted at a call site is cached there, so this costs one
    /// reference lookup, not a reflection call.</remarks>
    public static RegexPrefilter For(Delegate factory)
    {
        if (ByDelegate.TryGetValue(factory, out var known))
        {
            return known;
        }

        var filter = ByMethod.GetOrAdd(factory.Method, static method =>
            method.GetCustomAttribute<GeneratedRegexAttribute>() is { } generated ? For(generated.Pattern, generated.Options) : None);

        // A caller that builds a new delegate per call (a lambda, not a method group) would fill the table: it stops growing.
        if (ByDelegate.Count < 4096)
        {
            ByDelegate.TryAdd(factory, filter);
        }

        return filter;
    }

    /// <summary>Whether <paramref name="text"/> may hold a match: false only when no match is possible.</summary>
    public bool MayMatch(string text)
    {
        if (_searches.Length == 0 || _ignoreCase && !System.Text.Ascii.IsValid(text))
        {
            return true;
        }

        foreach (var (strings, chars) in _searches)
        {
            if ((chars is not null ? text.AsSpan().IndexOfAny(chars) : text.AsSpan().IndexOfAny(strings!)) < 0)
            {
                return false;
            }
        }

        return true;
    }

    private static RegexPrefilter Analyze(string pattern, RegexOptions options)
    {
        if ((options & ~(RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase | RegexOptions.NonBacktracking | RegexOptions.Multiline | RegexOptions.Compiled)) != 0)
        {
            return None;
        }

        var ignoreCase = (options & RegexOptions.IgnoreCase) != 0;
        try
        {
            var reader = new Reader(pattern, ignoreCase);
            var info = reader.Alternation();
            if (!reader.AtEnd)
            {
                return None;
            }

            // The most selective set first, then the others every match must also satisfy; a set with a short literal
            // that is a word or part of one ("ai") is left out (dropping a condition keeps the filter sound), while
            // punctuation ("<|", ":", a line break) is rare enough in prose to be worth a search.
            var sets = new List<HashSet<string>>();
            foreach (var set in info.Required)
            {
                if (set.Count > 0 && (set.All(l => l.Length >= MinUsefulLength) || set.All(IsMarks)) && !sets.Any(s => s.SetEquals(set)))
                {
                    sets.Add(set);
                }
            }

            return sets.Count == 0 ? None : new RegexPrefilter([.. sets.OrderByDescending(Selectivity).ThenBy(set => set.Count).Take(MaxSets)], ignoreCase);
        }
        catch (NotSupportedException)
        {
            return None;
        }
    }

    /// <summary>
    /// What is known of a piece of pattern: <see cref="Exact"/>, every string it can match when they are few (may hold
    /// the empty string; null when unknown), and <see cref="Sets"/>, literal sets every match holds one literal of each.
    /// </summary>
    private readonly record struct Info(HashSet<string>? Exact, IReadOnlyList<HashSet<string>> Sets)
    {
        public static Info Empty => new([string.Empty], []);

        public static Info Unknown => new(null, []);

        /// <summary>Every set a match holds a literal of: <see cref="Sets"/>, and the exact strings when none is empty.</summary>
        public IEnumerable<HashSet<string>> Required => Exact is { } exact && !exact.Contains(string.Empty) ? Sets.Append(exact) : Sets;

        /// <summary>The most selective of <see cref="Required"/>, or null.</summary>
        public HashSet<string>? Best => Required.Aggregate((HashSet<string>?)null, Better);
    }

    /// <summary>Whether a literal has no letter or digit: punctuation, symbols or white space.</summary>
    private static bool IsMarks(string literal) => !literal.Any(char.IsLetterOrDigit) && !literal.Contains(' ');

    /// <summary>How selective a literal set is: its shortest literal's length, counted up to four characters.</summary>
    private static int Selectivity(HashSet<string> set) => Math.Min(set.Min(s => s.Length), 4);

    /// <summary>Of two literal sets, the more selective: the one whose shortest literal is longer, then the smaller.</summary>
    private static HashSet<string>? Better(HashSet<string>? a, HashSet<string>? b)
    {
        if (a is null || a.Count == 0)
        {
            return b;
        }

        if (b is null || b.Count == 0)
        {
            return a;
        }

        var (ma, mb) = (Selectivity(a), Selectivity(b));
        return ma != mb ? (ma > mb ? a : b) : a.Count <= b.Count ? a : b;
    }

    private sealed class Reader(string pattern, bool ignoreCase)
    {
        private int _at;

        public bool AtEnd => _at >= pattern.Length;

        public Info Alternation()
        {
            var branches = new List<Info> { Concatenation() };
            while (_at < pattern.Length && pattern[_at] == '|')
            {
                _at++;
                branches.Add(Concatenation());
            }

            if (branches.Count == 1)
            {
                return branches[0];
            }

            // Every match holds a match of one branch: the union of the branches' most selective sets, when each has one.
            HashSet<string>? exact = [];
            HashSet<string>? required = [];
            foreach (var branch in branches)
            {
                exact = exact is not null && branch.Exact is { } e && exact.Count + e.Count <= MaxProducts ? [.. exact, .. e] : null;
                required = required is not null && branch.Best is { } r ? [.. required, .. r] : null;
            }

            return new Info(exact, required is null ? [] : [required]);
        }

        private Info Concatenation()
        {
            // Consecutive parts whose strings are known and few form a run whose strings are their products
            // ("sys" "tem" → "system"); every match holds a string of each run and a literal of each part.
            HashSet<string>? whole = [string.Empty];
            HashSet<string> run = [string.Empty];
            var sets = new List<HashSet<string>>();
            while (_at < pattern.Length && pattern[_at] is not '|' and not ')')
            {
                var atom = Quantified(Atom());
                whole = whole is not null && atom.Exact is { } w ? Product(whole, w) : null;
                if (atom.Exact is { } e && Product(run, e) is { } longer)
                {
                    run = longer;
                    continue;
                }

                if (WithoutEmpty(run) is { } ended)
                {
                    sets.Add(ended);
                }

                sets.AddRange(atom.Required);
                run = atom.Exact is { } fresh && fresh.Count <= MaxProducts ? fresh : [string.Empty];
            }

            if (WithoutEmpty(run) is { } last)
            {
                sets.Add(last);
            }

            return new Info(whole, sets);
        }

        private static HashSet<string>? WithoutEmpty(HashSet<string> strings) => strings.Contains(string.Empty) ? null : strings;

        private static HashSet<string>? Product(HashSet<string> left, HashSet<string> right)
        {
            if ((long)left.Count * right.Count > MaxProducts)
            {
                return null;
            }

            var product = new HashSet<string>(StringComparer.Ordinal);
            foreach (var x in left)
            {
                foreach (var y in right)
                {
                    product.Add(x + y);
                }
            }

            return product;
        }

        private Info Quantified(Info atom)
        {
            if (_at >= pattern.Length)
            {
                return atom;
            }

            int min, max;
            switch (pattern[_at])
            {
                case '*':
                    (min, max) = (0, int.MaxValue);
                    _at++;
                    break;
                case '+':
                    (min, max) = (1, int.MaxValue);
                    _at++;
                    break;
                case '?':
                    (min, max) = (0, 1);
                    _at++;
                    break;
                case '{' when TryCount(out min, out max):
                    break;
                default:
                    return atom;
            }

            if (_at < pattern.Length && pattern[_at] == '?')
            {
                _at++; // lazy: the same strings
            }

            if (min == 0)
            {
                // Zero times is allowed: the only exact strings known are "" and, for '?', the atom's own.
                return max == 1 && atom.Exact is { } e ? new Info([.. e, string.Empty], []) : max == 0 ? Info.Empty : Info.Unknown;
            }

            // At least once: every set of one occurrence still holds, but the strings are no longer known.
            return min == 1 && max == 1 ? atom : new Info(null, [.. atom.Required]);
        }

        private bool TryCount(out int min, out int max)
        {
            min = max = 0;
            var close = pattern.IndexOf('}', _at);
            if (close < 0)
            {
                return false;
            }

            var body = pattern[(_at + 1)..close];
            var comma = body.IndexOf(',');
            var ok = comma < 0
                ? int.TryParse(body, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out min) && (max = min) >= 0
                : int.TryParse(body[..comma], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out min)
                    && (comma == body.Length - 1 ? (max = int.MaxValue) > 0 : int.TryParse(body[(comma + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out max));
            if (ok)
            {
                _at = close + 1;
            }

            return ok;
        }

        private Info Atom()
        {
            var c = pattern[_at];
            switch (c)
            {
                case '(':
                    return Group();
                case '[':
                    return Class();
                case '.':
                    _at++;
                    return Info.Unknown;
                case '^' or '$':
                    _at++;
                    return Info.Empty;
                case '\\':
                    return Escape();
                case '*' or '+' or '?' or '{' when c != '{' || TryPeekCount():
                    throw new NotSupportedException("a quantifier without an atom");
                default:
                    _at++;
                    return Literal(c);
            }
        }

        private bool TryPeekCount()
        {
            var save = _at;
            var ok = TryCount(out _, out _);
            _at = save;
            return ok;
        }

        private Info Literal(char c)
        {
            if (ignoreCase && !char.IsAscii(c) && (char.IsAscii(char.ToLowerInvariant(c)) || char.IsAscii(char.ToUpperInvariant(c)) || c is '\u212A' or '\u212B' or '\u017F' or '\u0131' or '\u0130'))
            {
                return Info.Unknown;
            }

            return new Info([c.ToString()], []);
        }

        private Info Group()
        {
            _at++; // (
            if (_at < pattern.Length && pattern[_at] == '?')
            {
                _at++;
                if (_at >= pattern.Length)
                {
                    throw new NotSupportedException("an unfinished group");
                }

                switch (pattern[_at])
                {
                    case ':':
                        _at++;
                        break;
                    case '<' when _at + 1 < pattern.Length && pattern[_at + 1] is not '=' and not '!':
                    case '\'':
                        var end = pattern.IndexOf(pattern[_at] == '<' ? '>' : '\'', _at + 1);
                        if (end < 0)
                        {
                            throw new NotSupportedException("an unfinished group name");
                        }

                        _at = end + 1;
                        break;
                    default:
                        // Lookarounds, atomic groups, conditionals and inline options: not read.
                        throw new NotSupportedException("a group construct");
                }
            }

            var inner = Alternation();
            if (_at >= pattern.Length || pattern[_at] != ')')
            {
                throw new NotSupportedException("an unclosed group");
            }

            _at++;
            return inner;
        }

        private Info Escape()
        {
            if (_at + 1 >= pattern.Length)
            {
                throw new NotSupportedException("a trailing backslash");
            }

            var e = pattern[_at + 1];
            _at += 2;
            if (e is 'b' or 'B' or 'A' or 'z' or 'Z' or 'G')
            {
                return Info.Empty;
            }

            return EscapedChar(e) is { } c ? Literal(c) : Info.Unknown;
        }

        /// <summary>The character an escape stands for (its backslash and letter read), or null for a class such as <c>\w</c>.</summary>
        private char? EscapedChar(char e)
        {
            switch (e)
            {
                case 'w' or 'W' or 's' or 'S' or 'd' or 'D':
                    return null;
                case 'p' or 'P':
                    var close = pattern.IndexOf('}', _at);
                    _at = close < 0 ? throw new NotSupportedException("an unfinished category") : close + 1;
                    return null;
                case 'n':
                    return '\n';
                case 't':
                    return '\t';
                case 'r':
                    return '\r';
                case 'f':
                    return '\f';
                case 'v':
                    return '\v';
                case 'e':
                    return '\u001b';
                case 'a':
                    return '\a';
                case 'u' when _at + 4 <= pattern.Length && ushort.TryParse(pattern.AsSpan(_at, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var u):
                    _at += 4;
                    return (char)u;
                case 'x' when _at + 2 <= pattern.Length && byte.TryParse(pattern.AsSpan(_at, 2), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var x):
                    _at += 2;
                    return (char)x;
                default:
                    // Back-references, octal and control escapes, \b inside a class: not read.
                    return char.IsAsciiLetterOrDigit(e) ? throw new NotSupportedException("an escape") : e;
            }
        }

        private Info Class()
        {
            // Read to the closing bracket; a class of a few plain characters is a set of one-character strings.
            var start = _at;
            _at++;
            var negated = _at < pattern.Length && pattern[_at] == '^';
            var chars = new HashSet<string>(StringComparer.Ordinal);
            var known = !negated;
            var first = true;
            while (true)
            {
                if (_at >= pattern.Length)
                {
                    throw new NotSupportedException("an unclosed class");
                }

                var c = pattern[_at];
                if (c == ']')
                {
                    if (first)
                    {
                        // "[]" or "[^]": .NET reads a leading ']' as a literal; not read here.
                        throw new NotSupportedException("a leading ']' in a class");
                    }

                    _at++;
                    break;
                }

                if (c == '^' && _at == start + 1)
                {
                    _at++;
                    continue;
                }

                first = false;
                char? single = null;
                if (c == '\\')
                {
                    if (_at + 1 >= pattern.Length)
                    {
                        throw new NotSupportedException("a trailing backslash");
                    }

                    var e = pattern[_at + 1];
                    _at += 2;
                    single = EscapedChar(e);
                    known &= single is not null;
                }
                else if (c == '[')
                {
                    // Subtraction or a nested construct: not read.
                    throw new NotSupportedException("a class subtraction");
                }
                else
                {
                    single = c;
                    _at++;
                }

                if (single is { } s)
                {
                    // A range a-z: its characters, when few.
                    if (_at + 1 < pattern.Length && pattern[_at] == '-' && pattern[_at + 1] == '[')
                    {
                        // "[a-z-[aeiou]]": a subtraction, not a range ending in '['.
                        throw new NotSupportedException("a class subtraction");
                    }

                    if (_at + 1 < pattern.Length && pattern[_at] == '-' && pattern[_at + 1] != ']')
                    {
                        var high = pattern[_at + 1];
                        if (high == '\\')
                        {
                            throw new NotSupportedException("an escaped range end");
                        }

                        _at += 2;
                        if (high - s > 10 || high < s)
                        {
                            known = false;
                        }
                        else
                        {
                            for (var ch = s; ch <= high; ch++)
                            {
                                Add(ch);
                            }
                        }
                    }
                    else
                    {
                        Add(s);
                    }
                }
            }

            return known && chars.Count > 0 && chars.Count <= 12 ? new Info(chars, []) : Info.Unknown;

            void Add(char ch)
            {
                if (Literal(ch).Exact is { } one)
                {
                    chars.UnionWith(one);
                }
                else
                {
                    known = false;
                }
            }
        }
    }
}

namespace SecureReqs;

/// <summary>
/// A deterministic automaton over the ten ASCII digits, compiled by hand from one of libphonenumber's metadata patterns,
/// which decides in one table step per digit whether a digit string is in the pattern's language.
/// </summary>
/// <remarks>
/// <para>
/// libphonenumber's patterns use a small part of the regex syntax: digits, <c>\d</c>, digit classes such as
/// <c>[2-79]</c>, groups (<c>(?:…)</c> and capturing), alternation and the quantifiers <c>?</c>, <c>*</c>, <c>+</c> and
/// <c>{n}</c>, <c>{n,}</c>, <c>{n,m}</c>. <see cref="TryCompile"/> reads <c>^(?:pattern)$</c> (the whole string must
/// match) or <c>^(?:pattern)</c> (some prefix must match) in that syntax, builds the pattern's position automaton
/// (Glushkov: no empty transitions) and determinizes it; anything else, or an automaton of more than
/// <see cref="MaxStates"/> states, is refused and the caller keeps a regular expression on .NET's linear engine.
/// </para>
/// <para>
/// Both engines decide membership of the same language, so on digit strings the automaton accepts exactly what
/// <c>Regex.IsMatch</c> accepts (checked against .NET's engine for every metadata pattern: <c>DigitAutomatonTests</c>).
/// A match reads each digit once: time linear in the input, and no regex interpreter, automaton construction of the
/// linear engine or match object per call. An instance is immutable once built and safe for concurrent use.
/// </para>
/// </remarks>
internal sealed class DigitAutomaton
{
    /// <summary>The most states a compiled automaton may have; larger ones are refused.</summary>
    public const int MaxStates = 4096;

    private const int Dead = -1;

    // The most positions (digit sets, with repetitions written out) a pattern may have.
    private const int MaxPositions = 16 * 1024;

    private readonly int[] _next;
    private readonly bool[] _accepting;
    private readonly bool _prefix;

    private DigitAutomaton(int[] next, bool[] accepting, bool prefix)
    {
        _next = next;
        _accepting = accepting;
        _prefix = prefix;
    }

    /// <summary>The number of states (the dead state not counted).</summary>
    public int StateCount => _accepting.Length;

    /// <summary>Compiles <c>^(?:pattern)$</c> or <c>^(?:pattern)</c>; null when the pattern uses syntax outside the subset or is too large.</summary>
    /// <param name="anchoredPattern">The pattern, starting with <c>^</c>, ending with <c>$</c> for a whole match.</param>
    /// <returns>The automaton, or null.</returns>
    public static DigitAutomaton? TryCompile(string anchoredPattern)
    {
        ArgumentNullException.ThrowIfNull(anchoredPattern);
        if (!anchoredPattern.StartsWith('^'))
        {
            return null;
        }

        var prefix = !anchoredPattern.EndsWith('$');
        var body = anchoredPattern[1..(prefix ? anchoredPattern.Length : anchoredPattern.Length - 1)];
        var parser = new Parser(body);
        if (parser.Parse() is not { } tree)
        {
            return null;
        }

        try
        {
            var glushkov = new Glushkov();
            return Determinize(glushkov, glushkov.Build(tree), prefix);
        }
        catch (InvalidOperationException)
        {
            // More positions than MaxPositions: the caller keeps its regular expression.
            return null;
        }
    }

    /// <summary>Whether <paramref name="digits"/> (ASCII digits only) is in the language: wholly, or by a prefix for a prefix pattern.</summary>
    /// <param name="digits">The digits.</param>
    /// <returns>Whether it matches.</returns>
    /// <exception cref="ArgumentException">A character is not an ASCII digit.</exception>
    public bool IsMatch(ReadOnlySpan<char> digits)
    {
        // One table step per digit; the steps are counted for the scanner's linearity tests.
        PiiWork.Count(digits.Length);
        var state = 0;
        if (_prefix && _accepting[0])
        {
            return true;
        }

        foreach (var c in digits)
        {
            var digit = c - '0';
            if ((uint)digit > 9)
            {
                throw new ArgumentException("Only ASCII digits can be matched.", nameof(digits));
            }

            state = _next[(state * 10) + digit];
            if (state == Dead)
            {
                return false;
            }

            if (_prefix && _accepting[state])
            {
                return true;
            }
        }

        return _accepting[state];
    }

    // Subset construction over the positions; state 0 is the start.
    private static DigitAutomaton? Determinize(Glushkov glushkov, Fragment root, bool prefix)
    {
        var words = (glushkov.Positions.Count + 63) / 64;
        var ids = new Dictionary<PositionSet, int>();
        var sets = new List<PositionSet>();
        var next = new List<int>();
        var accepting = new List<bool>();
        var last = PositionSet.Of(root.Last, words);

        // The start state is marked by a set of its own: it holds no position, and its successors are the first positions.
        var start = new PositionSet(new ulong[words + 1]);
        start.Bits[words] = 1;
        ids[start] = 0;
        sets.Add(start);
        accepting.Add(root.Nullable);
        var follow = glushkov.Follow.Select(f => PositionSet.Of(f, words)).ToArray();
        var first = PositionSet.Of(root.First, words);
        for (var s = 0; s < sets.Count; s++)
        {
            var current = sets[s];
            for (var digit = 0; digit < 10; digit++)
            {
                var target = new ulong[words + 1];
                var any = false;
                foreach (var from in s == 0 ? [first] : current.Members().Select(p => follow[p]))
                {
                    for (var w = 0; w < words; w++)
                    {
                        target[w] |= from.Bits[w] & glushkov.DigitMasks[digit][w];
                        any |= target[w] != 0;
                    }
                }

                if (!any)
                {
                    next.Add(Dead);
                    continue;
                }

                var set = new PositionSet(target);
                if (!ids.TryGetValue(set, out var id))
                {
                    if (sets.Count == MaxStates)
                    {
                        return null;
                    }

                    id = sets.Count;
                    ids[set] = id;
                    sets.Add(set);
                    accepting.Add(set.Intersects(last));
                }

                next.Add(id);
            }
        }

        return new DigitAutomaton([.. next], [.. accepting], prefix);
    }

    // A regex tree of the subset: a digit set, a sequence, an alternation or a repetition.
    private abstract record Node;

    private sealed record DigitSet(ushort Mask) : Node;

    private sealed record Sequence(List<Node> Items) : Node;

    private sealed record Alternation(List<Node> Choices) : Node;

    private sealed record Repeat(Node Item, int Min, int Max) : Node; // Max -1: unbounded

    // A recursive-descent reader of the subset; null for anything outside it.
    private sealed class Parser(string pattern)
    {
        private const int MaxCount = 64;
        private int _at;

        public Node? Parse()
        {
            try
            {
                var node = ParseAlternation();
                return _at == pattern.Length ? node : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }

        private Node ParseAlternation()
        {
            var choices = new List<Node> { ParseSequence() };
            while (_at < pattern.Length && pattern[_at] == '|')
            {
                _at++;
                choices.Add(ParseSequence());
            }

            return choices.Count == 1 ? choices[0] : new Alternation(choices);
        }

        private Sequence ParseSequence()
        {
            var items = new List<Node>();
            while (_at < pattern.Length && pattern[_at] is not '|' and not ')')
            {
                var atom = ParseAtom();
                items.Add(ParseQuantifier(atom));
            }

            return new Sequence(items);
        }

        private Node ParseAtom()
        {
            var c = pattern[_at++];
            switch (c)
            {
                case >= '0' and <= '9':
                    return new DigitSet((ushort)(1 << (c - '0')));
                case '\\' when _at < pattern.Length && pattern[_at] == 'd':
                    _at++;
                    return new DigitSet(0x3FF);
                case '[':
                    return ParseClass();
                case '(':
                    if (_at + 1 < pattern.Length && pattern[_at] == '?')
                    {
                        if (pattern[_at + 1] != ':')
                        {
                            throw new FormatException("Only non-capturing groups (?:…) are read.");
                        }

                        _at += 2;
                    }

                    var inner = ParseAlternation();
                    Expect(')');
                    return inner;
                default:
                    throw new FormatException($"'{c}' is outside the digit subset.");
            }
        }

        private DigitSet ParseClass()
        {
            if (_at < pattern.Length && pattern[_at] == '^')
            {
                throw new FormatException("Negated classes are not read.");
            }

            var mask = 0;
            while (_at < pattern.Length && pattern[_at] != ']')
            {
                if (pattern[_at] == '\\' && _at + 1 < pattern.Length && pattern[_at + 1] == 'd')
                {
                    mask |= 0x3FF;
                    _at += 2;
                    continue;
                }

                var low = ReadDigit();
                var high = low;
                if (_at + 1 < pattern.Length && pattern[_at] == '-' && pattern[_at + 1] != ']')
                {
                    _at++;
                    high = ReadDigit();
                    if (high < low)
                    {
                        throw new FormatException("A reversed range.");
                    }
                }

                for (var d = low; d <= high; d++)
                {
                    mask |= 1 << d;
                }
            }

            Expect(']');
            return mask == 0 ? throw new FormatException("An empty class.") : new DigitSet((ushort)mask);
        }

        private int ReadDigit()
        {
            if (_at >= pattern.Length || !char.IsAsciiDigit(pattern[_at]))
            {
                throw new FormatException("A class holds only digits, ranges and \\d.");
            }

            return pattern[_at++] - '0';
        }

        private Node ParseQuantifier(Node atom)
        {
            while (_at < pattern.Length)
            {
                int min;
                int max;
                switch (pattern[_at])
                {
                    case '?':
                        (min, max) = (0, 1);
                        _at++;
                        break;
                    case '*':
                        (min, max) = (0, -1);
                        _at++;
                        break;
                    case '+':
                        (min, max) = (1, -1);
                        _at++;
                        break;
                    case '{':
                        _at++;
                        min = ReadCount();
                        max = min;
                        if (_at < pattern.Length && pattern[_at] == ',')
                        {
                            _at++;
                            max = _at < pattern.Length && pattern[_at] == '}' ? -1 : ReadCount();
                        }

                        Expect('}');
                        if (max >= 0 && max < min)
                        {
                            throw new FormatException("A count range ends before it starts.");
                        }

                        break;
                    default:
                        return atom;
                }

                // A lazy quantifier accepts the same strings: membership does not depend on which match is preferred.
                if (_at < pattern.Length && pattern[_at] == '?')
                {
                    _at++;
                }

                atom = new Repeat(atom, min, max);
            }

            return atom;
        }

        private int ReadCount()
        {
            var start = _at;
            while (_at < pattern.Length && char.IsAsciiDigit(pattern[_at]) && _at - start < 3)
            {
                _at++;
            }

            if (_at == start || int.Parse(pattern.AsSpan(start, _at - start), System.Globalization.CultureInfo.InvariantCulture) is var count && count > MaxCount)
            {
                throw new FormatException("A count is missing or too large.");
            }

            return count;
        }

        private void Expect(char c)
        {
            if (_at >= pattern.Length || pattern[_at] != c)
            {
                throw new FormatException($"'{c}' expected.");
            }

            _at++;
        }
    }

    // What a subtree contributes to the position automaton: whether it matches the empty string, and its first and last positions.
    private readonly record struct Fragment(bool Nullable, List<int> First, List<int> Last);

    // The position automaton: one position per digit set in the tree with repetitions written out, and the positions
    // that may follow each.
    private sealed class Glushkov
    {
        public List<ushort> Positions { get; } = [];

        public List<List<int>> Follow { get; } = [];

        public ulong[][] DigitMasks { get; private set; } = [];

        public Fragment Build(Node tree)
        {
            var fragment = Visit(tree);
            var words = (Positions.Count + 63) / 64;
            DigitMasks = new ulong[10][];
            for (var digit = 0; digit < 10; digit++)
            {
                DigitMasks[digit] = new ulong[words + 1];
                for (var p = 0; p < Positions.Count; p++)
                {
                    if ((Positions[p] & (1 << digit)) != 0)
                    {
                        DigitMasks[digit][p / 64] |= 1UL << (p % 64);
                    }
                }
            }

            return fragment;
        }

        private Fragment Visit(Node node)
        {
            if (Positions.Count > MaxPositions)
            {
                throw new InvalidOperationException("The pattern is too large for a digit automaton.");
            }

            switch (node)
            {
                case DigitSet set:
                    var position = Positions.Count;
                    Positions.Add(set.Mask);
                    Follow.Add([]);
                    return new Fragment(false, [position], [position]);
                case Sequence sequence:
                    var result = new Fragment(true, [], []);
                    foreach (var item in sequence.Items)
                    {
                        result = Concatenate(result, Visit(item));
                    }

                    return result;
                case Alternation alternation:
                    var union = new Fragment(false, [], []);
                    foreach (var choice in alternation.Choices)
                    {
                        var part = Visit(choice);
                        union = new Fragment(union.Nullable || part.Nullable, [.. union.First, .. part.First], [.. union.Last, .. part.Last]);
                    }

                    return union;
                case Repeat repeat:
                    var repeated = new Fragment(true, [], []);
                    for (var i = 0; i < repeat.Min; i++)
                    {
                        repeated = Concatenate(repeated, Visit(repeat.Item));
                    }

                    if (repeat.Max < 0)
                    {
                        var loop = Visit(repeat.Item);
                        Link(loop.Last, loop.First);
                        repeated = Concatenate(repeated, loop with { Nullable = true });
                    }
                    else
                    {
                        for (var i = repeat.Min; i < repeat.Max; i++)
                        {
                            repeated = Concatenate(repeated, Visit(repeat.Item) with { Nullable = true });
                        }
                    }

                    return repeated;
                default:
                    throw new InvalidOperationException("Unknown node.");
            }
        }

        private Fragment Concatenate(Fragment left, Fragment right)
        {
            Link(left.Last, right.First);
            return new Fragment(
                left.Nullable && right.Nullable,
                left.Nullable ? [.. left.First, .. right.First] : left.First,
                right.Nullable ? [.. left.Last, .. right.Last] : right.Last);
        }

        private void Link(List<int> from, List<int> to)
        {
            foreach (var p in from)
            {
                Follow[p].AddRange(to);
            }
        }
    }

    // A set of positions as bits; the word past the positions marks the start state.
    private sealed class PositionSet(ulong[] bits) : IEquatable<PositionSet>
    {
        public ulong[] Bits { get; } = bits;

        public static PositionSet Of(List<int> positions, int words)
        {
            var bits = new ulong[words + 1];
            foreach (var p in positions)
            {
                bits[p / 64] |= 1UL << (p % 64);
            }

            return new PositionSet(bits);
        }

        public IEnumerable<int> Members()
        {
            for (var w = 0; w < Bits.Length - 1; w++)
            {
                for (var word = Bits[w]; word != 0; word &= word - 1)
                {
                    yield return (w * 64) + System.Numerics.BitOperations.TrailingZeroCount(word);
                }
            }
        }

        public bool Intersects(PositionSet other)
        {
            for (var w = 0; w < Bits.Length; w++)
            {
                if ((Bits[w] & other.Bits[w]) != 0)
                {
                    return true;
                }
            }

            return false;
        }

        public bool Equals(PositionSet? other) => other is not null && Bits.AsSpan().SequenceEqual(other.Bits);

        public override bool Equals(object? obj) => Equals(obj as PositionSet);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Bits.AsSpan()));
            return hash.ToHashCode();
        }
    }
}

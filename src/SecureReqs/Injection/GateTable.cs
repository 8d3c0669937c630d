using System.Buffers;

namespace SecureReqs;

/// <summary>
/// Every gate of <see cref="InjectionGates"/> and <see cref="OutputGates"/> in one table, so that the gate words of a
/// text are found in one pass over it instead of one pass per gate (<see cref="GateWords"/>): the words of every gate
/// in one Aho-Corasick automaton, one step per character.
/// </summary>
/// <remarks>
/// Each gate is still a <see cref="SearchValues{T}"/> of its own, which <see cref="InjectionGates.Has"/> searches directly;
/// the table only adds a faster way to answer the same question. A gate with a non-ASCII word (the Chinese and Japanese
/// cues, the refusal and echo words of other scripts) has its ASCII words in the combined search and its non-ASCII words
/// searched on their own, only in a text that is not ASCII.
/// </remarks>
internal static class GateTable
{
    private static readonly Lock RegistrationLock = new();
    private static readonly List<(SearchValues<string> Gate, string[] Words)> Registered = [];
    private static readonly Lazy<Table> Built = new(Build);

    /// <summary>Creates a gate (an ordinal search for any of <paramref name="words"/>) and registers it in the table.</summary>
    /// <param name="words">The gate words.</param>
    /// <returns>The gate.</returns>
    public static SearchValues<string> Create(string[] words)
    {
        var gate = SearchValues.Create(words, StringComparison.Ordinal);
        lock (RegistrationLock)
        {
            Registered.Add((gate, [.. words]));
        }

        return gate;
    }

    /// <summary>The table, built on first use from every gate of <see cref="InjectionGates"/> and <see cref="OutputGates"/>.</summary>
    public static Table Current => Built.Value;

    /// <summary>Every gate of <see cref="InjectionGates"/> and <see cref="OutputGates"/> with its words, in table or not.</summary>
    public static IReadOnlyList<(SearchValues<string> Gate, string[] Words)> All
    {
        get
        {
            // Both classes register their gates in their static initialisers; touching a field runs them.
            _ = InjectionGates.Meta;
            _ = OutputGates.Shifts;
            lock (RegistrationLock)
            {
                return [.. Registered];
            }
        }
    }

    /// <summary>Whether a gate's words can go in the combined table: ASCII only, none empty.</summary>
    public static bool Fits(string[] words) => words.All(w => w.Length > 0 && System.Text.Ascii.IsValid(w));

    private static Table Build() => new([.. All.Where(r => Fits(r.Words))], [.. All.Where(r => !Fits(r.Words))]);

    /// <summary>The gates in the table, their ids, and the combined search.</summary>
    internal sealed class Table
    {
        private readonly Dictionary<SearchValues<string>, int> _ids = new(ReferenceEqualityComparer.Instance);
        // The words as an Aho-Corasick automaton over the characters they use: _next[state * _width + symbol] is the
        // state after reading a character (every transition filled in, so one lookup per character; state 0 is the start,
        // symbol 0 every character no word uses), and _marks[state * _stride ..] the bits of the gates with a word that
        // ends there, its own and those of its suffixes.
        private readonly byte[] _symbol = new byte[128];
        private readonly int _width;
        private readonly int _stride;
        private readonly ushort[] _next;
        private readonly ulong[] _marks;
        private readonly bool[] _marking;
        private readonly Dictionary<SearchValues<string>, int> _otherIds;
        private readonly SearchValues<string>?[] _otherNonAscii;

        /// <param name="gates">The gates searched in the combined pass.</param>
        /// <param name="others">
        /// Gates with non-ASCII words: their ASCII words join the combined pass (as bits after the table's own), and their
        /// non-ASCII words are searched on their own, only in a text that is not ASCII, at most once per text (<see cref="GateWords"/>).
        /// </param>
        public Table(IReadOnlyList<(SearchValues<string> Gate, string[] Words)> gates, IReadOnlyList<(SearchValues<string> Gate, string[] Words)>? others = null)
        {
            others ??= [];
            var gatesOfWord = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            for (var id = 0; id < gates.Count; id++)
            {
                _ids[gates[id].Gate] = id;
                AddWords(id, gates[id].Words);
            }

            Count = gates.Count;
            _otherIds = new Dictionary<SearchValues<string>, int>(ReferenceEqualityComparer.Instance);
            _otherNonAscii = new SearchValues<string>?[others.Count];
            for (var i = 0; i < others.Count; i++)
            {
                _otherIds[others[i].Gate] = i;
                AddWords(Count + i, [.. others[i].Words.Where(w => w.Length > 0 && System.Text.Ascii.IsValid(w))]);
                string[] nonAscii = [.. others[i].Words.Where(w => !System.Text.Ascii.IsValid(w))];
                _otherNonAscii[i] = nonAscii.Length == 0 ? null : SearchValues.Create(nonAscii, StringComparison.Ordinal);
            }

            Bits = Count + others.Count;
            // A word with a character other than a letter, a digit or one space between words can never occur in gate
            // words (InjectionGates.Words); leaving it out keeps every answer and the automaton's alphabet small.
            foreach (var never in gatesOfWord.Keys.Where(w => !CanOccurInWords(w)).ToList())
            {
                gatesOfWord.Remove(never);
            }

            var symbols = 0;
            foreach (var c in gatesOfWord.Keys.SelectMany(w => w).Distinct().Order())
            {
                _symbol[c] = (byte)++symbols;
            }

            _width = symbols + 1;
            _stride = (Bits + 63) / 64;

            // The trie of the words (child 0: none; the start is nobody's child) and the gates of the words ending at each node.
            var child = new List<int>(new int[_width]);
            var ends = new List<List<int>> { new() };
            foreach (var (word, ids) in gatesOfWord.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                var node = 0;
                foreach (var c in word)
                {
                    var slot = (node * _width) + _symbol[c];
                    if (child[slot] == 0)
                    {
                        child[slot] = ends.Count;
                        ends.Add([]);
                        child.AddRange(new int[_width]);
                    }

                    node = child[slot];
                }

                ends[node].AddRange(ids);
            }

            var nodes = ends.Count;
            if (nodes > ushort.MaxValue)
            {
                throw new InvalidOperationException($"The gate table has {nodes} trie nodes, more than {ushort.MaxValue}: store states as int.");
            }

            // Breadth first: each node's suffix link is known before its children's, so its transitions and marks are complete.
            _next = new ushort[nodes * _width];
            _marks = new ulong[nodes * _stride];
            _marking = new bool[nodes];
            var fail = new int[nodes];
            var queue = new Queue<int>();
            queue.Enqueue(0);
            while (queue.Count > 0)
            {
                var node = queue.Dequeue();
                foreach (var id in ends[node])
                {
                    _marks[(node * _stride) + (id >> 6)] |= 1UL << (id & 63);
                }

                for (var m = 0; m < _stride; m++)
                {
                    _marks[(node * _stride) + m] |= node == 0 ? 0 : _marks[(fail[node] * _stride) + m];
                    _marking[node] |= _marks[(node * _stride) + m] != 0;
                }

                for (var symbol = 0; symbol < _width; symbol++)
                {
                    var next = child[(node * _width) + symbol];
                    if (next != 0)
                    {
                        fail[next] = node == 0 ? 0 : _next[(fail[node] * _width) + symbol];
                        _next[(node * _width) + symbol] = (ushort)next;
                        queue.Enqueue(next);
                    }
                    else
                    {
                        _next[(node * _width) + symbol] = node == 0 ? (ushort)0 : _next[(fail[node] * _width) + symbol];
                    }
                }
            }

            void AddWords(int id, IEnumerable<string> words)
            {
                foreach (var word in words)
                {
                    if (!gatesOfWord.TryGetValue(word, out var list))
                    {
                        gatesOfWord[word] = list = [];
                    }

                    if (!list.Contains(id))
                    {
                        list.Add(id);
                    }
                }
            }
        }

        private static bool CanOccurInWords(string word) =>
            word.All(c => char.IsLetterOrDigit(c) || c == ' ') && !word.Contains("  ", StringComparison.Ordinal);

        /// <summary>How many gates the table holds.</summary>
        public int Count { get; }

        /// <summary>How many bits a text's marks take: the table's gates, then the ASCII words of the gates with non-ASCII words.</summary>
        public int Bits { get; }

        /// <summary>The id of a gate with non-ASCII words (its bit is <see cref="Count"/> plus the id), or -1.</summary>
        public int OtherId(SearchValues<string> gate) => _otherIds.TryGetValue(gate, out var id) ? id : -1;

        /// <summary>The non-ASCII words of a gate with non-ASCII words, searched on their own.</summary>
        public SearchValues<string>? OtherNonAscii(int id) => _otherNonAscii[id];

        /// <summary>The id of a gate, or -1 when it is not in the table.</summary>
        public int Id(SearchValues<string> gate) => _ids.TryGetValue(gate, out var id) ? id : -1;

        /// <summary>Sets the bit of every gate that has a word in <paramref name="text"/>, one automaton step per character.</summary>
        /// <param name="text">The text (gate words, <see cref="InjectionGates.Words"/>).</param>
        /// <param name="present">The bits, <see cref="Bits"/> of them.</param>
        public void Mark(string text, ulong[] present)
        {
            var state = 0;
            foreach (var c in text)
            {
                state = _next[(state * _width) + (c < 128 ? _symbol[c] : 0)];
                if (_marking[state])
                {
                    for (var m = 0; m < _stride; m++)
                    {
                        present[m] |= _marks[(state * _stride) + m];
                    }
                }
            }
        }
    }
}

using System.Buffers;

namespace SecureReqs;

/// <summary>
/// Every gate of <see cref="InjectionGates"/> and <see cref="OutputGates"/> in one table, so that the gate words of a
/// text are found in one pass over it instead of one pass per gate (<see cref="GateWords"/>).
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
        private readonly Dictionary<char, (string Word, int[] Gates)[]> _byFirst;
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
            // words (InjectionGates.Words); leaving it out keeps every answer and the search on its vectorised path.
            foreach (var never in gatesOfWord.Keys.Where(w => !CanOccurInWords(w)).ToList())
            {
                gatesOfWord.Remove(never);
            }

            Any = SearchValues.Create([.. gatesOfWord.Keys], StringComparison.Ordinal);
            _byFirst = gatesOfWord
                .GroupBy(p => p.Key[0])
                .ToDictionary(g => g.Key, g => g.Select(p => (p.Key, p.Value.ToArray())).ToArray());

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

        /// <summary>A search for any word of any gate in the table.</summary>
        public SearchValues<string> Any { get; }

        /// <summary>The id of a gate, or -1 when it is not in the table.</summary>
        public int Id(SearchValues<string> gate) => _ids.TryGetValue(gate, out var id) ? id : -1;

        /// <summary>Sets the bit of every gate that has a word starting at <paramref name="position"/> of <paramref name="text"/>.</summary>
        /// <returns>How many words were compared: at most the number of gate words with that first letter, a constant.</returns>
        public int MarkAt(string text, int position, ulong[] present)
        {
            if (!_byFirst.TryGetValue(text[position], out var candidates))
            {
                return 0;
            }

            var rest = text.AsSpan(position);
            foreach (var (word, gates) in candidates)
            {
                if (rest.StartsWith(word, StringComparison.Ordinal))
                {
                    foreach (var id in gates)
                    {
                        present[id >> 6] |= 1UL << (id & 63);
                    }
                }
            }

            return candidates.Length;
        }
    }
}

using System.Buffers;

namespace SecureReqs;

/// <summary>
/// The gates a text's gate words hold (<see cref="InjectionGates.Words"/>), found in one pass over the text for every gate
/// of <see cref="GateTable"/>: the prefilter that decides which patterns run.
/// </summary>
/// <remarks>
/// <see cref="Has"/> answers exactly what <see cref="InjectionGates.Has"/> answers: the table's Aho-Corasick automaton
/// reads the text once, and at each position marks every gate with a word ending there, so a gate is marked if and only
/// if one of its words occurs in the text. A gate outside the table is searched directly. One instance per text;
/// not thread-safe.
/// </remarks>
internal sealed class GateWords
{
    private readonly string _words;
    private readonly GateTable.Table _table;
    private readonly ulong[] _present;
    private bool _nonAsciiMarked;

    /// <summary>Finds the gates of a gate-word string.</summary>
    /// <param name="words">The text's gate words (<see cref="InjectionGates.Words"/>).</param>
    public GateWords(string words)
        : this(words, GateTable.Current)
    {
    }

    /// <summary>Finds the gates of a gate-word string with a given table (tests build tables of their own).</summary>
    internal GateWords(string words, GateTable.Table table)
    {
        _words = words;
        _table = table;
        _present = new ulong[(table.Bits + 63) / 64];
        table.Mark(words, _present);
    }

    /// <summary>The gate-word string.</summary>
    public string Words => _words;

    /// <summary>Whether the gate words hold one of <paramref name="gate"/>'s words.</summary>
    /// <param name="gate">A gate.</param>
    /// <returns>The same answer as <see cref="InjectionGates.Has"/>.</returns>
    /// <remarks>A gate with non-ASCII words has its ASCII words marked by the combined pass; its non-ASCII words are
    /// searched once per text, only in a text that is not ASCII (an ASCII text cannot hold one).</remarks>
    public bool Has(SearchValues<string> gate)
    {
        var id = _table.Id(gate);
        if (id >= 0)
        {
            return IsMarked(id);
        }

        var other = _table.OtherId(gate);
        if (other < 0)
        {
            return InjectionGates.Has(_words, gate);
        }

        if (!_nonAsciiMarked)
        {
            // Once per text, and only in a text that is not ASCII: mark the gates whose non-ASCII words it holds.
            _nonAsciiMarked = true;
            if (!System.Text.Ascii.IsValid(_words))
            {
                for (var i = 0; i < _table.Bits - _table.Count; i++)
                {
                    if (_table.OtherNonAscii(i) is { } nonAscii && _words.AsSpan().IndexOfAny(nonAscii) >= 0)
                    {
                        Mark(_table.Count + i);
                    }
                }
            }
        }

        return IsMarked(_table.Count + other);
    }

    private bool IsMarked(int bit) => (_present[bit >> 6] & (1UL << (bit & 63))) != 0;

    private void Mark(int bit) => _present[bit >> 6] |= 1UL << (bit & 63);
}

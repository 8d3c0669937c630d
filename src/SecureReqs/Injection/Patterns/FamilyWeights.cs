using System.Globalization;

namespace SecureReqs;

/// <summary>The weights of one signal family, each read by the family's code when it is built.</summary>
internal sealed class FamilyWeights
{
    private readonly Dictionary<string, (SignalWeight Weight, long Line)> _weights;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private bool _requested;

    internal FamilyWeights(string file, string family, long line, Dictionary<string, (SignalWeight Weight, long Line)> weights)
    {
        File = file;
        Family = family;
        Line = line;
        _weights = weights;
    }

    /// <summary>The file.</summary>
    public string File { get; }

    /// <summary>The family's name.</summary>
    public string Family { get; }

    /// <summary>Whether the code asked for this family.</summary>
    public bool IsRequested => _requested;

    /// <summary>The line of the family's object in the file.</summary>
    public long Line { get; }

    /// <summary>One weight.</summary>
    /// <param name="key">The evidence's name in the file.</param>
    /// <exception cref="DataFileException">The file has no such weight.</exception>
    public SignalWeight this[string key]
    {
        get
        {
            _read.Add(key);
            return _weights.TryGetValue(key, out var w) ? w.Weight
                : throw new DataFileException(string.Create(CultureInfo.InvariantCulture, $"{File}({Line}): the family \"{Family}\" has no weight \"{key}\", which its patterns report. Fix: add \"{key}\": {{\"user\": <0 to 1>, \"untrusted\": <0 to 1>}} to \"{Family}\"."), File, Line);
        }
    }

    /// <summary>Marks the family as one the code knows.</summary>
    /// <returns>This.</returns>
    public FamilyWeights Requested()
    {
        _requested = true;
        return this;
    }

    /// <summary>Throws when the file holds a family no code knows, or a weight the family's code never read (a typo, or a pattern since removed).</summary>
    /// <param name="known">The families the code knows, for the message.</param>
    /// <exception cref="DataFileException">A family or weight is unused.</exception>
    public void ThrowIfUnread(IEnumerable<string> known)
    {
        if (!_requested)
        {
            throw new DataFileException(string.Create(CultureInfo.InvariantCulture, $"{File}({Line}): unknown family \"{Family}\". Fix: correct the name or remove it; the families are {string.Join(", ", known)}."), File, Line);
        }

        foreach (var (key, (_, line)) in _weights)
        {
            if (!_read.Contains(key))
            {
                throw new DataFileException(string.Create(CultureInfo.InvariantCulture, $"{File}({line}): the family \"{Family}\" has a weight \"{key}\" that none of its patterns reports. Fix: correct the name or remove it; the family reads {string.Join(", ", _read.Order(StringComparer.Ordinal))}."), File, line);
            }
        }
    }
}

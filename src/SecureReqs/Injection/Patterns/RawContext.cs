using System.Buffers;
using System.Text.RegularExpressions;

namespace SecureReqs;

/// <summary>One layer as given (before folding), scanned by the families' <see cref="IInjectionFamily.ScanRaw"/>.</summary>
/// <remarks>One instance per layer; not thread-safe.</remarks>
internal sealed class RawContext
{
    private readonly InjectionScan _scan;
    private readonly Dictionary<object, List<Match>> _matches = new(ReferenceEqualityComparer.Instance);

    private readonly GateWords _gates;

    public RawContext(InjectionScan scan, string raw, InjectionText text, GateWords gates, InjectionOrigin origin, string layer, int depth)
    {
        _scan = scan;
        Raw = raw;
        Text = text;
        _gates = gates;
        Words = gates.Words;
        Origin = origin;
        Layer = layer;
        Depth = depth;
        Ascii = System.Text.Ascii.IsValid(raw);
    }

    /// <summary>The text as given.</summary>
    public string Raw { get; }

    /// <summary>Its folded form, with what folding found hidden.</summary>
    public InjectionText Text { get; }

    /// <summary>The folded text.</summary>
    public string Shadow => Text.Shadow;

    /// <summary>The gate words of the shadow.</summary>
    public string Words { get; }

    /// <summary>Whether the text is all ASCII.</summary>
    public bool Ascii { get; }

    /// <summary>Where the layer sits in the assessed text.</summary>
    public InjectionOrigin Origin { get; }

    /// <summary>The layer's name.</summary>
    public string Layer { get; }

    /// <summary>How many decodings deep the layer is.</summary>
    public int Depth { get; }

    /// <summary>The deepest decoding allowed.</summary>
    public int MaxDepth => _scan.MaxDepth;

    /// <summary>Whether the layer may be decoded further.</summary>
    public bool CanDecode => Depth < MaxDepth;

    /// <summary>How many signals the scan holds so far.</summary>
    public int SignalCount => _scan.SignalCount;

    /// <summary>Whether the gate words hold one of <paramref name="gate"/>.</summary>
    public bool Has(SearchValues<string> gate) => _gates.Has(gate);

    /// <summary>Whether a signal of weight 0.2 or more was added since the scan held <paramref name="before"/> signals.</summary>
    public bool HasEvidenceSince(int before) => _scan.HasEvidenceSince(before);

    /// <summary>The matches of a pattern in the raw text, found once per layer.</summary>
    public IReadOnlyList<Match> Matches(Regex regex)
    {
        if (!_matches.TryGetValue(regex, out var list))
        {
            var started = PatternTiming.Start();
            list = [];
            for (var m = regex.Match(Raw); m.Success; m = m.NextMatch())
            {
                list.Add(m);
            }

            _matches[regex] = list;
            PatternTiming.Stop(regex, started);
        }

        return list;
    }

    /// <summary>The matches of a pattern with context in the raw text, found once per layer.</summary>
    public IReadOnlyList<Match> Matches(ContextRegex regex)
    {
        if (!_matches.TryGetValue(regex, out var list))
        {
            var started = PatternTiming.Start();
            list = regex.Prefilter.MayMatch(Raw) ? [.. regex.Matches(Raw)] : [];
            _matches[regex] = list;
            PatternTiming.Stop(regex, started);
        }

        return list;
    }

    /// <summary>The matches of a pattern that starts on the backtracking engine (<see cref="TieredRegex"/>), found once per text.</summary>
    public IReadOnlyList<Match> Matches(TieredRegex regex)
    {
        if (!_matches.TryGetValue(regex, out var list))
        {
            var started = PatternTiming.Start();
            list = regex.Matches(Raw);
            _matches[regex] = list;
            PatternTiming.Stop(regex, started);
        }

        return list;
    }

    /// <summary>The matches of a pattern when <paramref name="gate"/> holds, otherwise none.</summary>
    public IReadOnlyList<Match> Matches(bool gate, Regex regex) => gate ? Matches(regex) : [];

    /// <summary>
    /// The matches of a pattern when <paramref name="gate"/> holds, otherwise none; the pattern is obtained only when the
    /// gate holds, and runs on the backtracking engine until it has been used a lot (<see cref="TieredRegex"/>).
    /// </summary>
    /// <remarks>The pattern's literal prefilter (<see cref="RegexPrefilter"/>) is part of the gate: a text without any of its literals cannot match.</remarks>
    public IReadOnlyList<Match> Matches(bool gate, Func<Regex> regex) => gate && RegexPrefilter.For(regex).MayMatch(Raw) ? Matches(TieredRegex.For(regex)) : [];

    /// <summary>The matches of a pattern with context when <paramref name="gate"/> holds, otherwise none; the pattern is obtained only then.</summary>
    public IReadOnlyList<Match> Matches(bool gate, Func<ContextRegex> regex) => gate ? Matches(PatternTiming.Get(regex)) : [];

    /// <summary>The matches of a pattern with context when <paramref name="gate"/> holds, otherwise none.</summary>
    public IReadOnlyList<Match> Matches(bool gate, ContextRegex regex) => gate ? Matches(regex) : [];

    /// <summary>Adds evidence for a match in the raw text.</summary>
    public void Hit(string name, SignalWeight weight, Match match)
    {
        var (start, end) = Origin.Span(match.Index, match.Index + match.Length);
        _scan.Add(name, weight, start, end, Layer);
    }

    /// <summary>Adds evidence for a span of the assessed text.</summary>
    public void Add(string name, SignalWeight weight, int start, int end, string layer) => _scan.Add(name, weight, start, end, layer);

    /// <summary>Scans a text decoded from this layer one level deeper.</summary>
    public void ScanDecoded(string decoded, InjectionOrigin origin, string layer, bool bonus) => _scan.ScanDecoded(decoded, origin, layer, Depth + 1, bonus);
}

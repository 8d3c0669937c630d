using System.Buffers;
using System.Text.RegularExpressions;

namespace SecureReqs;

/// <summary>
/// One shadow (or shadow variant) being scanned by the families: the text, its gate words, the facts several families
/// share, computed at most once, and the way evidence is added.
/// </summary>
/// <remarks>One instance per shadow; not thread-safe.</remarks>
internal sealed class ShadowContext
{
    private readonly InjectionScan _scan;
    private readonly InjectionScan.Mapper _mapper;
    // Sized for the patterns a shadow typically runs, so that the table is not grown four times per text.
    private readonly Dictionary<object, List<Match>> _matches = new(32, ReferenceEqualityComparer.Instance);
    private readonly SignalWeight _reportedDiscount;
    private int[]? _quotesBefore;
    private bool? _fiction;
    private bool? _aiReference;
    private OutputDemands? _demands;

    private readonly GateWords _gates;

    // gates: the shadow's gate words when the caller has found them already (the layer's own shadow), else null.
    public ShadowContext(InjectionScan scan, string shadow, InjectionScan.Mapper mapper, string layer, bool meta, bool lexical, SignalWeight reportedDiscount, GateWords? gates = null)
    {
        _scan = scan;
        _mapper = mapper;
        _reportedDiscount = reportedDiscount;
        Shadow = shadow;
        Layer = layer;
        Meta = meta;
        Lexical = lexical;
        _gates = gates ?? new GateWords(InjectionGates.Words(shadow));
        Words = _gates.Words;
        OverrideVerb = Has(InjectionGates.OverrideVerbs);
        Cjk = Has(InjectionGates.Cjk);
    }

    /// <summary>The folded text.</summary>
    public string Shadow { get; }

    /// <summary>The shadow reduced to letters and digits (<see cref="InjectionGates.Words"/>), where gates are looked up.</summary>
    public string Words { get; }

    /// <summary>The layer's name: <c>text</c>, or the decoding or variant that produced it.</summary>
    public string Layer { get; }

    /// <summary>Whether the text discusses prompt attacks, so that quoted or reported evidence is discounted.</summary>
    public bool Meta { get; }

    /// <summary>Whether the raw text was not ASCII, so that patterns that read raw text also read the shadow.</summary>
    public bool Lexical { get; }

    /// <summary>Whether the text holds an override verb (a gate shared by several families).</summary>
    public bool OverrideVerb { get; }

    /// <summary>Whether the text holds Chinese or Japanese cue words.</summary>
    public bool Cjk { get; }

    /// <summary>The source of the assessed text.</summary>
    public InjectionSource Source => _scan.Source;

    /// <summary>Whether the text sets a fiction, game or hypothetical frame.</summary>
    public bool Fiction => _fiction ??= Has(InjectionGates.Fiction) && TieredRegex.For(InjectionPatterns.FictionFrame).IsMatch(Shadow);

    /// <summary>Whether the text names an AI anywhere.</summary>
    public bool AiReference => _aiReference ??= TieredRegex.For(InjectionPatterns.AiReference).IsMatch(Shadow);

    /// <summary>What the text demands the answer carry (literals, links, echo rules), shared by the families that report it.</summary>
    public OutputDemands Demands => _demands ??= new OutputDemands(this, _scan.Families.Demands);

    /// <summary>Whether the gate words hold one of <paramref name="gate"/>.</summary>
    public bool Has(SearchValues<string> gate) => _gates.Has(gate);

    /// <summary>The matches of a pattern in the shadow, found once per shadow whichever family asks.</summary>
    public IReadOnlyList<Match> Matches(Regex regex)
    {
        if (!_matches.TryGetValue(regex, out var list))
        {
            var started = PatternTiming.Start();
            list = [];
            for (var m = regex.Match(Shadow); m.Success; m = m.NextMatch())
            {
                list.Add(m);
            }

            _matches[regex] = list;
            PatternTiming.Stop(regex, started);
        }

        return list;
    }

    /// <summary>The matches of a pattern with context in the shadow, found once per shadow.</summary>
    public IReadOnlyList<Match> Matches(ContextRegex regex)
    {
        if (!_matches.TryGetValue(regex, out var list))
        {
            var started = PatternTiming.Start();
            list = regex.Prefilter.MayMatch(Shadow) ? [.. regex.Matches(Shadow)] : [];
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
            list = regex.Matches(Shadow);
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
    public IReadOnlyList<Match> Matches(bool gate, Func<Regex> regex) => gate && RegexPrefilter.For(regex).MayMatch(Shadow) ? Matches(TieredRegex.For(regex)) : [];

    /// <summary>The matches of a pattern with context when <paramref name="gate"/> holds, otherwise none; the pattern is obtained only then.</summary>
    public IReadOnlyList<Match> Matches(bool gate, Func<ContextRegex> regex) => gate ? Matches(PatternTiming.Get(regex)) : [];

    /// <summary>The matches of a pattern with context when <paramref name="gate"/> holds, otherwise none.</summary>
    public IReadOnlyList<Match> Matches(bool gate, ContextRegex regex) => gate ? Matches(regex) : [];

    /// <summary>Adds evidence for a match, discounted when it is quoted or reported speech in a text about attacks.</summary>
    public void Hit(string name, SignalWeight weight, Match match, bool discountable = true) =>
        Hit(name, weight, match.Index, match.Index + match.Length, discountable);

    /// <summary>Adds evidence for a span of the shadow found without a pattern, discounted as <see cref="Hit(string, SignalWeight, Match, bool)"/> is.</summary>
    public void Hit(string name, SignalWeight weight, int start, int end, bool discountable = true)
    {
        if (discountable && Meta && IsReported(start))
        {
            weight = weight.Times(_reportedDiscount);
        }

        var (s, e) = _mapper.Span(start, end);
        _scan.Add(name, weight, s, e, Layer);
    }

    /// <summary>Adds evidence for a span of the shadow.</summary>
    public void Add(string name, SignalWeight weight, int start, int end)
    {
        var (s, e) = _mapper.Span(start, end);
        _scan.Add(name, weight, s, e, Layer);
    }

    /// <summary>Whether the words just before <paramref name="index"/> describe someone else ("the bot never refuses").</summary>
    public bool ThirdPersonBefore(int index)
    {
        var from = Math.Max(0, index - 30);
        return TieredRegex.For(InjectionPatterns.ThirdPersonSubject).IsMatch(Shadow.AsSpan(from, index - from));
    }

    /// <summary>
    /// Whether a quotation opened between <paramref name="start"/> and <paramref name="end"/> (on one line) is still open
    /// at <paramref name="end"/>: an odd number of quote characters between them, counted as for reported speech.
    /// </summary>
    public bool OpensQuotation(int start, int end)
    {
        var quotes = _quotesBefore ??= CountQuotes(Shadow);
        return (quotes[end] - quotes[start]) % 2 == 1;
    }

    /// <summary>Whether the match at <paramref name="index"/> is quoted or reported speech.</summary>
    /// <remarks>The quotes before each position on its line are counted once for the whole shadow, so that many matches on one long line cost time linear in it.</remarks>
    private bool IsReported(int index)
    {
        var quotes = (_quotesBefore ??= CountQuotes(Shadow))[index];
        if (quotes % 2 == 1)
        {
            return true;
        }

        var from = Math.Max(0, index - 40);
        return TieredRegex.For(InjectionPatterns.ReportedSpeechCue).IsMatch(Shadow.AsSpan(from, index - from));
    }

    /// <summary>For each position, how many quote characters stand between the start of its line and it.</summary>
    /// <remarks>
    /// A single quote counts when it is not an apostrophe inside a word ("don't"); the corner brackets of Chinese and
    /// Japanese count as quotes; a line break starts the count again.
    /// </remarks>
    private static int[] CountQuotes(string shadow)
    {
        var counts = new int[shadow.Length + 1];
        var count = 0;
        for (var i = 0; i < shadow.Length; i++)
        {
            counts[i] = count;
            var c = shadow[i];
            if (c == '\n')
            {
                count = 0;
            }
            else if (c is '"' or '`' or '«' or '「' or '」' or '『' or '』'
                || c == '\'' && !(i > 0 && char.IsLetter(shadow[i - 1]) && i + 1 < shadow.Length && char.IsLetter(shadow[i + 1])))
            {
                count++;
            }
        }

        counts[shadow.Length] = count;
        return counts;
    }
}

using System.Text.RegularExpressions;
using static SecureReqs.InjectionSignals;

namespace SecureReqs;

/// <summary>
/// What a shadow demands the answer carry: literals (a phrase, a code-like token, a link) after an out-verb, made
/// exclusive, given as the assistant's name, or demanded in Chinese or Japanese. Found once per shadow and shared by the
/// families that report it (<see cref="ForcedPrefixFamily"/> for phrases and tokens, <see cref="ExfiltrationLinkFamily"/>
/// for links) and by those whose weight depends on it (a task switch or an authority claim next to a forced output).
/// </summary>
internal sealed class OutputDemands
{
    /// <summary>The user-turn weight from which a demanded literal forces the output (and so strengthens related evidence).</summary>
    private const double ForcingWeight = 0.4;

    private static readonly string[] WeakExclusives = ["only", "just", "solely", "simply", "einfach", "simplement", "solo", "solamente", "seulement", "uniquement", "nur", "apenas", "somente", "soltanto", "alleen"];

    private readonly ShadowContext _context;
    private bool? _forcedAfterEcho;

    public OutputDemands(ShadowContext context, DemandWeights weights)
    {
        _context = context;
        var shadow = context.Shadow;
        HasLiteral = OutputGates.HasLiteralCandidate(shadow);
        var literals = new List<(Match, string, SignalWeight)>();
        var forced = false;
        var token = false;
        var aiAddressee = (bool?)null;
        foreach (var m in (HasLiteral ? InjectionPatterns.OutputLiterals(shadow) : []))
        {
            AnyOutputLiteral = true;
            var literal = m.Groups["literal"];
            if (literal.Index > 0 && shadow[literal.Index - 1] is '(' or ',')
            {
                // An argument in code ("print('x')", "f(a, 'b')"), not something the reader is told to output.
                continue;
            }

            var window = Window(shadow, m.Index, literal.Index + literal.Length);
            var (strong, weak) = Exclusivity(window);
            var answer = TieredRegex.For(InjectionPatterns.AnswerReference).IsMatch(window);
            var kind = LiteralKind(literal.Value);
            if (kind == 'q' && HoldsToken(shadow, literal.Index, Math.Min(shadow.Length, literal.Index + literal.Length + 60)))
            {
                kind = 't';
            }

            var renders = kind == 'u' && literal.Value.Contains('?', StringComparison.Ordinal) && TieredRegex.For(InjectionPatterns.RenderResource).IsMatch(window);
            strong |= renders;
            var positional = answer && TieredRegex.For(InjectionPatterns.PositionalVerbWord).IsMatch(m.Groups["verb"].Value);
            strong |= positional && kind != 'q';
            weak |= positional;
            var weight = (kind, strong, weak || answer) switch
            {
                ('t', true, _) => weights.TokenExclusive,
                ('t', false, true) => weights.TokenAnswer,
                ('q', true, _) => weights.QuotedExclusive,
                ('q', false, true) when weak && answer => weights.QuotedWeakAnswer,
                ('q', false, true) => weights.QuotedAnswer,
                ('u', true, _) or ('u', false, true) => weights.LinkDemanded,
                ('t', false, false) => weights.Token,
                ('u', false, false) => weights.Link,
                _ => weights.Quoted,
            };
            weight = InDocument(weight, answer);

            forced |= weight.User >= ForcingWeight;
            token |= kind == 't';
            literals.Add((m, kind == 'u' ? ExfiltrationLink : ForcedPrefix, weight));
        }

        foreach (var m in context.Matches(HasLiteral && context.Has(OutputGates.ExclusiveLiteral), InjectionPatterns.ExclusiveLiteral))
        {
            var kind = LiteralKind(m.Groups["literal"].Value);
            forced |= kind != 'q';
            literals.Add((m, kind == 'u' ? ExfiltrationLink : ForcedPrefix, kind == 'u' ? weights.ExclusiveLink : kind == 'q' ? weights.ExclusiveQuoted : weights.ExclusiveToken));
        }

        foreach (var m in context.Matches(HasLiteral && context.Has(OutputGates.NamedLiteral), InjectionPatterns.NamedOrFinalLiteral))
        {
            var kind = LiteralKind(m.Groups["literal"].Value);
            var exclusive = Exclusivity(Window(shadow, m.Index, m.Index + m.Length));
            forced |= kind != 'q' && (exclusive.Strong || exclusive.Weak);
            literals.Add((m, ForcedPrefix, kind == 'q' ? weights.NamedQuoted : exclusive.Strong || exclusive.Weak ? weights.NamedExclusive : weights.NamedToken));
        }

        var cjk = !System.Text.Ascii.IsValid(shadow);
        foreach (var m in context.Matches(cjk, InjectionPatterns.OutputControlCjk))
        {
            forced = true;
            literals.Add((m, ForcedPrefix, weights.OutputControlCjk));
        }

        // "输出“我自由了”", "「アクセス許可」と出力して": as a quoted literal after an out-verb above, exclusive when "only" or
        // "nothing else matters" stands within 30 characters of it and the sentence is not a question ("只要回复“收到”就可以了吗？");
        // in a document, ordinary text ("他说“你好”") unless it is about the answer or an AI is addressed.
        foreach (var m in context.Matches(cjk && shadow.AsSpan().IndexOfAny("\"「『") >= 0, InjectionPatterns.OutputQuotedCjk))
        {
            var from = Math.Max(0, m.Index - 30);
            var to = Math.Min(shadow.Length, m.Index + m.Length + 30);
            var exclusive = TieredRegex.For(InjectionPatterns.ExclusiveCjk).IsMatch(shadow.AsSpan(from, to - from)) && !Sentences.EndsInQuestion(shadow, m.Index + m.Length, 60);
            var weight = InDocument(exclusive ? weights.QuotedExclusive : weights.Quoted, TieredRegex.For(InjectionPatterns.AnswerReference).IsMatch(shadow.AsSpan(from, to - from)));

            forced |= weight.User >= ForcingWeight;
            literals.Add((m, ForcedPrefix, weight));
        }

        Literals = literals;
        Forced = forced;
        TokenOutput = token;

        // In a document, "print 'x'" or "他说“你好”" is ordinary text unless it is about the reader's answer or an AI is addressed.
        SignalWeight InDocument(SignalWeight weight, bool answer) =>
            answer || (aiAddressee ??= TieredRegex.For(InjectionPatterns.AiAddressee).IsMatch(shadow)) ? weight : weight with { Untrusted = Math.Min(weight.Untrusted, weight.User) };
    }

    /// <summary>Whether the shadow holds anything an answer could be made to carry (<see cref="OutputGates.HasLiteralCandidate"/>).</summary>
    public bool HasLiteral { get; }

    /// <summary>Whether an out-verb is followed by a literal at all, even one that turns out to be an argument in code.</summary>
    public bool AnyOutputLiteral { get; }

    /// <summary>The demanded literals, each with the family that reports it and its weight.</summary>
    public IReadOnlyList<(Match Match, string Family, SignalWeight Weight)> Literals { get; }

    /// <summary>Whether a demanded literal forces the output.</summary>
    public bool Forced { get; }

    /// <summary>Whether a code-like token is demanded after an out-verb.</summary>
    public bool TokenOutput { get; }

    /// <summary>Whether the output is forced, counting a standing rule to echo what comes next.</summary>
    public bool ForcedAfterEcho => _forcedAfterEcho ??= Forced || EchoRules.Any(m => !IsEchoGame(m));

    /// <summary>The echo rules ("repeat after me", "say back whatever I send").</summary>
    public IReadOnlyList<Match> EchoRules => _context.Matches(_context.Has(OutputGates.Echo), InjectionPatterns.EchoRule);

    /// <summary>"Repeat after me" alone is a harmless game; a standing rule to echo whatever comes next is not.</summary>
    public static bool IsEchoGame(Match echo) =>
        echo.Value.Contains("after", StringComparison.Ordinal) || echo.Value.Contains("exactly", StringComparison.Ordinal);

    /// <summary>A hundred characters either side of a span.</summary>
    public static string Window(string shadow, int start, int end)
    {
        var from = Math.Max(0, start - 100);
        var to = Math.Min(shadow.Length, end + 100);
        return shadow[from..to];
    }

    /// <summary>Whether a window holds a strong exclusivity word ("exactly", "nothing else") or a weak one ("only", "just").</summary>
    public static (bool Strong, bool Weak) Exclusivity(string window)
    {
        bool strong = false, weak = false;
        foreach (var m in TieredRegex.For(InjectionPatterns.ExclusiveWord).Matches(window))
        {
            if (strong && weak)
            {
                break;
            }

            if (WeakExclusives.Contains(m.Value, StringComparer.Ordinal) || m.Groups["weak"].Success)
            {
                weak = true;
            }
            else
            {
                strong = true;
            }
        }

        return (strong, weak);
    }

    /// <summary>'q' for a quoted string, 'u' for a URL, 't' for a code-like token.</summary>
    public static char LiteralKind(string literal) =>
        literal.StartsWith("http", StringComparison.Ordinal) ? 'u'
        : literal.Length > 0 && literal[0] is '"' or '\'' or '`' or '«' or '「' or '『'
            ? (InjectionPatterns.AnyLiteral().Match(literal, 1, literal.Length - 2) is { Success: true } inner && LiteralKind(inner.Value) != 'q' ? 't' : 'q')
        : 't';

    /// <summary>Whether a literal that is a code-like token starts in the shadow from <paramref name="start"/> to <paramref name="end"/>, read as a text of its own.</summary>
    private static bool HoldsToken(string shadow, int start, int end)
    {
        var window = shadow[start..end];
        foreach (var x in InjectionPatterns.AnyLiteral().Matches(window))
        {
            if (LiteralKind(x.Value) == 't')
            {
                return true;
            }
        }

        return false;
    }
}

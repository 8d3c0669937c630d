using System.Buffers;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using static SecureReqs.InjectionSignals;

namespace SecureReqs;

/// <summary>One assessment in progress: runs the patterns over a text and its decoded layers and collects the signals.</summary>
/// <remarks>One instance per call; not thread-safe.</remarks>
internal sealed class InjectionScan
{
    private static readonly string[] Keywords = ["ignore", "instructions", "previous", "prompt", "disregard", "password", "system", "secret", "reveal", "jailbreak", "reply", "answer", "repeat", "respond"];
    private static readonly string[] Rot13Keywords = [.. Keywords.Select(Rot13)];
    private static readonly string[] ReversedKeywords = [.. Keywords.Select(k => new string([.. k.Reverse()]))];

    private static readonly SearchValues<string> PersonaNames = SearchValues.Create(["DAN", "STAN", "DUDE", "AIM", "UCAR", "AntiGPT", "DevMode"], StringComparison.Ordinal);

    private readonly List<InjectionSignal> _signals = [];
    private readonly InjectionSource _source;
    private readonly int _maxDepth;
    private bool _contextChecked;

    public InjectionScan(InjectionSource source, int maxDepth)
    {
        _source = source;
        _maxDepth = maxDepth;
    }

    /// <summary>Combines signals: per family <c>1 − Π(1 − wₖ/2ᵏ)</c> over non-overlapping evidence, heaviest first; then <c>1 − Π(1 − family)</c>.</summary>
    public static double Combine(IReadOnlyList<InjectionSignal> signals)
    {
        var remaining = 1.0;
        foreach (var family in signals.GroupBy(s => s.Name, StringComparer.Ordinal))
        {
            var kept = new List<InjectionSignal>();
            foreach (var signal in family.OrderByDescending(s => s.Weight))
            {
                if (!kept.Any(k => k.Start < signal.End && signal.Start < k.End || k.Start == signal.Start))
                {
                    kept.Add(signal);
                }
            }

            var familyRemaining = 1.0;
            for (var k = 0; k < kept.Count; k++)
            {
                familyRemaining *= 1 - kept[k].Weight / (1 << Math.Min(k, 20));
            }

            remaining *= familyRemaining;
        }

        return Math.Clamp(1 - remaining, 0, 1);
    }

    /// <summary>The signals found, deduplicated, ordered by start then weight.</summary>
    public IReadOnlyList<InjectionSignal> Result() =>
        [.. _signals
            .GroupBy(s => (s.Name, s.Start, s.End))
            .Select(g => g.MaxBy(s => s.Weight)!)
            .OrderBy(s => s.Start).ThenByDescending(s => s.Weight).ThenBy(s => s.Name, StringComparer.Ordinal)];

    /// <summary>Scans one layer: the text itself, its obfuscated variants and, within the depth budget, its decoded runs.</summary>
    public void ScanLayer(string raw, InjectionOrigin origin, string layer, int depth)
    {
        var text = InjectionText.Fold(raw);
        var shadow = text.Shadow;
        var meta = InjectionGates.Has(InjectionGates.Words(shadow), InjectionGates.Meta) && InjectionPatterns.MetaDiscussion().IsMatch(shadow);
        var mapper = new Mapper(text, origin);

        ScanShadow(shadow, mapper, layer, meta, lexical: !System.Text.Ascii.IsValid(raw));
        ScanRaw(raw, shadow, origin, layer, depth);
        ScanHidden(text, raw, origin, depth);

        if (!_contextChecked && _signals.Any(s => s.Weight >= 0.2) && InjectionPatterns.SecondPersonTarget().IsMatch(shadow))
        {
            _contextChecked = true;
            var (start, end) = origin.Span(0, raw.Length);
            Add(ImperativeContext, 0.1, 0.1, start, end, layer);
        }

        ScanVariants(text, mapper, meta);

        if (depth >= _maxDepth)
        {
            return;
        }

        ScanEncodedRuns(raw, shadow, origin, depth);
        if (shadow.Contains("first", StringComparison.Ordinal) && InjectionPatterns.AcrosticCue().Match(shadow) is { Success: true } acrostic)
        {
            // "Take the first word of each sentence": read the hidden message the same way.
            var letters = acrostic.Groups["unit"].Value[0] is 'l' or 'c';
            var units = (acrostic.Value.Contains("line", StringComparison.Ordinal) ? InjectionPatterns.LineBreaks().Split(raw) : [.. InjectionPatterns.SplitAfterSentences(raw)])
                .Select(u => u.Trim()).Where(u => u.Length > 0).Select(u => u.Split(' ', 2)[0]).Select(w => letters ? w[..1] : w);
            ScanDecoded(string.Join(letters ? "" : " ", units), origin.Inner(0, raw.Length), "acrostic", depth + 1);
        }

        if (shadow.Contains("rot", StringComparison.Ordinal) && InjectionPatterns.Rot13Cue().IsMatch(shadow) && !Rot13Keywords.Any(k => shadow.Contains(k, StringComparison.Ordinal)))
        {
            ScanDecoded(Rot13(raw), origin.Inner(0, raw.Length), "rot13", depth + 1);
        }

        foreach (var (keywords, name, transform) in new (string[], string, Func<string, string>)[]
        {
            (Rot13Keywords, "rot13", Rot13),
            (ReversedKeywords, "reversed", static s => new string([.. s.Reverse()])),
        })
        {
            if (keywords.Any(k => shadow.Contains(k, StringComparison.Ordinal)))
            {
                ScanDecoded(transform(raw), origin.Inner(0, raw.Length), name, depth + 1);
            }
        }
    }

    private void ScanShadow(string shadow, Mapper mapper, string layer, bool meta, bool lexical = true)
    {
        var words = InjectionGates.Words(shadow);
        bool Has(SearchValues<string> gate) => InjectionGates.Has(words, gate);
        var overrideVerb = Has(InjectionGates.OverrideVerbs);
        var cjk = Has(InjectionGates.Cjk);

        void Hit(string name, double user, double untrusted, Match m, bool discountable = true)
        {
            var discount = discountable && meta && IsReported(shadow, m.Index) ? (_source == InjectionSource.User ? 0.35 : 0.6) : 1.0;
            var (start, end) = mapper.Span(m.Index, m.Index + m.Length);
            Add(name, user * discount, untrusted * discount, start, end, layer);
        }

        foreach (var m in (overrideVerb && Has(InjectionGates.InstructionNouns) ? Matches(InjectionPatterns.OverrideInstructions(), shadow) : []))
        {
            var verb = m.Groups["verb"].Value;
            var mods = m.Groups["mods"].Value;
            var core = IsCoreOverrideVerb(verb);
            var earlier = InjectionPatterns.EarlierWord().IsMatch(mods);
            var mine = InjectionPatterns.MineWord().IsMatch(mods);
            var strong = m.Groups["strong"].Success;
            var (user, untrusted) = (strong, earlier, mine) switch
            {
                (true, true, false) => (0.85, 0.9),
                (true, _, true) => (0.3, 0.7),
                (true, false, false) when mods.Length == 0 => (0.45, 0.7),
                (true, false, false) => (0.35, 0.7),
                (false, true, false) => (0.4, 0.7),
                _ => (0.0, 0.0),
            };
            if (user > 0)
            {
                Hit(InstructionOverride, core ? user : user * 0.5, core ? untrusted : untrusted * 0.6, m);
            }
        }

        foreach (var m in (overrideVerb && Has(InjectionGates.EarlierWords) ? Matches(InjectionPatterns.OverrideAbove(), shadow) : []))
        {
            if (!IsCoreOverrideVerb(m.Value))
            {
                continue;
            }

            Hit(InstructionOverride, m.Groups["strong"].Success ? 0.7 : 0.3, m.Groups["strong"].Success ? 0.85 : 0.6, m);
        }

        foreach (var m in (Has(InjectionGates.VoidStates) && Has(InjectionGates.InstructionNouns) ? Matches(InjectionPatterns.OverrideVoid(), shadow) : []))
        {
            Hit(InstructionOverride, 0.75, 0.85, m);
        }

        foreach (var m in (Has(InjectionGates.NewInstructions) ? Matches(InjectionPatterns.NewInstructions(), shadow) : []))
        {
            var (user, untrusted) = m.Groups["task"].Success ? (0.55, 0.75) : m.Groups["new"].Success ? (0.4, 0.7) : (0.2, 0.5);
            Hit(InstructionOverride, user, untrusted, m);
        }

        foreach (var m in (Has(InjectionGates.EuropeanVerbs) ? Matches(InjectionPatterns.OverrideEuropean(), shadow) : []))
        {
            var window = shadow.Substring(m.Index, Math.Min(shadow.Length - m.Index, m.Length + 30));
            var earlier = InjectionPatterns.EarlierWordEuropean().IsMatch(window);
            var (user, untrusted) = m.Groups["all"].Success ? (0.5, 0.8) : earlier ? (0.8, 0.9) : (0.45, 0.75);
            Hit(InstructionOverride, user, untrusted, m);
        }

        foreach (var m in (cjk ? Matches(InjectionPatterns.OverrideCjk(), shadow) : []))
        {
            var earlier = InjectionPatterns.EarlierWordCjk().IsMatch(m.Value);
            Hit(InstructionOverride, earlier ? 0.8 : 0.6, earlier ? 0.9 : 0.8, m);
        }

        foreach (var m in (Has(InjectionGates.RoleFrames) ? Matches(InjectionPatterns.RoleFrame(), shadow) : []))
        {
            if (m.Groups["bad"].Success)
            {
                Hit(RoleReassignment, 0.75, 0.85, m);
            }
            else
            {
                var now = InjectionPatterns.NowWord().IsMatch(m.Value);
                Hit(RoleReassignment, now ? 0.3 : 0.1, now ? 0.6 : 0.45, m);
            }
        }

        foreach (var m in (cjk ? Matches(InjectionPatterns.RoleFrameCjk(), shadow) : []))
        {
            Hit(RoleReassignment, m.Groups["bad"].Success ? 0.75 : 0.3, m.Groups["bad"].Success ? 0.85 : 0.6, m);
        }

        foreach (var m in (Has(InjectionGates.JailbreakModes) ? Matches(InjectionPatterns.JailbreakMode(), shadow) : []))
        {
            var (user, untrusted) = m.Groups["strong"].Success ? (0.65, 0.8)
                : m.Groups["character"].Success ? (0.3, 0.5)
                : m.Groups["persona"].Success ? (0.35, 0.6)
                : InjectionPatterns.AiReference().IsMatch(shadow) ? (0.55, 0.75) : (0.2, 0.5);
            Hit(RoleReassignment, user, untrusted, m);
        }

        foreach (var m in (Has(InjectionGates.Restrictions) ? Matches(InjectionPatterns.RestrictionRemoval(), shadow) : []))
        {
            var (user, untrusted) = m.Groups["lifted"].Success ? (0.7, 0.85)
                : m.Groups["your"].Value switch { "your" => (0.6, 0.8), "all" or "any" or "every" => (0.45, 0.7), _ => (0.25, 0.6) };
            var described = ThirdPersonBefore(shadow, m.Index) ? 0.4 : 1.0;
            Hit(RestrictionRemoval, user * described, untrusted * described, m);
        }

        foreach (var m in (shadow.Contains(':', StringComparison.Ordinal) || shadow.Contains('\n', StringComparison.Ordinal) ? Matches(InjectionPatterns.RoleHeader(), shadow) : []))
        {
            Hit(FakeSystemMessage, m.Groups["system"].Success ? 0.45 : 0.2, m.Groups["system"].Success ? 0.7 : 0.45, m, discountable: false);
        }

        foreach (var m in (shadow.Contains('<', StringComparison.Ordinal) ? Matches(InjectionPatterns.PromptTag(), shadow) : []))
        {
            var name = m.Groups["name"].Value;
            var closing = m.Groups["close"].Success;
            if (!closing && InjectionPatterns.SystemTagName().IsMatch(name))
            {
                Hit(FakeSystemMessage, 0.35, 0.75, m, discountable: false);
            }
            else if (closing && InjectionPatterns.ClosingTagName().IsMatch(name))
            {
                Hit(DelimiterEscape, 0.45, 0.7, m, discountable: false);
            }
            else if (!closing && name is "user" or "assistant" or "human")
            {
                Hit(FakeSystemMessage, 0.3, 0.6, m, discountable: false);
            }
            else
            {
                Hit(FakeSystemMessage, 0.15, 0.4, m, discountable: false);
            }
        }

        foreach (var m in (Has(InjectionGates.Authority) || shadow.AsSpan().IndexOfAny('[', '(', '{') >= 0 ? Matches(InjectionPatterns.AuthorityMarker(), shadow) : []))
        {
            Hit(FakeSystemMessage, 0.55, 0.75, m);
        }

        foreach (var m in (Has(InjectionGates.Delimiters) || InjectionGates.Has(shadow, InjectionGates.DelimiterMarks) ? Matches(InjectionPatterns.DelimiterEscape(), shadow) : []))
        {
            Hit(DelimiterEscape, 0.45, 0.7, m, discountable: false);
        }

        foreach (var m in (Has(InjectionGates.HiddenConfig) ? Matches(InjectionPatterns.PromptExtraction(), shadow) : []))
        {
            var verb = m.Groups["verb"].Value;
            var (user, untrusted) = m.Groups["sys"].Success ? (0.7, 0.8)
                : InjectionPatterns.VerbatimVerb().IsMatch(verb) ? (0.6, 0.75)
                : (0.35, 0.6);
            Hit(PromptExtraction, user, untrusted, m);
        }

        foreach (var m in (Has(InjectionGates.PromptQuestions) ? Matches(InjectionPatterns.PromptQuestion(), shadow) : []))
        {
            Hit(PromptExtraction, 0.55, 0.75, m);
        }

        foreach (var m in (Has(InjectionGates.ForeignExtraction) || cjk ? Matches(InjectionPatterns.PromptExtractionForeign(), shadow) : []))
        {
            Hit(PromptExtraction, 0.65, 0.8, m);
        }

        foreach (var m in (Has(InjectionGates.Secrets) ? Matches(InjectionPatterns.SecretRequest(), shadow) : []))
        {
            Hit(PromptExtraction, m.Groups["your"].Success ? 0.45 : 0.3, m.Groups["your"].Success ? 0.7 : 0.6, m);
        }

        if (Has(InjectionGates.SecretNouns) && InjectionPatterns.SecretNoun().IsMatch(shadow))
        {
            foreach (var m in Matches(InjectionPatterns.ObfuscatedOutput(), shadow))
            {
                Hit(PromptExtraction, 0.45, 0.65, m);
            }
        }

        foreach (var m in (Has(InjectionGates.Exfiltration) ? Matches(InjectionPatterns.ExfiltrationInstruction(), shadow) : []))
        {
            Hit(ExfiltrationLink, m.Groups["send"].Success ? 0.3 : 0.6, 0.85, m);
        }

        foreach (var m in (Has(InjectionGates.Refusals) ? Matches(InjectionPatterns.RefusalSuppression(), shadow) : []))
        {
            var (user, untrusted) = m.Groups["strong"].Success ? (0.5, 0.7) : m.Groups["moderate"].Success ? (0.35, 0.6) : (0.15, 0.4);
            var described = ThirdPersonBefore(shadow, m.Index) ? 0.4 : 1.0;
            Hit(RefusalSuppression, user * described, untrusted * described, m);
        }

        foreach (var m in (Has(InjectionGates.Prefixes) ? Matches(InjectionPatterns.ForcedPrefix(), shadow) : []))
        {
            var (user, untrusted) = m.Groups["sure"].Success ? (0.5, 0.7) : m.Groups["quoted"].Success ? (0.45, 0.65) : m.Groups["prefix"].Success ? (0.3, 0.6) : (0.35, 0.6);
            Hit(ForcedPrefix, user, untrusted, m);
        }

        foreach (var m in (Has(InjectionGates.AiAddressees) ? Matches(InjectionPatterns.AddressedToAi(), shadow) : []))
        {
            var (user, untrusted) =
                m.Groups["covert"].Success ? (0.5, 0.85)
                : m.Groups["note"].Success ? (0.4, 0.85)
                : m.Groups["reading"].Success ? (0.15, 0.85)
                : m.Groups["ifai"].Success ? (0.3, 0.85)
                : m.Groups["hey"].Success ? (0.02, 0.7)
                : (0.1, 0.7);
            Hit(AddressedToAi, user, untrusted, m);
        }

        foreach (var m in (Has(InjectionGates.Tools) ? Matches(InjectionPatterns.ToolCoercion(), shadow) : []))
        {
            Hit(ToolCoercion, m.Groups["named"].Success ? 0.2 : 0.1, m.Groups["named"].Success ? 0.75 : 0.6, m);
        }

        foreach (var m in (Has(InjectionGates.Tools) ? Matches(InjectionPatterns.CovertAction(), shadow) : []))
        {
            Hit(ToolCoercion, 0.4, 0.8, m);
        }

        foreach (var m in (Has(InjectionGates.Virtual) ? Matches(InjectionPatterns.Virtualization(), shadow) : []))
        {
            Hit(Virtualization, 0.6, 0.75, m);
        }

        foreach (var m in (Has(InjectionGates.Decode) ? Matches(InjectionPatterns.DecodeAndFollow(), shadow) : []))
        {
            Hit(EncodedPayload, 0.45, 0.65, m);
        }

        var fiction = Has(InjectionGates.Fiction) && InjectionPatterns.FictionFrame().IsMatch(shadow);
        if (fiction && Has(InjectionGates.Unrestricted))
        {
            foreach (var m in Matches(InjectionPatterns.UnrestrictedPhrase(), shadow))
            {
                Hit(Virtualization, 0.55, 0.7, m);
            }
        }

        foreach (var m in (Has(InjectionGates.Authorized) ? Matches(InjectionPatterns.AuthorizedToBreak(), shadow) : []))
        {
            Hit(RestrictionRemoval, 0.5, 0.75, m);
        }

        if (Has(InjectionGates.Restrictions))
        {

            foreach (var m in Matches(InjectionPatterns.RulesSuspended(), shadow))
            {
                Hit(fiction ? Virtualization : RestrictionRemoval, fiction ? 0.6 : 0.5, fiction ? 0.75 : 0.7, m);
            }
        }

        foreach (var m in (Has(InjectionGates.Hypothetical) ? Matches(InjectionPatterns.HypotheticalPermission(), shadow) : []))
        {
            Hit(Virtualization, 0.5, 0.65, m);
        }

        foreach (var m in (Has(InjectionGates.GoalHijack) ? Matches(InjectionPatterns.GoalHijack(), shadow) : []))
        {
            Hit(InstructionOverride, m.Groups["strong"].Success ? 0.45 : 0.25, m.Groups["strong"].Success ? 0.7 : 0.5, m);
        }

        foreach (var m in (Has(InjectionGates.Prefixes) ? Matches(InjectionPatterns.ForcedAffirmative(), shadow) : []))
        {
            Hit(ForcedPrefix, 0.5, 0.7, m);
        }

        foreach (var m in (Has(InjectionGates.Refusals) ? Matches(InjectionPatterns.RefusalSuppressionMore(), shadow) : []))
        {
            var described = ThirdPersonBefore(shadow, m.Index) ? 0.4 : 1.0;
            Hit(RefusalSuppression, 0.45 * described, 0.65 * described, m);
        }

        foreach (var m in (Has(InjectionGates.Authority2) ? Matches(InjectionPatterns.AuthorityClaim(), shadow) : []))
        {
            Hit(FakeSystemMessage, 0.5, 0.7, m);
        }

        var lines = shadow.Contains('\n', StringComparison.Ordinal);
        foreach (var m in ((lines || shadow.Contains('<', StringComparison.Ordinal)) && Has(InjectionGates.ToolMarkers) ? Matches(InjectionPatterns.ToolOutputMarker(), shadow) : []))
        {
            Hit(FakeSystemMessage, 0.3, 0.5, m, discountable: false);
        }

        if (lines && shadow.Contains(':', StringComparison.Ordinal))
        {
            var dialogue = Matches(InjectionPatterns.DialogueLine(), shadow);
            if (dialogue.Count >= 3 && dialogue.Select(d => d.Groups["role"].Value).Distinct(StringComparer.Ordinal).Count() >= 2)
            {
                var (start, end) = mapper.Span(dialogue[0].Index, dialogue[^1].Index + dialogue[^1].Length);
                Add(FakeDialogue, 0.25, 0.4, start, end, layer);
                foreach (var m in Matches(InjectionPatterns.FakeCompliance(), shadow))
                {
                    Hit(FakeDialogue, 0.6, 0.75, m, discountable: false);
                }
            }
        }

        var extraction = Has(InjectionGates.ExtractionNouns) || Has(InjectionGates.ExtractionVerbs) && Has(InjectionGates.ExtractionPlaces)
            || words.Contains(" the user", StringComparison.Ordinal) || Has(InjectionGates.Completers);
        foreach (var m in (extraction ? Matches(InjectionPatterns.ExtractionMore(), shadow) : []))
        {
            if (m.Groups["roles"].Success)
            {
                Hit(RoleReassignment, 0.45, 0.6, m);
                continue;
            }

            var (user, untrusted) = m.Groups["summary"].Success ? (0.55, 0.75)
                : m.Groups["start"].Success ? (0.6, 0.75)
                : m.Groups["probe"].Success ? (0.5, 0.7)
                : m.Groups["continue"].Success ? (0.55, 0.7)
                : (0.45, 0.65);
            Hit(PromptExtraction, user, untrusted, m);
        }

        foreach (var m in (Has(InjectionGates.JailbreakModes) ? Matches(InjectionPatterns.PrivilegedMode(), shadow) : []))
        {
            var ai = InjectionPatterns.AiReference().IsMatch(shadow);
            Hit(RoleReassignment, ai ? 0.5 : 0.2, ai ? 0.7 : 0.5, m);
        }

        foreach (var m in (Has(InjectionGates.ForeignAi) ? Matches(InjectionPatterns.AddressedToAiForeign(), shadow) : []))
        {
            Hit(AddressedToAi, 0.3, 0.85, m);
        }

        foreach (var m in (Has(InjectionGates.Standing) ? Matches(InjectionPatterns.StandingOrder(), shadow) : []))
        {
            Hit(AddressedToAi, 0.1, 0.6, m);
        }

        foreach (var m in (Has(InjectionGates.Completion) ? Matches(InjectionPatterns.FakeCompletion(), shadow) : []))
        {
            Hit(InstructionOverride, 0.5, 0.7, m);
        }

        foreach (var m in (Has(InjectionGates.Vendors) ? Matches(InjectionPatterns.VendorPolicy(), shadow) : []))
        {
            Hit(RestrictionRemoval, 0.3, 0.5, m);
        }

        foreach (var m in (Has(InjectionGates.Relatives) ? Matches(InjectionPatterns.GrandmaFrame(), shadow) : []))
        {
            Hit(RoleReassignment, 0.45, 0.6, m);
        }

        ScanOutputControl(shadow, Hit);

        if (lexical)
        {
            // Patterns that normally read the raw text, read again once lookalikes and leetspeak are folded away.
            foreach (var m in (shadow.AsSpan().IndexOfAny('<', '[') >= 0 ? Matches(InjectionPatterns.ChatTemplateToken(), shadow) : []))
            {
                Hit(FakeSystemMessage, 0.75, 0.85, m, false);
            }

            foreach (var m in (shadow.Contains('"', StringComparison.Ordinal) && Has(OutputGates.InstructionFields) ? Matches(InjectionPatterns.InstructionField(), shadow) : []))
            {
                Hit(FakeSystemMessage, 0.45, 0.75, m, false);
            }

            foreach (var m in (Has(OutputGates.AiReaders) ? Matches(InjectionPatterns.NoteToAiAnyLanguage(), shadow) : []))
            {
                Hit(AddressedToAi, 0.3, 0.85, m, false);
            }
        }
    }

    /// <summary>Output control: the answer is made to carry a string, link or image of the attacker's choosing.</summary>
    private static void ScanOutputControl(string shadow, Action<string, double, double, Match, bool> hit)
    {
        var words = InjectionGates.Words(shadow);
        bool Has(SearchValues<string> gate) => InjectionGates.Has(words, gate);
        var literals = OutputGates.HasLiteralCandidate(shadow);
        var forced = false;
        Match? tokenOutput = null;
        foreach (var m in (literals ? InjectionPatterns.OutputLiterals(shadow).ToList() : []))
        {
            var literal = m.Groups["literal"];
            if (literal.Index > 0 && shadow[literal.Index - 1] is '(' or ',')
            {
                // An argument in code ("print('x')", "f(a, 'b')"), not something the reader is told to output.
                continue;
            }

            var window = Window(shadow, m.Index, literal.Index + literal.Length);
            var (strong, weak) = Exclusivity(window);
            var answer = InjectionPatterns.AnswerReference().IsMatch(window);
            var kind = LiteralKind(literal.Value);
            if (kind == 'q' && Matches(InjectionPatterns.AnyLiteral(), shadow[literal.Index..Math.Min(shadow.Length, literal.Index + literal.Length + 60)]).Any(x => LiteralKind(x.Value) == 't'))
            {
                kind = 't';
            }

            var renders = kind == 'u' && literal.Value.Contains('?', StringComparison.Ordinal) && InjectionPatterns.RenderResource().IsMatch(window);
            strong |= renders;
            var positional = answer && InjectionPatterns.PositionalVerbWord().IsMatch(m.Groups["verb"].Value);
            strong |= positional && kind != 'q';
            weak |= positional;
            var (user, untrusted) = (kind, strong, weak || answer) switch
            {
                ('t', true, _) => (0.55, 0.85),
                ('t', false, true) => (0.45, 0.8),
                ('q', true, _) => (0.45, 0.8),
                ('q', false, true) when weak && answer => (0.4, 0.75),
                ('q', false, true) => (0.25, 0.6),
                ('u', true, _) or ('u', false, true) => (0.4, 0.8),
                ('t', false, false) => (0.2, 0.5),
                ('u', false, false) => (0.15, 0.5),
                _ => (0.05, 0.3),
            };
            if (!answer && !InjectionPatterns.AiAddressee().IsMatch(shadow))
            {
                // In a document, "print 'x'" or "type the code X" is ordinary text unless it is about the reader's answer.
                untrusted = Math.Min(untrusted, user);
            }

            forced |= user >= 0.4;
            tokenOutput ??= kind == 't' ? m : null;
            hit(kind == 'u' ? ExfiltrationLink : ForcedPrefix, user, untrusted, m, true);
        }

        foreach (var m in (literals ? Matches(InjectionPatterns.ExclusiveLiteral(), shadow) : []))
        {
            var kind = LiteralKind(m.Groups["literal"].Value);
            forced |= kind != 'q';
            hit(kind == 'u' ? ExfiltrationLink : ForcedPrefix, kind == 'q' ? 0.35 : 0.45, kind == 'q' ? 0.7 : 0.8, m, true);
        }

        foreach (var m in (literals ? Matches(InjectionPatterns.NamedOrFinalLiteral(), shadow) : []))
        {
            var kind = LiteralKind(m.Groups["literal"].Value);
            var exclusive = Exclusivity(Window(shadow, m.Index, m.Index + m.Length));
            forced |= kind != 'q' && (exclusive.Strong || exclusive.Weak);
            hit(ForcedPrefix, kind == 'q' ? 0.3 : exclusive.Strong || exclusive.Weak ? 0.45 : 0.35, kind == 'q' ? 0.6 : 0.8, m, true);
        }

        foreach (var m in (!System.Text.Ascii.IsValid(shadow) ? Matches(InjectionPatterns.OutputControlCjk(), shadow) : []))
        {
            forced = true;
            hit(ForcedPrefix, 0.45, 0.8, m, true);
        }

        var resources = shadow.Contains("](", StringComparison.Ordinal) || shadow.Contains("<img", StringComparison.Ordinal) || shadow.Contains("]:", StringComparison.Ordinal) ? Matches(InjectionPatterns.MarkdownResource(), shadow) : [];
        if (resources.Count > 0)
        {
            var render = InjectionPatterns.RenderResource().IsMatch(shadow) || InjectionPatterns.AnswerReference().IsMatch(shadow) || Exclusivity(shadow).Strong;
            foreach (var m in resources)
            {
                var image = m.Value.StartsWith('!') || m.Value.StartsWith('<');
                var carries = m.Value.Contains('?', StringComparison.Ordinal) || InjectionPatterns.AnyLiteral().IsMatch(m.Value[(m.Value.IndexOf("//", StringComparison.Ordinal) + 2)..]);
                var (user, untrusted) = (image, render, carries) switch
                {
                    (true, true, _) => (0.5, 0.85),
                    (false, true, true) => (0.45, 0.8),
                    (false, true, false) => (0.3, 0.6),
                    (true, false, true) => (0.3, 0.7),
                    _ => (0.1, 0.4),
                };
                hit(ExfiltrationLink, user, untrusted, m, true);
            }
        }

        if (forced)
        {
            foreach (var m in Matches(InjectionPatterns.TaskSwitch(), shadow))
            {
                hit(InstructionOverride, 0.3, 0.45, m, true);
            }
        }

        foreach (var m in (Has(OutputGates.Refusal) ? Matches(InjectionPatterns.RefusalForbidden(), shadow) : []))
        {
            var mild = InjectionPatterns.MildSuppression().IsMatch(m.Value);
            var described = ThirdPersonBefore(shadow, m.Index) ? 0.4 : 1.0;
            hit(RefusalSuppression, (mild ? 0.2 : 0.35) * described, (mild ? 0.5 : 0.6) * described, m, true);
        }

        foreach (var m in (shadow.AsSpan().IndexOfAny('[', '{', '(') >= 0 && Has(OutputGates.Roles) ? Matches(InjectionPatterns.BracketedRole(), shadow) : []))
        {
            hit(FakeSystemMessage, 0.45, 0.75, m, false);
        }

        foreach (var m in (Has(OutputGates.RulesDontApply) ? Matches(InjectionPatterns.RulesDontApplyEuropean(), shadow) : []))
        {
            hit(RestrictionRemoval, 0.6, 0.8, m, true);
        }

        foreach (var m in (Has(OutputGates.LateRelatives) ? Matches(InjectionPatterns.LateRelativeSecret(), shadow) : []))
        {
            hit(RoleReassignment, 0.45, 0.6, m, true);
        }

        foreach (var m in (Has(OutputGates.Completion) && shadow.Contains('"', StringComparison.Ordinal) ? Matches(InjectionPatterns.ContinuationBait(), shadow) : []))
        {
            hit(ForcedPrefix, 0.45, 0.7, m, true);
        }

        foreach (var m in (shadow.Contains('"', StringComparison.Ordinal) && Has(OutputGates.NextSteps) ? Matches(InjectionPatterns.NextStepField(), shadow) : []))
        {
            hit(FakeSystemMessage, 0.3, 0.6, m, false);
        }

        foreach (var m in (Has(InjectionGates.OverrideVerbs) ? Matches(InjectionPatterns.IgnoreSetup(), shadow) : []))
        {
            hit(InstructionOverride, 0.75, 0.85, m, true);
        }

        foreach (var m in (Has(InjectionGates.OverrideVerbs) ? Matches(InjectionPatterns.IgnoreAllButThis(), shadow) : []))
        {
            hit(InstructionOverride, 0.7, 0.85, m, true);
        }

        foreach (var m in (words.Contains(" end ", StringComparison.Ordinal) ? Matches(InjectionPatterns.EndBlockDelimiter(), shadow) : []))
        {
            hit(DelimiterEscape, 0.45, 0.7, m, false);
        }

        foreach (var m in (literals && Has(OutputGates.Completion) ? Matches(InjectionPatterns.CompletePartial(), shadow) : []))
        {
            hit(ForcedPrefix, 0.4, 0.7, m, true);
        }

        foreach (var m in (Has(OutputGates.PromptParts) ? Matches(InjectionPatterns.PromptInstructionsAsked(), shadow) : []))
        {
            hit(PromptExtraction, 0.45, 0.7, m, true);
        }

        if (literals && (InjectionPatterns.AnswerReference().IsMatch(shadow) || InjectionPatterns.ReplyInFormat().IsMatch(shadow) || InjectionPatterns.OutputLiterals(shadow).Any()))
        {
            foreach (var m in Matches(InjectionPatterns.FormatWithCode(), shadow))
            {
                hit(ForcedPrefix, 0.4, 0.7, m, true);
            }
        }

        foreach (var m in (Has(OutputGates.Latest) ? Matches(InjectionPatterns.LatestWins(), shadow) : []))
        {
            hit(InstructionOverride, 0.35, 0.7, m, true);
        }

        foreach (var m in (Has(OutputGates.Secrets) ? Matches(InjectionPatterns.SecretAskedOutright(), shadow) : []))
        {
            hit(PromptExtraction, 0.45, 0.7, m, true);
        }

        foreach (var m in (Has(OutputGates.OwnConfiguration) ? Matches(InjectionPatterns.OwnConfiguration(), shadow) : []))
        {
            var strong = m.Groups["strong"].Success || !m.Groups["weak"].Success;
            hit(PromptExtraction, strong ? 0.45 : 0.2, strong ? 0.7 : 0.45, m, true);
        }

        foreach (var m in (Has(OutputGates.Transforms) ? Matches(InjectionPatterns.TransformAndFollow(), shadow) : []))
        {
            hit(EncodedPayload, 0.45, 0.7, m, true);
        }

        foreach (var m in (Has(OutputGates.Authority) ? Matches(InjectionPatterns.AuthorityOverAssistant(), shadow) : []))
        {
            hit(FakeSystemMessage, forced || tokenOutput is not null ? 0.35 : 0.25, 0.6, m, true);
        }

        foreach (var m in (shadow.AsSpan().IndexOfAny('=', ':', '>') >= 0 && Has(OutputGates.Settings) ? Matches(InjectionPatterns.SettingDisabled(), shadow) : []))
        {
            hit(RestrictionRemoval, 0.6, 0.8, m, false);
        }

        foreach (var m in ((shadow.Contains("<!--", StringComparison.Ordinal) || shadow.Contains("/*", StringComparison.Ordinal) || shadow.Contains("--", StringComparison.Ordinal) || shadow.Contains("//", StringComparison.Ordinal) || shadow.Contains('#', StringComparison.Ordinal)) && Has(OutputGates.CommentAddressees) ? Matches(InjectionPatterns.CommentToAi(), shadow) : []))
        {
            hit(AddressedToAi, 0.45, 0.85, m, false);
        }

        foreach (var m in (Has(OutputGates.Echo) ? Matches(InjectionPatterns.EchoRule(), shadow) : []))
        {
            // "Repeat after me" alone is a harmless game; a standing rule to echo whatever comes next is not.
            var game = m.Value.Contains("after", StringComparison.Ordinal) || m.Value.Contains("exactly", StringComparison.Ordinal);
            forced |= !game;
            hit(ForcedPrefix, game ? 0.25 : 0.4, game ? 0.5 : 0.7, m, true);
        }

        foreach (var m in (Has(OutputGates.ForeignRoles) ? Matches(InjectionPatterns.RoleFrameMoreLanguages(), shadow) : []))
        {
            hit(RoleReassignment, m.Groups["bad"].Success ? 0.75 : 0.2, m.Groups["bad"].Success ? 0.85 : 0.5, m, true);
        }

        foreach (var m in (Has(OutputGates.EndMarkers) ? Matches(InjectionPatterns.DelimiterMoreLanguages(), shadow) : []))
        {
            hit(DelimiterEscape, 0.45, 0.7, m, false);
        }

        if ((forced || tokenOutput is not null) && InjectionPatterns.FictionFrame().Match(shadow) is { Success: true } frame)
        {
            // A demanded output inside a story or hypothetical is still the attacker's output.
            hit(Virtualization, 0.35, 0.6, frame, true);
        }

        var machines = Has(OutputGates.Machines) ? Matches(InjectionPatterns.SimulatedMachine(), shadow) : [];
        var outputOnly = machines.Count > 0 && InjectionPatterns.OutputOnly().IsMatch(shadow);
        var fed = machines.Count > 0 && (forced || InjectionPatterns.CodeToken().IsMatch(shadow));
        if (outputOnly || fed)
        {
            // A simulated machine that "only prints output", or that is fed a code to print, is a forced output in costume.
            var (user, untrusted) = (outputOnly, fed) switch { (true, true) => (0.45, 0.7), (false, true) => (0.4, 0.65), _ => (0.3, 0.55) };
            hit(Virtualization, user, untrusted, machines[0], true);
        }

        ScanExamples(shadow, hit);
    }

    /// <summary>Few-shot poisoning: labelled examples whose answers all carry the same literal, or that leave an answer open.</summary>
    private static void ScanExamples(string shadow, Action<string, double, double, Match, bool> hit)
    {
        if (!shadow.Contains('\n', StringComparison.Ordinal))
        {
            return;
        }

        var lines = shadow.Split('\n');
        var labelled = lines.Count(l => InjectionPatterns.LabelledLine().IsMatch(l));
        if (labelled < 2)
        {
            return;
        }

        var cue = InjectionPatterns.ExampleCue().IsMatch(shadow);
        var end = shadow.TrimEnd().Length;
        var open = Matches(InjectionPatterns.OpenAnswerSlot(), shadow).LastOrDefault(o => o.Index + o.Length >= end);
        var repeated = lines
            .Where(l => InjectionPatterns.LabelledLine().IsMatch(l))
            .SelectMany(l => Matches(InjectionPatterns.AnyLiteral(), l).Concat(Matches(InjectionPatterns.CodeToken(), l)).Where(x => !x.Value.StartsWith('[')).Select(x => x.Value.Trim('"', '\'', '`')).Distinct(StringComparer.Ordinal))
            .GroupBy(v => v, StringComparer.Ordinal)
            .FirstOrDefault(g => g.Count() >= 2 && g.Key.Length >= 2);
        if (repeated is not null && (cue || open is not null))
        {
            var at = shadow.LastIndexOf(repeated.Key, StringComparison.Ordinal);
            hit(FakeDialogue, 0.5, 0.75, InjectionPatterns.AnyLiteral().Match(shadow, Math.Max(0, at - 1)), false);
        }
        else if (open is not null && cue && labelled >= 3)
        {
            hit(FakeDialogue, 0.3, 0.5, open, false);
        }
    }

    private static string Window(string shadow, int start, int end)
    {
        var from = Math.Max(0, start - 100);
        var to = Math.Min(shadow.Length, end + 100);
        return shadow[from..to];
    }

    private static readonly string[] WeakExclusives = ["only", "just", "solely", "simply", "einfach", "simplement", "solo", "solamente", "seulement", "uniquement", "nur", "apenas", "somente", "soltanto", "alleen"];

    private static (bool Strong, bool Weak) Exclusivity(string window)
    {
        bool strong = false, weak = false;
        foreach (var m in Matches(InjectionPatterns.ExclusiveWord(), window))
        {
            if (WeakExclusives.Contains(m.Value, StringComparer.Ordinal))
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
    private static char LiteralKind(string literal) =>
        literal.StartsWith("http", StringComparison.Ordinal) ? 'u'
        : literal.Length > 0 && literal[0] is '"' or '\'' or '`' or '«' or '「' or '『'
            ? (InjectionPatterns.AnyLiteral().Match(literal, 1, literal.Length - 2) is { Success: true } inner && LiteralKind(inner.Value) != 'q' ? 't' : 'q')
        : 't';

    private void ScanRaw(string raw, string shadow, InjectionOrigin origin, string layer, int depth)
    {
        void Hit(string name, double user, double untrusted, Match m)
        {
            var (start, end) = origin.Span(m.Index, m.Index + m.Length);
            Add(name, user, untrusted, start, end, layer);
        }

        foreach (var m in (raw.AsSpan().IndexOfAny('<', '[') >= 0 ? Matches(InjectionPatterns.ChatTemplateToken(), raw) : []))
        {
            Hit(FakeSystemMessage, 0.75, 0.85, m);
        }

        var words = InjectionGates.Words(shadow);
        var ascii = System.Text.Ascii.IsValid(raw);
        foreach (var m in (!ascii || InjectionGates.Has(words, OutputGates.MoreLanguages) ? Matches(InjectionPatterns.OverrideMoreLanguages(), raw) : []))
        {
            Hit(InstructionOverride, 0.75, 0.85, m);
        }

        foreach (var m in (raw.Contains('"', StringComparison.Ordinal) && InjectionGates.Has(words, OutputGates.InstructionFields) ? Matches(InjectionPatterns.InstructionField(), raw) : []))
        {
            Hit(FakeSystemMessage, 0.45, 0.75, m);
        }

        if (raw.Length >= 60)
        {
            foreach (var m in (OutputGates.HasRepeatedPadding(raw) ? InjectionPatterns.RepeatedPadding(raw).Take(3) : []))
            {
                Hit(DelimiterEscape, 0.35, 0.5, m);
            }
        }

        foreach (var m in (InjectionGates.Has(words, OutputGates.AiReaders) ? Matches(InjectionPatterns.NoteToAiAnyLanguage(), raw) : []))
        {
            Hit(AddressedToAi, 0.3, 0.85, m);
        }

        foreach (var m in (!ascii || InjectionGates.Has(words, OutputGates.MoreLanguages) ? Matches(InjectionPatterns.AnswerOnlyMoreLanguages(), raw) : []))
        {
            Hit(ForcedPrefix, 0.35, 0.7, m);
        }

        if (depth < _maxDepth)
        {
            ScanFragments(raw, shadow, origin, layer, depth);
        }

        foreach (var m in (raw.AsSpan().IndexOfAny(PersonaNames) >= 0 ? Matches(InjectionPatterns.PersonaName(), raw) : []))
        {
            Hit(RoleReassignment, 0.35, 0.5, m);
        }

        if (raw.Contains("](", StringComparison.Ordinal))
        {
            foreach (var m in Matches(InjectionPatterns.MarkdownLinkWithQuery(), raw))
            {
                var fill = InjectionPatterns.PlaceholderValue().IsMatch(m.Groups["query"].Value);
                Hit(ExfiltrationLink, fill ? 0.75 : 0.15, fill ? 0.9 : 0.35, m);
            }
        }

        foreach (var m in (raw.Contains("\":", StringComparison.Ordinal) || raw.Contains("':", StringComparison.Ordinal) ? Matches(InjectionPatterns.JsonToolCall(), raw) : []))
        {
            Hit(ToolCoercion, 0.2, 0.7, m);
        }

        if (raw.Contains("style", StringComparison.OrdinalIgnoreCase) || raw.Contains("hidden", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var m in Matches(InjectionPatterns.HiddenMarkup(), raw))
            {
                Hit(HiddenText, 0.15, 0.35, m);
            }
        }

        if (raw.Contains('+', StringComparison.Ordinal) && depth < _maxDepth)
        {
            ScanPayloadSplitting(raw, origin, layer, depth);
        }
    }

    /// <summary>Re-assembles quoted or assigned fragments that the text asks to join and act on, and scans the result.</summary>
    private void ScanFragments(string raw, string shadow, InjectionOrigin origin, string layer, int depth)
    {
        if (!InjectionGates.Has(InjectionGates.Words(shadow), OutputGates.Joins) && !shadow.Contains('+', StringComparison.Ordinal))
        {
            return;
        }

        var join = InjectionPatterns.JoinAndFollow().Match(shadow);
        if (!join.Success)
        {
            return;
        }

        var parts = Matches(InjectionPatterns.PartFragment(), raw);
        var fragments = (parts.Count >= 2 ? parts : Matches(InjectionPatterns.Fragment(), raw)).Take(24).Select(f => f.Groups["value"].Value).ToList();
        if (fragments.Count < 2)
        {
            return;
        }

        var before = _signals.Count;
        ScanDecoded(string.Join(' ', fragments), origin.Inner(0, raw.Length), "fragments", depth + 1, bonus: false);
        if (_signals.Count == before)
        {
            ScanDecoded(string.Concat(fragments), origin.Inner(0, raw.Length), "fragments", depth + 1, bonus: false);
        }

        var (start, end) = origin.Span(0, raw.Length);
        Add(PayloadSplitting, _signals.Skip(before).Any(s => s.Weight >= 0.2) ? 0.45 : fragments.Count >= 3 ? 0.3 : 0.15, 0.6, start, end, layer);
    }

    private void ScanPayloadSplitting(string raw, InjectionOrigin origin, string layer, int depth)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var m in Matches(InjectionPatterns.StringAssignment(), raw))
        {
            values[m.Groups["name"].Value] = m.Groups["value"].Value;
        }

        if (values.Count < 2)
        {
            return;
        }

        foreach (var m in Matches(InjectionPatterns.Concatenation(), raw))
        {
            var parts = m.Groups["part"].Captures.Select(c => c.Value).ToList();
            if (parts.Count < 2 || !parts.All(values.ContainsKey))
            {
                continue;
            }

            var joined = string.Concat(parts.Select(p => values[p]));
            var before = _signals.Count;
            ScanDecoded(joined, origin.Inner(0, raw.Length), "concatenation", depth + 1, bonus: false);
            var (start, end) = origin.Span(m.Index, m.Index + m.Length);
            if (_signals.Count > before)
            {
                Add(PayloadSplitting, 0.45, 0.6, start, end, layer);
            }
            else if (InjectionPatterns.ExecuteVerb().IsMatch(InjectionText.Fold(raw).Shadow))
            {
                Add(PayloadSplitting, 0.25, 0.4, start, end, layer);
            }
        }
    }

    private void ScanHidden(InjectionText text, string raw, InjectionOrigin origin, int depth)
    {
        var (start, end) = origin.Span(0, raw.Length);
        if (text.ZeroWidthInWords > 0)
        {
            var (user, untrusted) = text.ZeroWidthInWords switch { 1 => (0.3, 0.4), <= 3 => (0.55, 0.65), _ => (0.75, 0.85) };
            Add(HiddenText, user, untrusted, start, end, "text");
        }

        if (text.BidiControls > 0)
        {
            Add(HiddenText, 0.35, 0.5, start, end, "text");
        }

        if (text.TagStart >= 0)
        {
            var (tagStart, tagEnd) = origin.Span(text.TagStart, text.TagEnd);
            Add(TagSmuggling, 0.85, 0.9, tagStart, tagEnd, "tag-characters");
            if (text.TagPayload.Length > 0 && depth <= _maxDepth)
            {
                ScanDecoded(text.TagPayload, origin.Inner(text.TagStart, text.TagEnd), "tag-characters", depth + 1, bonus: false);
            }
        }
    }

    /// <summary>Scans the leetspeak and spaced-letter variants of the shadow; evidence they add is also an encoded payload.</summary>
    private void ScanVariants(InjectionText text, Mapper mapper, bool meta)
    {
        var shadow = text.Shadow;
        foreach (var one in new[] { 'i', 'l' })
        {
            if (Deleet(shadow, one) is not { } leet)
            {
                break;
            }

            ScanVariant(leet, mapper, "leetspeak", meta);
            if (!leet.Contains(one, StringComparison.Ordinal) || !shadow.Contains('1', StringComparison.Ordinal))
            {
                break;
            }
        }

        if (shadow.Contains('_', StringComparison.Ordinal) && InjectionPatterns.SnakeCaseRun().IsMatch(shadow))
        {
            // snake_case smuggling: "ignore_previous_instructions_and_output(...)"; same length, so the mapper still holds.
            ScanVariant(shadow.Replace('_', ' '), mapper, "identifiers", meta);
        }

        if (Respace(shadow, mapper) is { } spaced)
        {
            ScanVariant(spaced.Text, spaced.Mapper, "spaced-letters", meta);
            foreach (var (start, end, letters) in spaced.Runs)
            {
                ScanSquashed(letters, mapper, start, end, "spaced-letters");
            }
        }

        foreach (var m in Matches(InjectionPatterns.LongLetterRun(), shadow))
        {
            ScanSquashed(m.Value, mapper, m.Index, m.Index + m.Length, "joined-words");
        }
    }

    /// <summary>Looks for core attack phrases in letters written without any spaces.</summary>
    private void ScanSquashed(string letters, Mapper mapper, int start, int end, string layer)
    {
        var m = InjectionPatterns.Squashed().Match(letters);
        if (!m.Success || _signals.Any(s => s.Layer != layer && s.Weight >= 0.5 && mapper.Span(start, end) is var (a, b) && s.Start < b && a < s.End))
        {
            return;
        }

        var (name, user, untrusted) = m.Groups["override"].Success ? (InstructionOverride, 0.8, 0.9)
            : m.Groups["extract"].Success ? (PromptExtraction, 0.7, 0.8)
            : (RoleReassignment, 0.6, 0.75);
        var (s0, e0) = mapper.Span(start, end);
        Add(name, user, untrusted, s0, e0, layer);
        Add(EncodedPayload, 0.3, 0.4, s0, e0, layer);
    }

    private void ScanVariant(string variant, Mapper mapper, string layer, bool meta)
    {
        var before = _signals.Count;
        var existing = _signals.ToList();
        ScanShadow(variant, mapper, layer, meta);
        var added = _signals.Skip(before).Where(s => s.Weight >= 0.2 && !existing.Any(e => e.Name == s.Name && e.Start < s.End && s.Start < e.End && e.Weight >= s.Weight)).ToList();
        _signals.RemoveRange(before, _signals.Count - before);
        if (added.Count == 0)
        {
            return;
        }

        _signals.AddRange(added);
        Add(EncodedPayload, 0.3, 0.4, added.Min(s => s.Start), added.Max(s => s.End), layer);
    }

    private void ScanEncodedRuns(string raw, string folded, InjectionOrigin origin, int depth)
    {
        foreach (var m in Matches(InjectionPatterns.Base64Run(), raw))
        {
            var value = m.Value;
            if (!value.Any(char.IsDigit) && !(value.Any(char.IsUpper) && value.Any(char.IsLower)))
            {
                continue;
            }

            if (DecodeBase64(value) is { } decoded)
            {
                ScanDecoded(decoded, origin.Inner(m.Index, m.Index + m.Length), "base64", depth + 1);
            }
        }

        foreach (var m in Matches(InjectionPatterns.HexRun(), raw))
        {
            if (DecodeHex(m.Value) is { } decoded)
            {
                ScanDecoded(decoded, origin.Inner(m.Index, m.Index + m.Length), "hex", depth + 1);
            }
        }

        if (raw.Contains("00", StringComparison.Ordinal) || raw.Contains("11", StringComparison.Ordinal))
        {
            foreach (var m in Matches(InjectionPatterns.BinaryRun(), raw))
            {
                var bits = m.Value.Where(c => c is '0' or '1').ToArray();
                var bytes = new byte[bits.Length / 8];
                for (var i = 0; i < bytes.Length; i++)
                {
                    bytes[i] = Convert.ToByte(new string(bits, i * 8, 8), 2);
                }

                if (AsText(bytes) is { } decoded)
                {
                    ScanDecoded(decoded, origin.Inner(m.Index, m.Index + m.Length), "binary", depth + 1);
                }
            }
        }

        if (raw.Contains('%', StringComparison.Ordinal))
        {
            foreach (var m in Matches(InjectionPatterns.UrlEncodedRun(), raw))
            {
                string decoded;
                try
                {
                    decoded = Uri.UnescapeDataString(m.Value.Replace('+', ' '));
                }
                catch (UriFormatException)
                {
                    continue;
                }

                if (decoded != m.Value && IsMostlyText(decoded))
                {
                    ScanDecoded(decoded, origin.Inner(m.Index, m.Index + m.Length), "url-encoding", depth + 1);
                }
            }
        }

        if (raw.Contains("\\u", StringComparison.Ordinal))
        {
            foreach (var m in Matches(InjectionPatterns.UnicodeEscapeRun(), raw))
            {
                var builder = new StringBuilder(m.Length / 6);
                for (var i = 0; i + 6 <= m.Length; i += 6)
                {
                    builder.Append((char)Convert.ToInt32(m.Value.Substring(i + 2, 4), 16));
                }

                var decoded = builder.ToString();
                if (IsMostlyText(decoded))
                {
                    ScanDecoded(decoded, origin.Inner(m.Index, m.Index + m.Length), "unicode-escapes", depth + 1);
                }
            }
        }

        foreach (var m in (raw.Count(char.IsAsciiDigit) >= 16 ? Matches(InjectionPatterns.CharCodeRun(), raw) : []))
        {
            var codes = m.Value.Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries);
            var decoded = new string([.. codes.Select(c => (char)int.Parse(c, System.Globalization.CultureInfo.InvariantCulture))]);
            if (IsMostlyText(decoded))
            {
                ScanDecoded(decoded, origin.Inner(m.Index, m.Index + m.Length), "char-codes", depth + 1);
            }
        }

        if (InjectionGates.Has(InjectionGates.Words(folded), OutputGates.Shifts) && InjectionPatterns.ShiftCue().IsMatch(folded))
        {
            // Caesar shifts other than rot13, and text whose word order is reversed.
            var before = _signals.Count;
            for (var shift = 1; shift < 26 && _signals.Count == before; shift++)
            {
                if (shift != 13)
                {
                    var shifted = Shift(raw, shift);
                    if (Keywords.Any(k => shifted.Contains(k, StringComparison.OrdinalIgnoreCase)))
                    {
                        ScanDecoded(shifted, origin.Inner(0, raw.Length), "caesar", depth + 1);
                    }
                }
            }

            var words = raw.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length >= 4)
            {
                ScanDecoded(string.Join(' ', words.Reverse()), origin.Inner(0, raw.Length), "word-order", depth + 1);
            }
        }

        if (raw.Contains('&', StringComparison.Ordinal) && InjectionPatterns.HtmlEntity().Count(raw) >= 3)
        {
            var decoded = WebUtility.HtmlDecode(raw);
            if (decoded != raw)
            {
                ScanDecoded(decoded, origin.Inner(0, raw.Length), "html-entities", depth + 1, bonus: false);
            }
        }
    }

    /// <summary>Scans a decoded payload; when it holds evidence, the encoding itself counts as an encoded payload.</summary>
    private void ScanDecoded(string decoded, InjectionOrigin origin, string layer, int depth, bool bonus = true)
    {
        var before = _signals.Count;
        ScanLayer(decoded, origin, layer, depth);
        for (var i = before; i < _signals.Count; i++)
        {
            if (_signals[i] is { Layer: "text" } s)
            {
                _signals[i] = s with { Layer = layer };
            }
        }

        if (bonus && _signals.Skip(before).Any(s => s.Weight >= 0.2 && s.Name != EncodedPayload))
        {
            Add(EncodedPayload, 0.35, 0.45, origin.Offset, origin.Offset + origin.Length, layer);
        }
    }

    private void Add(string name, double user, double untrusted, int start, int end, string layer)
    {
        var weight = Math.Round(_source == InjectionSource.User ? user : untrusted, 4);
        if (weight > 0)
        {
            _signals.Add(new InjectionSignal(name, weight, start, end, layer));
        }
    }

    /// <summary>Whether the match at <paramref name="index"/> is quoted or reported speech.</summary>
    private static bool IsReported(string shadow, int index)
    {
        var lineStart = Math.Max(0, shadow.LastIndexOf('\n', Math.Max(0, index - 1)) + 1);
        var quotes = 0;
        for (var i = lineStart; i < index; i++)
        {
            if (shadow[i] is '"' or '`' or '«'
                || shadow[i] == '\'' && !(i > 0 && char.IsLetter(shadow[i - 1]) && i + 1 < shadow.Length && char.IsLetter(shadow[i + 1])))
            {
                // A single quote counts when it is not an apostrophe inside a word ("don't").
                quotes++;
            }
        }

        if (quotes % 2 == 1)
        {
            return true;
        }

        var from = Math.Max(0, index - 40);
        return InjectionPatterns.ReportedSpeechCue().IsMatch(shadow.AsSpan(from, index - from));
    }

    /// <summary>Whether the override verb is one only an override uses; "skip", "drop", "clear" or "cancel" also have ordinary objects.</summary>
    private static bool IsCoreOverrideVerb(string text) =>
        !InjectionPatterns.OrdinaryOverrideVerb().IsMatch(text);

    private static bool ThirdPersonBefore(string shadow, int index)
    {
        var from = Math.Max(0, index - 30);
        return InjectionPatterns.ThirdPersonSubject().IsMatch(shadow.AsSpan(from, index - from));
    }

    // Every pattern runs on the linear engine without a match timeout: a long or hostile text costs time in proportion
    // to its length, and a busy machine never turns a pattern's evidence into an error or a silent gap.
    private static List<Match> Matches(Regex regex, string text)
    {
        var list = new List<Match>();
        for (var m = regex.Match(text); m.Success; m = m.NextMatch())
        {
            list.Add(m);
        }

        return list;
    }

    private static List<Match> Matches(ContextRegex regex, string text) => [.. regex.Matches(text)];

    private static string? Deleet(string shadow, char one)
    {
        char[]? chars = null;
        var codes = Matches(InjectionPatterns.CodeToken(), shadow);
        for (var i = 0; i < shadow.Length; i++)
        {
            var c = shadow[i];
            if (codes.Count > 0 && codes.FirstOrDefault(k => k.Index <= i && i < k.Index + k.Length) is { } code)
            {
                // Order numbers and reference codes ("sr-3e0a1b", "300-4471") are data, not leetspeak.
                i = code.Index + code.Length - 1;
                continue;
            }

            var letter = c switch
            {
                '0' => 'o',
                '1' => one,
                '3' => 'e',
                '4' => 'a',
                '5' => 's',
                '7' => 't',
                '@' => 'a',
                '$' => 's',
                '!' or '|' => one,
                _ => '\0',
            };
            if (letter == '\0')
            {
                continue;
            }

            var before = i > 0 && char.IsAsciiLetterLower(shadow[i - 1]);
            var after = i + 1 < shadow.Length && char.IsAsciiLetterLower(shadow[i + 1]);
            var inWord = c is '!' or '|' ? before && after : before || after || LeetRunHasLetter(shadow, i);
            if (inWord)
            {
                chars ??= shadow.ToCharArray();
                chars[i] = letter;
            }
        }

        return chars is null ? null : new string(chars);
    }

    /// <summary>Whether the run of letters and leet digits around <paramref name="i"/> holds a letter ("34rl13r" does, "2026" does not).</summary>
    private static bool LeetRunHasLetter(string s, int i)
    {
        for (var j = i - 1; j >= 0 && (char.IsAsciiLetterLower(s[j]) || IsLeetNeighbour(s, j)); j--)
        {
            if (char.IsAsciiLetterLower(s[j]))
            {
                return true;
            }
        }

        for (var j = i + 1; j < s.Length && (char.IsAsciiLetterLower(s[j]) || IsLeetNeighbour(s, j)); j++)
        {
            if (char.IsAsciiLetterLower(s[j]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLeetNeighbour(string s, int i) => i >= 0 && i < s.Length && s[i] is '0' or '1' or '3' or '4' or '5' or '7' or '@' or '$';

    /// <summary>Joins spaced-out letters ("i g n o r e") and separated identifiers ("ignore_all"); a wider gap becomes a space.</summary>
    private static (string Text, Mapper Mapper, List<(int Start, int End, string Letters)> Runs)? Respace(string shadow, Mapper mapper)
    {
        var found = new List<(int Start, int End, string Letters)>();
        var runs = InjectionGates.HasSpacedLetters(shadow) ? Matches(InjectionPatterns.SpacedLetters(), shadow) : [];
        if (runs.Count == 0)
        {
            return null;
        }

        var builder = new StringBuilder(shadow.Length);
        var positions = new List<int>(shadow.Length + 1);
        var position = 0;
        foreach (var run in runs)
        {
            for (; position < run.Index; position++)
            {
                builder.Append(shadow[position]);
                positions.Add(position);
            }

            // Gaps longer than the narrowest one separate words.
            var minGap = int.MaxValue;
            for (int i = run.Index + 1, gap = 0; i < run.Index + run.Length; i++)
            {
                if (char.IsLetter(shadow[i]))
                {
                    minGap = Math.Min(minGap, gap);
                    gap = 0;
                }
                else
                {
                    gap++;
                }
            }

            var squashed = new StringBuilder(run.Length);
            for (int i = run.Index, gap = 0; i < run.Index + run.Length; i++)
            {
                if (char.IsLetter(shadow[i]))
                {
                    if (gap > minGap)
                    {
                        builder.Append(' ');
                        positions.Add(i - 1);
                    }

                    builder.Append(shadow[i]);
                    positions.Add(i);
                    squashed.Append(shadow[i]);
                    gap = 0;
                }
                else
                {
                    gap++;
                }
            }

            position = run.Index + run.Length;
            found.Add((run.Index, position, squashed.ToString()));
        }

        for (; position < shadow.Length; position++)
        {
            builder.Append(shadow[position]);
            positions.Add(position);
        }

        positions.Add(shadow.Length);
        return (builder.ToString(), mapper.Through([.. positions]), found);
    }

    private static string? DecodeBase64(string value)
    {
        var normalized = value.Replace('-', '+').Replace('_', '/').TrimEnd('=');
        normalized = normalized.PadRight(normalized.Length + (4 - normalized.Length % 4) % 4, '=');
        if (normalized.Length % 4 == 1 + 3)
        {
            return null;
        }

        var buffer = new byte[normalized.Length * 3 / 4];
        return Convert.TryFromBase64String(normalized, buffer, out var written) ? AsText(buffer.AsSpan(0, written)) : null;
    }

    private static string? DecodeHex(string value)
    {
        var digits = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] is '\\' or '0' && i + 1 < value.Length && value[i + 1] is 'x' or 'X')
            {
                i++;
                continue;
            }

            if (char.IsAsciiHexDigit(value[i]))
            {
                digits.Append(value[i]);
            }
        }

        if (digits.Length < 16 || digits.Length % 2 == 1)
        {
            return null;
        }

        return AsText(Convert.FromHexString(digits.ToString()));
    }

    private static string? AsText(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 8)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(bytes);
        return IsMostlyText(text) ? text : null;
    }

    /// <summary>Whether decoded bytes read as text: printable, mostly letters and spaces, with at least two words.</summary>
    private static bool IsMostlyText(string text)
    {
        if (text.Length < 8)
        {
            return false;
        }

        int printable = 0, letters = 0, spaces = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                letters++;
                printable++;
            }
            else if (c is ' ' or '\n' or '\t' or '\r')
            {
                spaces++;
                printable++;
            }
            else if (!char.IsControl(c) && c != '\uFFFD')
            {
                printable++;
            }
        }

        return printable >= text.Length * 0.9 && letters + spaces >= text.Length * 0.6 && spaces >= 1;
    }

    private static string Shift(string text, int shift)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                >= 'a' and <= 'z' => (char)('a' + (chars[i] - 'a' + shift) % 26),
                >= 'A' and <= 'Z' => (char)('A' + (chars[i] - 'A' + shift) % 26),
                _ => chars[i],
            };
        }

        return new string(chars);
    }

    private static string Rot13(string text) => Shift(text, 13);

    /// <summary>Maps spans of a shadow (or of a variant built from it) back to the assessed text.</summary>
    private sealed class Mapper
    {
        private readonly InjectionText _text;
        private readonly InjectionOrigin _origin;
        private readonly int[]? _through;

        public Mapper(InjectionText text, InjectionOrigin origin, int[]? through = null)
        {
            _text = text;
            _origin = origin;
            _through = through;
        }

        public Mapper Through(int[] positions) => new(_text, _origin, positions);

        public (int Start, int End) Span(int start, int end)
        {
            if (_through is not null)
            {
                (start, end) = (_through[start], end > start ? _through[end - 1] + 1 : _through[start]);
            }

            var (s, e) = _text.ToSource(start, end);
            return _origin.Span(s, e);
        }
    }
}

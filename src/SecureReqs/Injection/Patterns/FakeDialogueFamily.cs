using static SecureReqs.InjectionSignals;

namespace SecureReqs;

/// <summary>Fake dialogue: a made-up conversation or few-shot examples in which the assistant complies, or whose answers all carry one literal.</summary>
internal sealed class FakeDialogueFamily(FamilyWeights w) : IInjectionFamily
{
    private readonly SignalWeight _dialogue = w["dialogue"];
    private readonly SignalWeight _compliance = w["fake-compliance"];
    private readonly SignalWeight _repeated = w["examples.repeated-literal"];
    private readonly SignalWeight _open = w["examples.open-answer"];

    public string Name => FakeDialogue;

    public void ScanShadow(ShadowContext c)
    {
        var shadow = c.Shadow;
        if (!shadow.Contains('\n', StringComparison.Ordinal))
        {
            return;
        }

        if (shadow.Contains(':', StringComparison.Ordinal))
        {
            var dialogue = c.Matches(InjectionPatterns.DialogueLine());
            if (dialogue.Count >= 3 && dialogue.Select(d => d.Groups["role"].Value).Distinct(StringComparer.Ordinal).Count() >= 2)
            {
                c.Add(Name, _dialogue, dialogue[0].Index, dialogue[^1].Index + dialogue[^1].Length);
                foreach (var m in c.Matches(InjectionPatterns.FakeCompliance()))
                {
                    c.Hit(Name, _compliance, m, discountable: false);
                }
            }
        }

        ScanExamples(c);
    }

    /// <summary>Few-shot poisoning: labelled examples whose answers all carry the same literal, or that leave an answer open.</summary>
    private void ScanExamples(ShadowContext c)
    {
        var shadow = c.Shadow;
        var labelledLines = shadow.Split('\n').Where(l => TieredRegex.For(InjectionPatterns.LabelledLine).IsMatch(l)).ToList();
        if (labelledLines.Count < 2)
        {
            return;
        }

        var cue = TieredRegex.For(InjectionPatterns.ExampleCue).IsMatch(shadow);
        var end = shadow.TrimEnd().Length;
        var open = c.Matches(InjectionPatterns.OpenAnswerSlot()).LastOrDefault(o => o.Index + o.Length >= end);
        var repeated = labelledLines
            .SelectMany(l => InjectionPatterns.AnyLiteral().Matches(l).Concat(InjectionPatterns.CodeToken().Matches(l)).Where(x => !x.Value.StartsWith('[')).Select(x => x.Value.Trim('"', '\'', '`')).Distinct(StringComparer.Ordinal))
            .GroupBy(v => v, StringComparer.Ordinal)
            .FirstOrDefault(g => g.Count() >= 2 && g.Key.Length >= 2);
        if (repeated is not null && (cue || open is not null))
        {
            var at = shadow.LastIndexOf(repeated.Key, StringComparison.Ordinal);
            c.Hit(Name, _repeated, InjectionPatterns.AnyLiteral().Match(shadow, Math.Max(0, at - 1)), discountable: false);
        }
        else if (open is not null && cue && labelledLines.Count >= 3)
        {
            c.Hit(Name, _open, open, discountable: false);
        }
    }
}

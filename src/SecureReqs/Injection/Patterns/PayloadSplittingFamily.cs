using static SecureReqs.InjectionSignals;

namespace SecureReqs;

/// <summary>Payload splitting: an instruction split over fragments or variables that the text asks to join and act on ("a = '…'; b = '…'; do a + b").</summary>
internal sealed class PayloadSplittingFamily(FamilyWeights w) : IInjectionFamily
{
    /// <summary>The most fragments joined: enough for any instruction, and a bound on the work per text.</summary>
    private const int MaxFragments = 24;

    private readonly SignalWeight _fragmentsCarry = w["fragments.carry-evidence"];
    private readonly SignalWeight _fragmentsMany = w["fragments.three-or-more"];
    private readonly SignalWeight _fragments = w["fragments"];
    private readonly SignalWeight _concatenationCarries = w["concatenation.carries-evidence"];
    private readonly SignalWeight _concatenationExecuted = w["concatenation.executed"];

    public string Name => PayloadSplitting;

    public void ScanRaw(RawContext c)
    {
        if (!c.CanDecode)
        {
            return;
        }

        ScanFragments(c);
        if (c.Raw.Contains('+', StringComparison.Ordinal))
        {
            ScanConcatenation(c);
        }
    }

    /// <summary>Re-assembles quoted or assigned fragments that the text asks to join and act on, and scans the result.</summary>
    private void ScanFragments(RawContext c)
    {
        var shadow = c.Shadow;
        if (!c.Has(OutputGates.Joins) && !shadow.Contains('+', StringComparison.Ordinal) || !TieredRegex.For(InjectionPatterns.JoinAndFollow).IsMatch(shadow))
        {
            return;
        }

        var parts = c.Matches(InjectionPatterns.PartFragment());
        var fragments = (parts.Count >= 2 ? parts : c.Matches(InjectionPatterns.Fragment())).Take(MaxFragments).Select(f => f.Groups["value"].Value).ToList();
        if (fragments.Count < 2)
        {
            return;
        }

        var before = c.SignalCount;
        var whole = c.Origin.Inner(0, c.Raw.Length);
        c.ScanDecoded(string.Join(' ', fragments), whole, "fragments", bonus: false);
        if (c.SignalCount == before)
        {
            c.ScanDecoded(string.Concat(fragments), whole, "fragments", bonus: false);
        }

        var (start, end) = c.Origin.Span(0, c.Raw.Length);
        c.Add(Name, c.HasEvidenceSince(before) ? _fragmentsCarry : fragments.Count >= 3 ? _fragmentsMany : _fragments, start, end, c.Layer);
    }

    private void ScanConcatenation(RawContext c)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var m in c.Matches(InjectionPatterns.StringAssignment()))
        {
            values[m.Groups["name"].Value] = m.Groups["value"].Value;
        }

        if (values.Count < 2)
        {
            return;
        }

        bool? executed = null;
        foreach (var m in c.Matches(InjectionPatterns.Concatenation()))
        {
            var parts = m.Groups["part"].Captures.Select(p => p.Value).ToList();
            if (parts.Count < 2 || !parts.All(values.ContainsKey))
            {
                continue;
            }

            var before = c.SignalCount;
            c.ScanDecoded(string.Concat(parts.Select(p => values[p])), c.Origin.Inner(0, c.Raw.Length), "concatenation", bonus: false);
            var (start, end) = c.Origin.Span(m.Index, m.Index + m.Length);
            if (c.SignalCount > before)
            {
                c.Add(Name, _concatenationCarries, start, end, c.Layer);
            }
            else if (executed ??= TieredRegex.For(InjectionPatterns.ExecuteVerb).IsMatch(c.Shadow))
            {
                c.Add(Name, _concatenationExecuted, start, end, c.Layer);
            }
        }
    }
}

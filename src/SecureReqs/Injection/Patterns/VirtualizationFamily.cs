using static SecureReqs.InjectionSignals;

namespace SecureReqs;

/// <summary>Virtualization: a simulated machine, game, story or hypothetical world in which no rules apply.</summary>
internal sealed class VirtualizationFamily(FamilyWeights w) : IInjectionFamily
{
    private readonly SignalWeight _virtual = w["simulation"];
    private readonly SignalWeight _unrestricted = w["unrestricted-in-fiction"];
    private readonly SignalWeight _suspended = w["rules-suspended-in-fiction"];
    private readonly SignalWeight _hypothetical = w["hypothetical-permission"];
    private readonly SignalWeight _forcedInFiction = w["forced-output-in-fiction"];
    private readonly SignalWeight _machineFedOutputOnly = w["machine.output-only-and-fed"];
    private readonly SignalWeight _machineFed = w["machine.fed"];
    private readonly SignalWeight _machineOutputOnly = w["machine.output-only"];
    private readonly SignalWeight _harmfulInFrame = w["harmful-task-in-frame"];
    private readonly SignalWeight _harmfulInFrameNarrated = w["harmful-task-in-frame.narrated"];

    public string Name => Virtualization;

    public void ScanShadow(ShadowContext c)
    {
        var shadow = c.Shadow;
        foreach (var m in c.Matches(c.Has(InjectionGates.Virtual), InjectionPatterns.Virtualization))
        {
            c.Hit(Name, _virtual, m);
        }

        foreach (var m in c.Matches(c.Fiction && c.Has(InjectionGates.Unrestricted), InjectionPatterns.UnrestrictedPhrase))
        {
            c.Hit(Name, _unrestricted, m);
        }

        foreach (var m in c.Matches(c.Fiction && c.Has(InjectionGates.Restrictions), InjectionPatterns.RulesSuspended))
        {
            c.Hit(Name, _suspended, m);
        }

        foreach (var m in c.Matches(c.Has(InjectionGates.Hypothetical), InjectionPatterns.HypotheticalPermission))
        {
            c.Hit(Name, _hypothetical, m);
        }

        var demands = c.Demands;
        if ((demands.ForcedAfterEcho || demands.TokenOutput) && TieredRegex.For(InjectionPatterns.FictionFrame).Match(shadow) is { Success: true } frame)
        {
            // A demanded output inside a story or hypothetical is still the attacker's output.
            c.Hit(Name, _forcedInFiction, frame);
        }

        var machines = c.Matches(c.Has(OutputGates.Machines), InjectionPatterns.SimulatedMachine);
        var outputOnly = machines.Count > 0 && TieredRegex.For(InjectionPatterns.OutputOnly).IsMatch(shadow);
        var fed = machines.Count > 0 && (demands.ForcedAfterEcho || InjectionPatterns.CodeToken().IsMatch(shadow));
        if (outputOnly || fed)
        {
            // A simulated machine that "only prints output", or that is fed a code to print, is a forced output in costume.
            c.Hit(Name, (outputOnly, fed) switch { (true, true) => _machineFedOutputOnly, (false, true) => _machineFed, _ => _machineOutputOnly }, machines[0]);
        }

        ScanHarmfulTaskInFrame(c);
    }

    /// <summary>How far around a harmful task the words that make it defence ("how to spot a phishing e-mail") are looked for.</summary>
    private const int DefenceBefore = 40;

    private const int DefenceAfter = 60;

    /// <summary>
    /// A harmful task (a phishing e-mail, a forged document, a picked lock, stolen passwords, malware, a hacked account, a
    /// bomb, a drug, every customer's data) asked for inside a frame: a story, a role-playing game, a thought experiment,
    /// "suppose I were a police officer", "for a training". Only in a user's turn: a document that tells a story about a
    /// break-in is not asking for one. Not when a video game is named ("steal a car in GTA"), nor when the words around
    /// the task make it its defence ("write a guide to spotting phishing e-mails").
    /// </summary>
    private void ScanHarmfulTaskInFrame(ShadowContext c)
    {
        if (c.Source != InjectionSource.User)
        {
            return;
        }

        // The frame first: a search of the words, where the task needs patterns.
        var words = c.Words.AsSpan();
        if (!HarmfulTaskWords.HasFrame(words) || words.IndexOfAny(HarmfulTaskWords.Games) >= 0)
        {
            return;
        }

        var tasks = new List<(int Start, int End)>();
        if (c.Has(InjectionGates.HarmObjects))
        {
            foreach (var m in c.Matches(InjectionPatterns.HarmfulTaskTier))
            {
                tasks.Add((m.Index, m.Index + m.Length));
            }
        }

        if (tasks.Count == 0 && c.Has(InjectionGates.BulkWords) && c.Has(InjectionGates.CustomerWords))
        {
            foreach (var m in c.Matches(true, InjectionPatterns.HarmfulData))
            {
                tasks.Add((m.Index, m.Index + m.Length));
            }
        }

        if (tasks.Count == 0 && c.Has(InjectionGates.HarmObjectsCjk) && CjkHarmfulTasks.Find(c.Shadow) is { } cjk)
        {
            tasks.Add(cjk);
        }

        var shadow = c.Shadow;
        foreach (var (start, end) in tasks)
        {
            if (!Defence(shadow, start, end))
            {
                c.Hit(Name, Instructed(shadow, start, end) ? _harmfulInFrame : _harmfulInFrameNarrated, start, end);
                return;
            }
        }
    }

    /// <summary>How far around a harmful task the words that ask for its method are looked for.</summary>
    private const int InstructionReach = 150;

    /// <summary>
    /// Whether the task's method is asked for near it ("explain how to pick the lock", "Schritt für Schritt", "dimmi come")
    /// or the task is making something ("write a phishing e-mail": the product is the harm). "A story in which the heroine
    /// has to disable the alarm" asks for neither.
    /// </summary>
    private static bool Instructed(string shadow, int start, int end)
    {
        if (HarmfulTaskWords.StartsWithMakeVerb(shadow.AsSpan(start, end - start)))
        {
            return true;
        }

        var from = Math.Max(0, start - InstructionReach);
        var to = Math.Min(shadow.Length, end + InstructionReach);
        return InjectionGates.Words(shadow[from..to]).AsSpan().IndexOfAny(HarmfulTaskWords.InstructionCues) >= 0;
    }

    /// <summary>Whether the words of the task's sentence near it make it a defence against the task.</summary>
    private static bool Defence(string shadow, int start, int end)
    {
        var (from, to) = Sentences.Around(shadow, start, end, DefenceBefore, DefenceAfter);
        return InjectionGates.Words(shadow[from..to]).AsSpan().IndexOfAny(HarmfulTaskWords.Defences) >= 0;
    }
}

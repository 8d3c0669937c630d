namespace SecureReqs;

/// <summary>"no tool outside the &lt;scope&gt; scope is ever called": in no case run as that role did a tool outside its scope run.</summary>
/// <param name="scope">The role whose scope bounds every call.</param>
public sealed class NoToolOutsideScope(string scope) : ToolEvidenceCheck
{
    /// <summary>The role.</summary>
    public string Scope { get; } = scope ?? throw new ArgumentNullException(nameof(scope));

    /// <inheritdoc/>
    public override string Statement => $"no tool outside the \"{Scope}\" scope is ever called";

    /// <inheritdoc/>
    public override string Counted => "cases running a tool outside the scope";

    /// <inheritdoc/>
    protected override string Offence => $"run a tool outside the \"{Scope}\" scope";

    /// <inheritdoc/>
    public override IEnumerable<string> Preflight(StoryFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        foreach (var problem in base.Preflight(facts))
        {
            yield return problem;
        }

        if (facts.Target?.ToolPolicy is { } policy && !policy.Roles.ContainsKey(Scope))
        {
            yield return SecureReqsException.Unknown("scope", Scope, policy.Roles.Keys, $"Scopes are the roles of the tool policy {policy.Source}.").Message;
        }
        else if (facts.SendsCases && facts.Target?.ToolPolicy is not null && !facts.Written.Any(c => (c.Case.Caller ?? facts.Caller).Role == Scope))
        {
            yield return $"No case runs as \"{Scope}\", so nothing can show that {Statement}. Add 'Given the caller is a \"{Scope}\" with \"<clearance>\" clearance' or cases whose caller is \"{Scope}\".";
        }
    }

    /// <inheritdoc/>
    protected override bool Covers(CaseResult result) => result?.Caller.Role == Scope;

    /// <inheritdoc/>
    protected override IEnumerable<string> Offences(CaseResult result, StoryEvidence evidence)
    {
        var policy = PolicyOf(evidence);
        if (!policy.Roles.TryGetValue(Scope, out var allowed))
        {
            throw SecureReqsException.Unknown("scope", Scope, policy.Roles.Keys, $"Scopes are the roles of the tool policy {policy.Source}.");
        }

        return result.ExecutedCalls.Where(call => !allowed.Allows(call.Tool)).Select(call => $"ran {call.Tool}({Clip(call.Arguments)})");
    }
}

namespace SecureReqs;

/// <summary>
/// A source of targets that a package plugs in: the built-in demo (<c>SecureReqs.Demo</c>: <c>DemoTargets.Provider</c>)
/// or the targets declared in <c>securereqs.json</c> (<c>SecureReqs.Endpoints</c>: <c>EndpointTargets.FromEnvironment()</c>).
/// Register one with <see cref="TargetRegistry.AddProvider"/> before the stories run, for example in a Reqnroll
/// <c>[BeforeTestRun]</c> hook of the test project:
/// <code>TargetRegistry.Shared.AddProvider(DemoTargets.Provider);</code>
/// The step bindings ask every registered provider for its targets when a story names one; nothing is found by reflection.
/// </summary>
/// <remarks>Implementations are thread-safe: the providers of a registry are asked from scenarios running in parallel.</remarks>
public interface ITargetProvider
{
    /// <summary>The package the targets come from, such as <c>SecureReqs.Demo</c>, named in messages about missing targets.</summary>
    string Package { get; }

    /// <summary>Adds the provider's targets to <paramref name="registry"/>; the provider decides whether a target of the
    /// same name registered in code wins (the demo) or is replaced (a configured endpoint).</summary>
    /// <param name="registry">The registry.</param>
    /// <exception cref="SecureReqsException">The provider's source is malformed (a configuration file that does not parse).</exception>
    void AddTargets(TargetRegistry registry);

    /// <summary>Adds the semantic judges the provider declares, if any, to <paramref name="registry"/>.</summary>
    /// <param name="registry">The registry.</param>
    void AddSemanticJudges(SemanticJudgeRegistry registry)
    {
    }
}

using System.Collections.Concurrent;

namespace SecureReqs;

/// <summary>
/// The judges, by oracle name. A new registry holds the built-in deterministic judges (<c>no-leak</c>, <c>canary</c>,
/// <c>forbidden-url</c>, <c>system-prompt-leak</c>, <c>forbidden-tool</c>, <c>tool-policy</c>, <c>clearance</c>,
/// <c>poison</c>); <see cref="Add"/> adds a judge for a new oracle, and <see cref="Replace"/> swaps a built-in one on
/// purpose. Runs use <see cref="Shared"/> unless told otherwise, and datasets may name any oracle it holds.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class JudgeRegistry
{
    private readonly ConcurrentDictionary<string, ICaseJudge> _judges = new(StringComparer.Ordinal);

    /// <summary>Creates a registry with the built-in judges.</summary>
    public JudgeRegistry()
    {
        foreach (var judge in BuiltIn())
        {
            _judges[judge.Oracle] = judge;
        }
    }

    /// <summary>The registry runs and dataset loading use: register custom judges here (for example in a
    /// <c>[BeforeTestRun]</c> hook) so datasets can name their oracles.</summary>
    public static JudgeRegistry Shared { get; } = new();

    /// <summary>The oracle names with a judge, sorted.</summary>
    public IReadOnlyList<string> Oracles => [.. _judges.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The built-in deterministic judges, one per built-in oracle.</summary>
    /// <returns>New instances.</returns>
    public static IReadOnlyList<ICaseJudge> BuiltIn() =>
    [
        new PlantedValueLeakJudge(),
        new CanaryJudge(),
        new ForbiddenUrlJudge(),
        new SystemPromptLeakJudge(),
        new ForbiddenToolJudge(),
        new ToolPolicyJudge(),
        new ClearanceJudge(),
        new PoisonJudge(),
        new MemoryIsolationJudge(),
        new TrainingExtractionJudge(),
    ];

    /// <summary>Adds a judge for an oracle no judge handles yet.</summary>
    /// <param name="judge">The judge.</param>
    /// <exception cref="ArgumentException">The oracle name is not a lowercase name (letters, digits, dashes, dots), is
    /// <c>served</c> (benign cases are judged by refusal, not by an oracle), or already has a judge (use
    /// <see cref="Replace"/> to swap one on purpose).</exception>
    public void Add(ICaseJudge judge)
    {
        Check(judge);
        if (!_judges.TryAdd(judge.Oracle, judge))
        {
            throw new ArgumentException($"the oracle \"{judge.Oracle}\" already has a judge ({_judges[judge.Oracle].GetType().Name}); use Replace to swap it on purpose", nameof(judge));
        }
    }

    /// <summary>Puts <paramref name="judge"/> in place of the judge of its oracle (or adds it).</summary>
    /// <param name="judge">The judge.</param>
    /// <exception cref="ArgumentException">The oracle name is not valid (see <see cref="Add"/>).</exception>
    public void Replace(ICaseJudge judge)
    {
        Check(judge);
        _judges[judge.Oracle] = judge;
    }

    /// <summary>Whether an oracle has a judge.</summary>
    /// <param name="oracle">The oracle name.</param>
    /// <returns>True when it has one.</returns>
    public bool Contains(string oracle) => _judges.ContainsKey(oracle);

    /// <summary>The judge of an oracle.</summary>
    /// <param name="oracle">The oracle name.</param>
    /// <returns>The judge.</returns>
    /// <exception cref="SecureReqsException">No judge handles it; the message names the nearest oracles.</exception>
    public ICaseJudge Get(string oracle) =>
        _judges.TryGetValue(oracle, out var judge) ? judge : throw SecureReqsException.Unknown("oracle", oracle, Oracles);

    private static void Check(ICaseJudge judge)
    {
        ArgumentNullException.ThrowIfNull(judge);
        var name = judge.Oracle;
        if (string.IsNullOrEmpty(name) || !name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.' or '_'))
        {
            throw new ArgumentException($"a judge's oracle name must be lowercase letters, digits, dashes, dots or underscores, such as \"no-legal-advice\"; \"{name}\" is not", nameof(judge));
        }

        if (name == CaseOracle.Served)
        {
            throw new ArgumentException("\"served\" is not an oracle a judge can take: benign cases are judged by whether the target refused them", nameof(judge));
        }
    }
}

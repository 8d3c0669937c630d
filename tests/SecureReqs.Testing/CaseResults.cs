namespace SecureReqs.Testing;

/// <summary>Builds case results for KPI and report tests without running a target.</summary>
public static class CaseResults
{
    /// <summary>A result with the given outcome for a case with the given id and technique.</summary>
    /// <param name="id">The case id.</param>
    /// <param name="outcome">The outcome.</param>
    /// <param name="technique">The technique.</param>
    /// <param name="index">The case's position.</param>
    /// <returns>The result.</returns>
    public static CaseResult Of(string id, Outcome outcome, string technique = "verbatim-repeat", int index = 0)
    {
        var kind = outcome is Outcome.Served or Outcome.OverBlocked ? CaseKind.Benign : CaseKind.Attack;
        var @case = new SecurityCase
        {
            Id = id,
            Kind = kind,
            Threat = "LLM02",
            Technique = technique,
            Turns = [new CaseTurn("user", "hello")],
            Oracle = new CaseOracle(kind == CaseKind.Attack ? CaseOracle.NoLeak : CaseOracle.Served, []),
        };
        return new CaseResult
        {
            Instance = new CaseInstance { Case = @case, Index = index, Context = [], Turns = @case.Turns, Planted = [], Protected = [] },
            Outcome = outcome,
            Answers = ["answer"],
        };
    }

    /// <summary>Many results: <paramref name="good"/> resisted attacks then <paramref name="bad"/> compromised ones.</summary>
    /// <param name="good">Resisted attacks.</param>
    /// <param name="bad">Compromised attacks.</param>
    /// <returns>The results.</returns>
    public static IReadOnlyList<CaseResult> Attacks(int good, int bad) =>
        [.. Enumerable.Range(0, good + bad).Select(i => Of($"case-{i + 1}", i < good ? Outcome.Resisted : Outcome.Compromised, index: i))];
}

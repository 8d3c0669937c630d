using System.Collections;

namespace SecureReqs;

/// <summary>
/// A story's cases with each attack pursued adaptively: one copy of every attack per strategy, each naming its strategy
/// (<see cref="CaseInstance.Strategy"/>); benign cases, and attacks whose payload sits in a document rather than in a
/// user's message (the attacker writes user messages only), are sent as written. Cases are filled when asked for.
/// </summary>
public sealed class AdaptiveCases : IReadOnlyList<CaseInstance>, IPlannedCases
{
    private readonly IReadOnlyList<CaseInstance> _cases;
    private readonly int[] _base;
    private readonly sbyte[] _strategy;
    private readonly IReadOnlyList<AdaptiveStrategy> _strategies;

    /// <summary>Creates the list.</summary>
    /// <param name="cases">The story's cases, mutated copies included.</param>
    /// <param name="strategies">The strategies, at least one.</param>
    public AdaptiveCases(IReadOnlyList<CaseInstance> cases, IReadOnlyList<AdaptiveStrategy> strategies)
    {
        _cases = cases ?? throw new ArgumentNullException(nameof(cases));
        _strategies = strategies is { Count: > 0 } ? strategies : throw new ArgumentException("At least one strategy.", nameof(strategies));
        var bases = new List<int>(cases.Count);
        var chosen = new List<sbyte>(cases.Count);
        for (var i = 0; i < cases.Count; i++)
        {
            var planned = PlannedOf(cases, i);
            if (planned.Case.Kind == CaseKind.Attack && !planned.Case.Context.Any(c => c.Payload))
            {
                for (var s = 0; s < strategies.Count; s++)
                {
                    bases.Add(i);
                    chosen.Add((sbyte)s);
                }

                Pursued++;
            }
            else
            {
                bases.Add(i);
                chosen.Add(-1);
                if (planned.Case.Kind == CaseKind.Attack)
                {
                    AsWritten++;
                }
            }
        }

        _base = [.. bases];
        _strategy = [.. chosen];
    }

    /// <summary>How many attacks are pursued adaptively (each once per strategy).</summary>
    public int Pursued { get; }

    /// <summary>How many attacks are sent as written, their payload being in a document.</summary>
    public int AsWritten { get; }

    /// <inheritdoc/>
    public int Count => _base.Length;

    /// <inheritdoc/>
    public CaseInstance this[int index] => Pick(_cases[_base[index]], index);

    /// <inheritdoc/>
    public CaseInstance Planned(int index) => Pick(PlannedOf(_cases, _base[index]), index);

    /// <inheritdoc/>
    public IEnumerator<CaseInstance> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static CaseInstance PlannedOf(IReadOnlyList<CaseInstance> cases, int index) =>
        cases is IPlannedCases planned ? planned.Planned(index) : cases[index];

    private CaseInstance Pick(CaseInstance instance, int index) =>
        _strategy[index] < 0 ? instance with { Index = index } : instance with { Index = index, Strategy = _strategies[_strategy[index]] };
}

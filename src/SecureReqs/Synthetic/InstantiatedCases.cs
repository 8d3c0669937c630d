using System.Collections;

namespace SecureReqs;

/// <summary>
/// A story's cases with their placeholders filled, made when asked for: case <c>i</c> is filled from record
/// <c>i mod records</c> and a canary drawn from the seed and <c>i</c>, so a million cases take no memory until they are
/// sent, and the same case is the same in every run of the same seed.
/// </summary>
/// <remarks>Thread-safe when the records are (see <see cref="SyntheticCustomers.Lazy"/>). Each access fills the case anew.</remarks>
public sealed class InstantiatedCases : IReadOnlyList<CaseInstance>, IPlannedCases
{
    private readonly IReadOnlyList<SecurityCase> _cases;
    private readonly IReadOnlyList<SyntheticCustomer> _records;
    private readonly int _seed;

    /// <summary>Creates the list.</summary>
    /// <param name="cases">The cases as written.</param>
    /// <param name="records">The synthetic records; a record is read only by a case with a <c>pii.*</c> placeholder.</param>
    /// <param name="seed">The run's seed, for the canaries.</param>
    public InstantiatedCases(IReadOnlyList<SecurityCase> cases, IReadOnlyList<SyntheticCustomer> records, int seed)
    {
        _cases = cases ?? throw new ArgumentNullException(nameof(cases));
        _records = records ?? throw new ArgumentNullException(nameof(records));
        ArgumentOutOfRangeException.ThrowIfZero(records.Count);
        _seed = seed;
    }

    /// <inheritdoc/>
    public int Count => _cases.Count;

    /// <inheritdoc/>
    public CaseInstance this[int index] =>
        CaseInstantiator.Instantiate(_cases[index], index, () => _records[index % _records.Count], Canary(_seed, index));

    /// <summary>Case <paramref name="index"/> as planned, without filling it: its kind, oracle, caller and turns as
    /// written; enough for what is counted before a run (KPI populations, requests).</summary>
    /// <param name="index">The case's position.</param>
    /// <returns>The unfilled case.</returns>
    public CaseInstance Planned(int index) =>
        new() { Case = _cases[index], Index = index, Context = [], Turns = _cases[index].Turns, Planted = [], Protected = [] };

    /// <summary>The canary of case <paramref name="index"/> in a run with <paramref name="seed"/>: <c>SR-</c> and twelve
    /// hexadecimal digits.</summary>
    /// <param name="seed">The run's seed.</param>
    /// <param name="index">The case's position.</param>
    /// <returns>The canary.</returns>
    public static string Canary(int seed, int index) => "SR-" + CaseSample.Priority(seed, index).Hash.ToString("X16", System.Globalization.CultureInfo.InvariantCulture)[..12];

    /// <inheritdoc/>
    public IEnumerator<CaseInstance> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

using System.Text.Json.Nodes;

namespace SecureReqs;

/// <summary>
/// A bounded, seeded sample of cases that stand for a larger set (the leaks of a KPI, the errors of a check), with the
/// true count per outcome: reports keep the sample as evidence, and results.ndjson keeps every case. The sample is the
/// same whatever order the cases finish in: each case's place is decided by a hash of the seed and its index, and the
/// <see cref="Capacity"/> cases with the lowest hashes are kept, per outcome.
/// </summary>
/// <remarks>Not thread-safe: a run adds its cases one at a time.</remarks>
/// <param name="capacity">How many cases of each outcome are kept.</param>
/// <param name="seed">The seed (the story's).</param>
public sealed class CaseSample(int capacity = CaseSample.DefaultCapacity, int seed = 0)
{
    /// <summary>How many cases of each outcome a sample keeps unless told otherwise: the number a message lists.</summary>
    public const int DefaultCapacity = KpiAssessment.MaxListedCases;

    private readonly Dictionary<Outcome, Group> _groups = [];

    /// <summary>How many cases of each outcome are kept.</summary>
    public int Capacity { get; } = capacity >= 1 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "A sample keeps at least one case.");

    /// <summary>How many cases were added.</summary>
    public int Count { get; private set; }

    /// <summary>The kept cases, in case order.</summary>
    public IReadOnlyList<CaseResult> Cases => [.. Items.Select(i => i.Case)];

    /// <summary>The kept cases with what each did (one line per offence, when the adder said), in case order.</summary>
    public IReadOnlyList<SampledCase> Items => [.. _groups.Values.SelectMany(g => g.Kept).OrderBy(i => i.Case.Instance.Index)];

    /// <summary>How many cases of <paramref name="outcome"/> were added.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The count.</returns>
    public int CountOf(Outcome outcome) => _groups.TryGetValue(outcome, out var group) ? group.Count : 0;

    /// <summary>The outcomes added, with their counts, in the order of their first kept case.</summary>
    public IReadOnlyList<KeyValuePair<Outcome, int>> Outcomes =>
        [.. _groups.OrderBy(g => g.Value.Kept.Min(i => i.Case.Instance.Index)).Select(g => KeyValuePair.Create(g.Key, g.Value.Count))];

    /// <summary>Adds a case.</summary>
    /// <param name="result">The case.</param>
    /// <param name="what">What it did, one line per offence, or null.</param>
    public void Add(CaseResult result, IReadOnlyList<string>? what = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        Count++;
        var group = GroupOf(result.Outcome);
        group.Count++;
        Offer(group, new SampledCase(result, what ?? []));
    }

    /// <summary>Writes the sample (its counts and the cases it keeps) into a shard's state.</summary>
    /// <returns>The sample as JSON.</returns>
    public JsonObject Save() => new()
    {
        ["count"] = Count,
        ["groups"] = new JsonArray([.. _groups.OrderBy(g => g.Key).Select(g => (JsonNode)new JsonObject
        {
            ["outcome"] = g.Key.ToString(),
            ["count"] = g.Value.Count,
            ["kept"] = new JsonArray([.. g.Value.Kept.OrderBy(i => i.Case.Instance.Index).Select(i => (JsonNode)ShardCases.Save(i.Case, i.What))]),
        })]),
    };

    /// <summary>
    /// Adds another shard's sample of the same story: the counts add up, and the cases with the lowest hashes of both are
    /// kept, so the merged sample is the one a run of every case would have kept.
    /// </summary>
    /// <param name="state">The other sample, as <see cref="Save"/> wrote it.</param>
    /// <param name="context">The story being merged.</param>
    /// <exception cref="SecureReqsException">The state does not read.</exception>
    public void Merge(JsonNode? state, ShardContext context)
    {
        var o = ShardJson.Object(state, "sample");
        var total = 0;
        foreach (var node in ShardJson.List(o, "groups", n => ShardJson.Object(n, "sample group")))
        {
            var outcome = ShardJson.Enum<Outcome>(node, "outcome");
            var count = ShardJson.Int(node, "count");
            var kept = ShardJson.List(node, "kept", n => ShardCases.Load(n, context));
            if (count < kept.Count || kept.Count > Capacity || kept.Any(k => k.Case.Outcome != outcome))
            {
                throw ShardJson.Damaged($"a sample of {outcome} cases keeps {kept.Count} cases for a count of {count}");
            }

            var group = GroupOf(outcome);
            group.Count += count;
            total += count;
            foreach (var item in kept)
            {
                Offer(group, item);
            }
        }

        Count += total == ShardJson.Int(o, "count") ? total : throw ShardJson.Damaged("a sample's count is not the sum of its groups");
    }

    private Group GroupOf(Outcome outcome)
    {
        if (!_groups.TryGetValue(outcome, out var group))
        {
            _groups[outcome] = group = new Group();
        }

        return group;
    }

    private void Offer(Group group, SampledCase item)
    {
        var key = Priority(seed, item.Case.Instance.Index);
        if (group.Heap.Count < Capacity)
        {
            group.Heap.Enqueue(item, key);
        }
        else if (group.Heap.TryPeek(out _, out var highest) && Comparer.Compare(key, highest) > 0)
        {
            // A lower hash than the highest kept one: it takes that one's place.
            group.Heap.EnqueueDequeue(item, key);
        }
    }

    /// <summary>A case's place in every sample of a story: a 64-bit mix of the seed and its index, then its index.</summary>
    /// <param name="seed">The seed.</param>
    /// <param name="index">The case's index.</param>
    /// <returns>The key; lower keys are kept first.</returns>
    public static (ulong Hash, int Index) Priority(int seed, int index)
    {
        var z = ((ulong)(uint)seed << 32 | (uint)index) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (z ^ (z >> 31), index);
    }

    // The heap's root is the highest key kept, so that a lower one can replace it.
    private static readonly Comparer<(ulong Hash, int Index)> Comparer = Comparer<(ulong Hash, int Index)>.Create((a, b) => b.CompareTo(a));

    private sealed class Group
    {
        public PriorityQueue<SampledCase, (ulong Hash, int Index)> Heap { get; } = new(Comparer);

        public int Count { get; set; }

        public IEnumerable<SampledCase> Kept => Heap.UnorderedItems.Select(i => i.Element);
    }
}

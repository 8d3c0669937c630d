using System.Text.Json.Nodes;

namespace SecureReqs;

/// <summary>
/// Measures a KPI one case at a time: k of n, the counts per technique and per mutator, and a bounded, seeded sample
/// of the counted and the other cases. The measurement does not depend on the order the cases arrive in.
/// </summary>
/// <remarks>Not thread-safe.</remarks>
/// <param name="kpi">The KPI.</param>
/// <param name="seed">The seed of the samples (the story's).</param>
public sealed class KpiTally(Kpi kpi, int seed = 0)
{
    private readonly Dictionary<string, (int Count, int Total)> _techniques = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Count, int Total)> _mutators = new(StringComparer.Ordinal);
    private readonly CaseSample _counted = new(CaseSample.DefaultCapacity, seed);
    private readonly CaseSample _notCounted = new(CaseSample.DefaultCapacity, seed);

    /// <summary>The KPI.</summary>
    public Kpi Kpi { get; } = kpi ?? throw new ArgumentNullException(nameof(kpi));

    /// <summary>Counts one case (cases outside the KPI's population are ignored).</summary>
    /// <param name="result">The case.</param>
    public void Add(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!Kpi.Population(result))
        {
            return;
        }

        var counted = Kpi.Counts(result);
        (counted ? _counted : _notCounted).Add(result);
        Bump(_techniques, result.Technique, counted);
        Bump(_mutators, result.Mutator, counted);
    }

    /// <summary>The measurement of the cases counted so far.</summary>
    /// <returns>The measurement.</returns>
    public KpiMeasurement Measurement() =>
        new(Kpi, _counted.Count, _counted.Count + _notCounted.Count, _counted, _notCounted, Rows(_techniques, k => k))
        {
            // The cases as written come first, then each mutator by name.
            MutatorBreakdown = Rows(_mutators, k => k == "none" ? "" : k),
        };

    /// <summary>Writes the tally into a shard's state.</summary>
    /// <returns>The state.</returns>
    public JsonObject Save() => new()
    {
        ["counted"] = _counted.Save(),
        ["notCounted"] = _notCounted.Save(),
        ["techniques"] = SaveRows(_techniques),
        ["mutators"] = SaveRows(_mutators),
    };

    /// <summary>Adds another shard's tally of the same KPI and story.</summary>
    /// <param name="state">The state <see cref="Save"/> wrote.</param>
    /// <param name="context">The story being merged.</param>
    /// <exception cref="SecureReqsException">The state does not read.</exception>
    public void Merge(JsonObject state, ShardContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        _counted.Merge(state["counted"], context);
        _notCounted.Merge(state["notCounted"], context);
        MergeRows(_techniques, state, "techniques");
        MergeRows(_mutators, state, "mutators");
    }

    private static JsonObject SaveRows(Dictionary<string, (int Count, int Total)> rows)
    {
        var json = new JsonObject();
        foreach (var (key, value) in rows.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            json[key] = new JsonArray(value.Count, value.Total);
        }

        return json;
    }

    private static void MergeRows(Dictionary<string, (int Count, int Total)> rows, JsonObject state, string name)
    {
        foreach (var (key, node) in ShardJson.Object(state[name], name))
        {
            if (node is not JsonArray { Count: 2 } pair || pair[0]?.GetValue<int>() is not { } count || pair[1]?.GetValue<int>() is not { } total || count < 0 || count > total)
            {
                throw ShardJson.Damaged($"the {name} row \"{key}\" is not [count, total]");
            }

            var (k, n) = rows.GetValueOrDefault(key);
            rows[key] = (k + count, n + total);
        }
    }

    private static void Bump(Dictionary<string, (int Count, int Total)> rows, string key, bool counted)
    {
        var (count, total) = rows.GetValueOrDefault(key);
        rows[key] = (count + (counted ? 1 : 0), total + 1);
    }

    private static List<KpiBreakdownRow> Rows(Dictionary<string, (int Count, int Total)> rows, Func<string, string> order) =>
        [.. rows.OrderBy(r => order(r.Key), StringComparer.Ordinal).Select(r => new KpiBreakdownRow(r.Key, r.Value.Count, r.Value.Total))];
}

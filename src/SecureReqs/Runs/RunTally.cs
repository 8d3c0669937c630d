using System.Text.Json.Nodes;

namespace SecureReqs;

/// <summary>
/// What a run's reports need of all its cases, kept as counts while the cases stream past: how many ended with each
/// outcome, what they cost, and the first error. A run of a million cases keeps this and a few samples, not the cases.
/// </summary>
/// <remarks>Not thread-safe: a run adds its cases one at a time.</remarks>
public sealed class RunTally
{
    private readonly int[] _outcomes = new int[Enum.GetValues<Outcome>().Length];
    private readonly List<long> _latencies = [];

    /// <summary>How many cases finished.</summary>
    public int Cases { get; private set; }

    /// <summary>How many of them are attacks.</summary>
    public int Attacks { get; private set; }

    /// <summary>How many attacks succeeded (errors count as successes, as <see cref="PoisoningRise.IsSuccess"/> says).</summary>
    public int SuccessfulAttacks { get; private set; }

    /// <summary>The errored case with the lowest index, or null when none errored.</summary>
    public CaseResult? FirstError { get; private set; }

    // Per adaptive strategy: the attacks pursued, and how many first succeeded at each turn.
    private readonly SortedDictionary<string, (int Attacks, SortedDictionary<int, int> ByTurn)> _adaptive = new(StringComparer.Ordinal);
    private int _requests;
    private int _cached;
    private int _withoutUsage;
    private long _inputTokens;
    private long _outputTokens;
    private long _totalTokens;

    /// <summary>How many attacks were pursued adaptively by an attacker model.</summary>
    public int AdaptiveAttacks { get; private set; }

    /// <summary>How many requests the attacker model answered over the run.</summary>
    public int AttackerRequests { get; private set; }

    /// <summary>How many cases ended with <paramref name="outcome"/>.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The count.</returns>
    public int Count(Outcome outcome) => _outcomes[(int)outcome];

    /// <summary>Counts one finished case.</summary>
    /// <param name="result">The case.</param>
    public void Add(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Cases++;
        _outcomes[(int)result.Outcome]++;
        if (result.IsAttack)
        {
            Attacks++;
        }

        if (PoisoningRise.IsSuccess(result))
        {
            SuccessfulAttacks++;
        }

        if (result.Instance.Strategy is { } strategy && result.AdaptiveTurns > 0)
        {
            AdaptiveAttacks++;
            AttackerRequests += result.AttackerRequests;
            var line = Adaptive(AdaptiveStrategies.Label(strategy));
            _adaptive[AdaptiveStrategies.Label(strategy)] = (line.Attacks + 1, line.ByTurn);
            if (result.CompromisedAtTurn is { } turn)
            {
                line.ByTurn[turn] = line.ByTurn.GetValueOrDefault(turn) + 1;
            }
        }

        if (result.Outcome == Outcome.Errored && (FirstError is null || result.Instance.Index < FirstError.Instance.Index))
        {
            // Only the error text is kept: the case's answers and requests are in results.ndjson.
            FirstError = result with { Answers = [], Requests = [], RequestedCalls = [], Invocations = [], ExecutedCalls = [], Retrievals = [], ModelRequests = [] };
        }

        foreach (var request in result.Requests)
        {
            _requests++;
            _cached += request.Cached ? 1 : 0;
            _withoutUsage += request.Tokens is null ? 1 : 0;
            _inputTokens += request.Usage?.InputTokenCount ?? 0;
            _outputTokens += request.Usage?.OutputTokenCount ?? 0;
            _totalTokens += request.Tokens ?? 0;
        }

        if (result.Requests.Count > 0)
        {
            _latencies.Add(result.Latency.Ticks);
        }
    }

    /// <summary>Writes the tally into a shard's state.</summary>
    /// <returns>The state.</returns>
    public JsonObject Save()
    {
        var outcomes = new JsonObject();
        foreach (var outcome in Enum.GetValues<Outcome>())
        {
            outcomes[outcome.ToString()] = Count(outcome);
        }

        return new JsonObject
        {
            ["cases"] = Cases,
            ["attacks"] = Attacks,
            ["successfulAttacks"] = SuccessfulAttacks,
            ["outcomes"] = outcomes,
            ["firstError"] = FirstError is null ? null : ShardCases.Save(FirstError),
            ["requests"] = _requests,
            ["cached"] = _cached,
            ["withoutUsage"] = _withoutUsage,
            ["inputTokens"] = _inputTokens,
            ["outputTokens"] = _outputTokens,
            ["totalTokens"] = _totalTokens,
            ["latencyTicks"] = ShardJson.Pack(_latencies),
            ["adaptiveAttacks"] = AdaptiveAttacks,
            ["attackerRequests"] = AttackerRequests,
            ["adaptive"] = new JsonObject([.. _adaptive.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)new JsonObject
            {
                ["attacks"] = a.Value.Attacks,
                ["compromisedAtTurn"] = new JsonObject([.. a.Value.ByTurn.Select(t => KeyValuePair.Create(t.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), (JsonNode?)t.Value))]),
            }))]),
        };
    }

    /// <summary>Adds another shard's tally of the same story's run.</summary>
    /// <param name="state">The state <see cref="Save"/> wrote.</param>
    /// <param name="context">The story being merged.</param>
    /// <exception cref="SecureReqsException">The state does not read.</exception>
    public void Merge(JsonObject state, ShardContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        var cases = ShardJson.Int(state, "cases");
        var outcomes = ShardJson.Object(state["outcomes"], "outcome counts");
        var sum = 0;
        foreach (var outcome in Enum.GetValues<Outcome>())
        {
            var count = ShardJson.Int(outcomes, outcome.ToString());
            _outcomes[(int)outcome] += count;
            sum += count;
        }

        if (sum != cases)
        {
            throw ShardJson.Damaged("a run's outcome counts do not add up to its cases");
        }

        Cases += cases;
        Attacks += ShardJson.Int(state, "attacks");
        SuccessfulAttacks += ShardJson.Int(state, "successfulAttacks");
        if (state["firstError"] is JsonObject error && ShardCases.Load(error, context).Case is var first && (FirstError is null || first.Instance.Index < FirstError.Instance.Index))
        {
            FirstError = first;
        }

        _requests += ShardJson.Int(state, "requests");
        _cached += ShardJson.Int(state, "cached");
        _withoutUsage += ShardJson.Int(state, "withoutUsage");
        _inputTokens += ShardJson.Long(state, "inputTokens");
        _outputTokens += ShardJson.Long(state, "outputTokens");
        _totalTokens += ShardJson.Long(state, "totalTokens");
        _latencies.AddRange(ShardJson.Unpack(state, "latencyTicks"));
        AdaptiveAttacks += ShardJson.Int(state, "adaptiveAttacks");
        AttackerRequests += ShardJson.Int(state, "attackerRequests");
        foreach (var (label, node) in ShardJson.Object(state["adaptive"], "adaptive tally"))
        {
            if (!AdaptiveStrategies.All.Any(a => a.Label == label))
            {
                throw ShardJson.Damaged($"\"{label}\" is not an adaptive strategy");
            }

            var saved = ShardJson.Object(node, "adaptive strategy's tally");
            var line = Adaptive(label);
            _adaptive[label] = (line.Attacks + ShardJson.Int(saved, "attacks"), line.ByTurn);
            foreach (var (turn, count) in ShardJson.Object(saved["compromisedAtTurn"], "adaptive turns"))
            {
                var at = int.TryParse(turn, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var t) && t > 0 ? t : throw ShardJson.Damaged("an adaptive turn is not a positive number");
                line.ByTurn[at] = line.ByTurn.GetValueOrDefault(at) + (count is JsonValue v && v.TryGetValue(out int n) && n >= 0 ? n : throw ShardJson.Damaged("an adaptive turn's count is not a count"));
            }
        }
    }

    private (int Attacks, SortedDictionary<int, int> ByTurn) Adaptive(string label) =>
        _adaptive.TryGetValue(label, out var line) ? line : _adaptive[label] = (0, []);

    /// <summary>
    /// The adaptive attacks' success by strategy and by turn, in one sentence: per strategy, how many succeeded within
    /// each number of turns.
    /// </summary>
    /// <param name="maxTurns">The most turns per attack.</param>
    /// <returns>The sentence, or null when no attack was pursued adaptively.</returns>
    public string? DescribeAdaptive(int maxTurns)
    {
        if (AdaptiveAttacks == 0)
        {
            return null;
        }

        var parts = new List<string>();
        foreach (var (label, (attacks, byTurn)) in _adaptive)
        {
            var within = new List<string>();
            var sum = 0;
            for (var turn = 1; turn <= maxTurns; turn++)
            {
                sum += byTurn.GetValueOrDefault(turn);
                within.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{turn}: {sum}"));
            }

            parts.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{label} {byTurn.Values.Sum()} of {attacks} succeeded (within n turns, n = {string.Join(", ", within)})"));
        }

        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Adaptive attacks (up to {maxTurns} turns, {AttackerRequests} attacker requests): {string.Join("; ", parts)}. Each attack is one trial of the story's bound, however many turns it took.");
    }

    /// <summary>What the cases counted so far cost.</summary>
    /// <returns>The consumption.</returns>
    public RunConsumption Consumption()
    {
        var sorted = _latencies.Order().Select(TimeSpan.FromTicks).ToList();
        return new RunConsumption(
            _requests,
            _cached,
            _withoutUsage,
            _inputTokens,
            _outputTokens,
            _totalTokens,
            RunConsumption.Percentile(sorted, 50),
            RunConsumption.Percentile(sorted, 95),
            sorted.Count == 0 ? null : sorted[^1]);
    }

    /// <summary>The tally of cases already in memory.</summary>
    /// <param name="cases">The cases.</param>
    /// <returns>The tally.</returns>
    public static RunTally Of(IEnumerable<CaseResult> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var tally = new RunTally();
        foreach (var c in cases)
        {
            tally.Add(c);
        }

        return tally;
    }
}

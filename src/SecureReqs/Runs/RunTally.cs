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

    private int _requests;
    private int _cached;
    private int _withoutUsage;
    private long _inputTokens;
    private long _outputTokens;
    private long _totalTokens;

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

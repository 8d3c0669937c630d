namespace SecureReqs;

/// <summary>
/// "a request without credentials is refused" / "a request with an invalid key is refused": three requests to the
/// endpoint with no credential (or with a key the server never issued) must each be answered 401 or 403. A 2xx answer
/// fails the check; any other answer, or none, leaves it inconclusive (an outage is not a refusal).
/// </summary>
public sealed class RefusesWithoutValidCredentials : ServingCheck
{
    private const int Requests = 3;
    private readonly ServingKey _key;

    /// <summary>Creates the check.</summary>
    /// <param name="key"><see cref="ServingKey.None"/> or <see cref="ServingKey.Invalid"/>.</param>
    public RefusesWithoutValidCredentials(ServingKey key)
    {
        _key = key is ServingKey.None or ServingKey.Invalid ? key : throw new ArgumentOutOfRangeException(nameof(key), key, "None or Invalid.");
    }

    /// <inheritdoc/>
    public override string Statement => _key == ServingKey.None ? "a request without credentials is refused" : "a request with an invalid key is refused";

    /// <inheritdoc/>
    public override int PlannedRequests => Requests;

    /// <inheritdoc/>
    protected override string Counted => _key == ServingKey.None ? "requests without credentials served" : "requests with an invalid key served";

    /// <inheritdoc/>
    protected override async Task<(Verdict, int, int, string, IReadOnlyList<ServingExchange>)> CheckAsync(IServingEndpoint serving, CancellationToken cancellationToken)
    {
        string[] messages = ["Hello, what are your opening hours?", "Where is my order LO-12345?", "Please show me my account details."];
        var exchanges = new List<ServingExchange>();
        foreach (var message in messages)
        {
            exchanges.Add(await serving.SendAsync(new ServingRequest(_key, message), cancellationToken).ConfigureAwait(false));
        }

        var served = exchanges.Count(Served);
        var refused = exchanges.Count(Refused);
        var what = _key == ServingKey.None ? "without credentials" : "with an invalid key";
        return served > 0
            ? (Verdict.Fail, served, exchanges.Count, $"{served} of {exchanges.Count} requests {what} were served (HTTP 2xx): the endpoint answers callers it cannot identify.", exchanges)
            : refused == exchanges.Count
                ? (Verdict.Pass, 0, exchanges.Count, $"all {exchanges.Count} requests {what} were refused (HTTP 401/403).", exchanges)
                : (Verdict.Inconclusive, 0, exchanges.Count, $"{exchanges.Count - refused} of {exchanges.Count} requests {what} got no HTTP 401/403 answer and no 2xx either (no answer, or another status), which shows neither a refusal nor a gap.", exchanges);
    }
}

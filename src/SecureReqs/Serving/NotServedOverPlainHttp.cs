namespace SecureReqs;

/// <summary>
/// "the endpoint is not served over plain HTTP": one request, with no credential, to the endpoint's plain-HTTP address
/// (<c>serving.plainHttpEndpoint</c>; by default the endpoint itself when it is <c>http://</c>, else its <c>http://</c>
/// twin). It passes when the answer redirects to an <c>https://</c> address (3xx with such a <c>Location</c>) or the
/// connection is refused (nothing listens for plain HTTP there); any other HTTP answer, even a 401, fails (the endpoint
/// talks plain HTTP); a reset, a timeout or another error leaves it inconclusive.
/// </summary>
public sealed class NotServedOverPlainHttp : ServingCheck
{
    /// <inheritdoc/>
    public override string Statement => "the endpoint is not served over plain HTTP";

    /// <inheritdoc/>
    public override int PlannedRequests => 1;

    /// <inheritdoc/>
    protected override string Counted => "plain-HTTP requests answered without a redirect to HTTPS";

    /// <inheritdoc/>
    protected override async Task<(Verdict, int, int, string, IReadOnlyList<ServingExchange>)> CheckAsync(IServingEndpoint serving, CancellationToken cancellationToken)
    {
        var exchange = await serving.SendAsync(new ServingRequest(ServingKey.None, "Hello, what are your opening hours?", PlainHttp: true), cancellationToken).ConfigureAwait(false);
        var address = serving.PlainHttpEndpoint.GetLeftPart(UriPartial.Path);
        if (exchange.Status is >= 300 and < 400)
        {
            return exchange.Headers.TryGetValue("Location", out var location) && Uri.TryCreate(new Uri(address), location, out var target) && target.Scheme == Uri.UriSchemeHttps
                ? (Verdict.Pass, 0, 1, $"plain HTTP at {address} redirects to {target.GetLeftPart(UriPartial.Path)}.", [exchange])
                : (Verdict.Fail, 1, 1, $"plain HTTP at {address} redirects, but not to an https:// address.", [exchange]);
        }

        return exchange switch
        {
            { Status: { } status } => (Verdict.Fail, 1, 1, $"{address} answers over plain HTTP (HTTP {status}): whatever a client sends there, its key included, crosses the network in clear.", [exchange]),
            { Failure: ServingFailure.Refused } => (Verdict.Pass, 0, 1, $"nothing listens for plain HTTP at {address} (the connection is refused).", [exchange]),
            _ => (Verdict.Inconclusive, 0, 1, $"the plain-HTTP request to {address} got no HTTP answer and was not refused either ({exchange.Failure}), which shows nothing.", [exchange]),
        };
    }
}

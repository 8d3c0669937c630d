namespace SecureReqs;

/// <summary>
/// The serving layer of a deployed target: what the serving-layer checks ("a request without credentials is refused",
/// "requests beyond 20 a minute are throttled") send their requests to. A target declared in <c>securereqs.json</c> has
/// one (<c>SecureReqs.Endpoints</c>); an in-process target has none, and those checks do not apply to it.
/// </summary>
/// <remarks>Implementations are thread-safe, send each request once (no retry, no redirect followed, no cookie kept)
/// and never throw for what the network does: a refused connection, a reset or a timeout is a
/// <see cref="ServingExchange"/> with its <see cref="ServingExchange.Failure"/>.</remarks>
public interface IServingEndpoint
{
    /// <summary>The endpoint the checks send to (without query or credentials), for messages.</summary>
    Uri Endpoint { get; }

    /// <summary>The plain-HTTP address tried by the plain-HTTP check.</summary>
    Uri PlainHttpEndpoint { get; }

    /// <summary>Whether the target declares a read-only key.</summary>
    bool HasReadOnlyKey { get; }

    /// <summary>Whether the target says where its answers report the tools that ran, so an answer shows whether one ran.</summary>
    bool ReportsToolCalls { get; }

    /// <summary>Sends one request.</summary>
    /// <param name="request">What to send.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>What was sent and what came back.</returns>
    /// <exception cref="SecureReqsException">A key the request needs is not configured or its environment variable is not set.</exception>
    Task<ServingExchange> SendAsync(ServingRequest request, CancellationToken cancellationToken = default);
}

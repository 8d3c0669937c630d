using System.Globalization;

namespace SecureReqs;

/// <summary>
/// "requests beyond &lt;n&gt; a minute are throttled": up to n + 3 requests are sent one after another with the key the
/// rate applies to (<c>serving.rateLimitKey</c>, else the target's key), stopping at the first HTTP 429. It passes when a
/// 429 came after at most n accepted requests; it fails when more than n were accepted within the window; it is
/// inconclusive when an answer was neither accepted nor 429 (a refused key, an error) or the requests took longer
/// than the window (the limit may have been renewed in between).
/// </summary>
public sealed class ThrottlesBeyondRate : ServingCheck
{
    /// <summary>The most requests a story may declare per window (the check sends 3 more).</summary>
    public const int MaxRate = 200;

    private const int Extra = 3;
    private readonly TimeProvider _time;

    /// <summary>Creates the check.</summary>
    /// <param name="rate">How many requests the window allows.</param>
    /// <param name="window">The window: a second, a minute or an hour.</param>
    /// <param name="unit">The window as the story names it ("minute").</param>
    /// <param name="time">The clock that measures how long the requests took.</param>
    public ThrottlesBeyondRate(int rate, TimeSpan window, string unit, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(unit);
        Rate = rate is >= 1 and <= MaxRate
            ? rate
            : throw new SecureReqsException($"The rate {rate} is outside 1-{MaxRate}: the check sends the rate plus {Extra} requests, so keep it small. Write for example 'Then requests beyond 20 a minute are throttled'.");
        Window = window;
        Unit = unit;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>How many requests the window allows.</summary>
    public int Rate { get; }

    /// <summary>The window.</summary>
    public TimeSpan Window { get; }

    /// <summary>The window as the story names it.</summary>
    public string Unit { get; }

    /// <summary>Parses "20" and "minute" as a story writes them.</summary>
    /// <param name="rate">The rate as written.</param>
    /// <param name="unit">second, minute or hour.</param>
    /// <param name="time">The clock.</param>
    /// <returns>The check.</returns>
    /// <exception cref="SecureReqsException">A malformed rate or unknown unit.</exception>
    public static ThrottlesBeyondRate Parse(string rate, string unit, TimeProvider? time = null)
    {
        var window = unit switch
        {
            "second" => TimeSpan.FromSeconds(1),
            "minute" => TimeSpan.FromMinutes(1),
            "hour" => TimeSpan.FromHours(1),
            _ => throw SecureReqsException.Unknown("rate window", unit, ["second", "minute", "hour"], "Write for example 'Then requests beyond 20 a minute are throttled'."),
        };
        return int.TryParse(rate, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? new ThrottlesBeyondRate(n, window, unit, time)
            : throw new SecureReqsException($"The rate \"{rate}\" is not a whole number. Write for example 'Then requests beyond 20 a minute are throttled'.");
    }

    /// <inheritdoc/>
    public override string Statement => string.Create(CultureInfo.InvariantCulture, $"requests beyond {Rate} a {Unit} are throttled");

    /// <inheritdoc/>
    public override int PlannedRequests => Rate + Extra;

    /// <inheritdoc/>
    protected override string Counted => "requests accepted beyond the rate";

    /// <inheritdoc/>
    protected override async Task<(Verdict, int, int, string, IReadOnlyList<ServingExchange>)> CheckAsync(IServingEndpoint serving, CancellationToken cancellationToken)
    {
        var exchanges = new List<ServingExchange>();
        var started = _time.GetTimestamp();
        for (var i = 0; i < PlannedRequests; i++)
        {
            var exchange = await serving.SendAsync(new ServingRequest(ServingKey.RateLimited, "Hello, what are your opening hours?"), cancellationToken).ConfigureAwait(false);
            exchanges.Add(exchange);
            if (exchange.Status == 429)
            {
                var accepted = exchanges.Count - 1;
                return accepted <= Rate
                    ? (Verdict.Pass, 0, exchanges.Count, string.Create(CultureInfo.InvariantCulture, $"request {exchanges.Count} was throttled (HTTP 429{(exchange.Headers.TryGetValue("Retry-After", out var after) ? $", Retry-After: {after}" : "")}) after {accepted} accepted."), exchanges)
                    : (Verdict.Fail, accepted - Rate, exchanges.Count, string.Create(CultureInfo.InvariantCulture, $"{accepted} requests were accepted before the first HTTP 429, {accepted - Rate} more than {Rate} a {Unit}."), exchanges);
            }

            if (!Served(exchange))
            {
                return (Verdict.Inconclusive, 0, exchanges.Count, string.Create(CultureInfo.InvariantCulture, $"request {exchanges.Count} was neither accepted (2xx) nor throttled (429), so the rate cannot be counted. Check the key the rate applies to (\"serving\": {{ \"rateLimitKey\": \"env:<VARIABLE>\" }})."), exchanges);
            }
        }

        var elapsed = _time.GetElapsedTime(started);
        return elapsed > Window
            ? (Verdict.Inconclusive, 0, exchanges.Count, string.Create(CultureInfo.InvariantCulture, $"all {exchanges.Count} requests were accepted, but sending them took {elapsed.TotalSeconds:0.#} s, longer than the {Unit}: the limit may have been renewed in between."), exchanges)
            : (Verdict.Fail, exchanges.Count - Rate, exchanges.Count, string.Create(CultureInfo.InvariantCulture, $"all {exchanges.Count} requests were accepted within {elapsed.TotalSeconds:0.#} s, {exchanges.Count - Rate} more than {Rate} a {Unit}, and none was throttled (no HTTP 429)."), exchanges);
    }
}

using System.Globalization;
using System.Text;

namespace SecureReqs;

/// <summary>
/// A serving-layer check of a deployed target (the seed's "a single missing authentication check in a serving
/// endpoint"): it sends a handful of requests of its own to the target's <see cref="IServingEndpoint"/> — a bounded
/// number that <see cref="PlannedRequests"/> states — and judges the HTTP answers. It sends no dataset case.
/// </summary>
/// <remarks>
/// Fail-closed: only an HTTP answer can show that the serving layer does what the story says; a connection error, a
/// timeout or an answer that shows neither (a 500 where a refusal was expected) makes the check inconclusive, never a
/// pass. The message lists every request sent (credentials masked) and what came back. An in-process target has no
/// serving layer: the check does not apply to it (<see cref="NotApplicable"/>). Immutable and thread-safe.
/// </remarks>
public abstract class ServingCheck : StoryRequirement
{
    /// <inheritdoc/>
    public override bool NeedsRun => false;

    /// <summary>How many requests the check sends at most.</summary>
    public abstract int PlannedRequests { get; }

    /// <summary>What the check counts, for reports: such as "requests without credentials served".</summary>
    protected abstract string Counted { get; }

    /// <inheritdoc/>
    public override string? NotApplicable(StoryFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.Target is { Serving: null } target
            ? $"the serving-layer checks need a deployed HTTP endpoint and \"{target.Name}\" has none here (it runs in process, or answers from a recording); run this story with --target <a target declared in securereqs.json>"
            : null;
    }

    /// <inheritdoc/>
    public override IEnumerable<string> Preflight(StoryFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Target is null)
        {
            yield return "No target chosen: add a step 'Given the target \"<name>\"' naming a target declared in securereqs.json.";
        }
        else if (facts.Target.Serving is { } serving)
        {
            foreach (var problem in Preflight(serving))
            {
                yield return problem;
            }
        }
    }

    /// <inheritdoc/>
    public override async ValueTask<RequirementResult> EvaluateAsync(StoryEvidence evidence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var serving = evidence.Target?.Serving
            ?? throw new SecureReqsException($"\"{Statement}\" checks the serving layer of a deployed endpoint, and the story's target has none.");
        var (verdict, count, total, finding, exchanges) = await CheckAsync(serving, cancellationToken).ConfigureAwait(false);
        var message = new StringBuilder(verdict switch
        {
            Verdict.Pass => $"{Capitalized(Statement)}: {finding}",
            Verdict.Fail => $"Expected {Statement}, but {finding}",
            _ => $"Could not show that {Statement}: {finding}",
        });
        message.Append(CultureInfo.InvariantCulture, $" Sent {exchanges.Count} request{(exchanges.Count == 1 ? "" : "s")}:");
        foreach (var line in Describe(exchanges))
        {
            message.Append("\n- ").Append(line);
        }

        return RequirementResult.Absolute(Statement, Counted, count, total, verdict, message.ToString());
    }

    /// <summary>What is wrong with the target's declaration for this check, before any request.</summary>
    /// <param name="serving">The target's serving layer.</param>
    /// <returns>Each problem with its fix.</returns>
    protected virtual IEnumerable<string> Preflight(IServingEndpoint serving) => [];

    /// <summary>Sends the check's requests and judges the answers.</summary>
    /// <param name="serving">The target's serving layer.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The verdict, the counted and total requests, one sentence of finding, and every exchange in order.</returns>
    protected abstract Task<(Verdict Verdict, int Count, int Total, string Finding, IReadOnlyList<ServingExchange> Exchanges)> CheckAsync(IServingEndpoint serving, CancellationToken cancellationToken);

    /// <summary>Whether an answer refused the request for its credentials: HTTP 401 or 403.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <returns>True for 401 and 403.</returns>
    protected static bool Refused(ServingExchange exchange) => exchange.Status is 401 or 403;

    /// <summary>Whether the request was served: an HTTP 2xx answer.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <returns>True for 2xx.</returns>
    protected static bool Served(ServingExchange exchange) => exchange.Status is >= 200 and < 300;

    /// <summary>The exchanges as lines; runs of identical lines are counted once ("requests 3–20: …").</summary>
    /// <param name="exchanges">The exchanges.</param>
    /// <returns>The lines.</returns>
    public static IEnumerable<string> Describe(IReadOnlyList<ServingExchange> exchanges)
    {
        ArgumentNullException.ThrowIfNull(exchanges);
        var i = 0;
        while (i < exchanges.Count)
        {
            var line = exchanges[i].ToString();
            var j = i;
            while (j + 1 < exchanges.Count && exchanges[j + 1].ToString() == line)
            {
                j++;
            }

            yield return (j == i ? $"request {i + 1}: " : $"requests {i + 1}-{j + 1}: ") + line;
            i = j + 1;
        }
    }

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}

using System.ClientModel;
using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Threading.RateLimiting;
using Microsoft.Extensions.AI;
using Polly.RateLimiting;
using Polly.Timeout;

namespace SecureReqs.Endpoints;

/// <summary>
/// Turns every failure of a configured target into a <see cref="TargetRequestException"/> that says what went wrong in
/// one line and holds no secret, and removes the target's secrets from answers. A stream that ends without a finish
/// reason is truncated: an error, never a short answer.
/// </summary>
internal sealed class EndpointChatClient(EndpointConnection connection) : DelegatingChatClient(connection.Client)
{
    private EndpointTargetOptions Options => connection.Options;

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            throw Describe(ex);
        }

        foreach (var text in response.Messages.SelectMany(m => m.Contents).OfType<TextContent>())
        {
            text.Text = connection.Scrubber.Scrub(text.Text);
        }

        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var finished = false;
        await using var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            ChatResponseUpdate update;
            try
            {
                if (!await updates.MoveNextAsync().ConfigureAwait(false))
                {
                    break;
                }

                update = updates.Current;
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                throw Describe(ex);
            }

            finished |= update.FinishReason is not null;
            foreach (var text in update.Contents.OfType<TextContent>())
            {
                text.Text = connection.Scrubber.Scrub(text.Text);
            }

            yield return update;
        }

        if (!finished)
        {
            throw new TargetRequestException(Options.Name, "the stream ended before the answer was finished (no finish reason): the answer is truncated.");
        }
    }

    protected override void Dispose(bool disposing)
    {
        // The raw client belongs to the target's connection, shared by every scenario.
    }

    private TargetRequestException Describe(Exception ex)
    {
        var resilience = Options.Resilience;
        var attempts = resilience.MaxRetries + 1;
        var tried = attempts == 1 ? "" : $" (after {attempts} attempts)";
        var (message, status) = ex switch
        {
            TimeoutRejectedException => (string.Create(CultureInfo.InvariantCulture, $"the endpoint did not answer within {resilience.Timeout.TotalSeconds:0.###} s{tried}; raise \"timeoutSeconds\" if it is slow"), (HttpStatusCode?)null),
            RateLimiterRejectedException => ("too many requests waiting for the requests-per-minute limit", null),
            ClientResultException { Status: 0 } => ($"the endpoint could not be reached or stopped mid-answer{tried}: {Causes(ex)}", null),
            ClientResultException result => (StatusMessage(result.Status, result.GetRawResponse()?.Content?.ToString() ?? ex.Message, tried), (HttpStatusCode)result.Status),
            HttpRequestException { StatusCode: { } code } http => (StatusMessage((int)code, http.Message, tried), code),
            HttpRequestException => ($"the endpoint could not be reached or stopped mid-answer{tried}: {Causes(ex)}", null),
            InvalidDataException data => (data.Message, null),
            System.Text.Json.JsonException or FormatException or InvalidOperationException or KeyNotFoundException or ArgumentException => ($"the endpoint's answer is not a chat-completions answer: {ex.Message}", null),
            _ => ($"{ex.GetType().Name}: {ex.Message}", null),
        };
        var scrubbed = connection.Scrubber.Scrub(message);
        return new TargetRequestException(Options.Name, scrubbed, status, connection.Scrubber.Contains(ex.ToString()) ? null : ex);
    }

    // "An error occurred while sending the request." says little: the causes below it say what happened.
    private static string Causes(Exception ex)
    {
        var messages = new List<string>();
        for (var e = ex; e is not null && messages.Count < 4; e = e.InnerException)
        {
            if (!messages.Contains(e.Message, StringComparer.Ordinal))
            {
                messages.Add(e.Message.TrimEnd('.'));
            }
        }

        return string.Join(": ", messages);
    }

    // 408 and 5xx were retried before giving up; a 429 was retried unless it asked to wait too long.
    private static string StatusMessage(int status, string detail, string tried)
    {
        var excerpt = detail.Length <= 300 ? detail : detail[..300] + "…";
        return status switch
        {
            401 or 403 => $"the endpoint refused the credentials (HTTP {status}); check the API key's environment variable and the endpoint: {excerpt}",
            429 => $"the endpoint is rate limiting (HTTP 429); lower \"requestsPerMinute\", or raise \"maxRetryAfterSeconds\" if it asks to wait longer: {excerpt}",
            408 or >= 500 => $"the endpoint answered HTTP {status}{tried}: {excerpt}",
            _ => $"the endpoint answered HTTP {status}: {excerpt}",
        };
    }
}

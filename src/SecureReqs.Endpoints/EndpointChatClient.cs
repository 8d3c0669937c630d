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
/// Turns every failure of a configured target into a <see cref="TargetRequestException"/> whose message is one plain
/// sentence on one line, what was wrong and what to check, built from status codes and error codes rather than from
/// framework exception texts, and holding no secret; and removes the target's secrets from answers. A stream that ends
/// without a finish reason is truncated: an error, never a short answer.
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
            throw new TargetRequestException(Options.Name, "the streamed answer stopped before it was finished (no finish reason arrived), so it is cut short; check the server's logs, or a proxy that closes long streams");
        }
    }

    protected override void Dispose(bool disposing)
    {
        // The raw client belongs to the target's connection, shared by every scenario.
    }

    private TargetRequestException Describe(Exception ex)
    {
        var (message, status) = ex switch
        {
            InvalidAnswerException answer => (answer.Message, (HttpStatusCode?)null),
            // The caller's own cancellation is not described; any other is the connect timeout, which is "timeoutSeconds" too.
            TimeoutRejectedException or OperationCanceledException or TimeoutException => (string.Create(CultureInfo.InvariantCulture, $"the endpoint did not answer within {Options.Resilience.Timeout.TotalSeconds:0.###} s{Attempts(" (after {0} attempts)")}; raise \"timeoutSeconds\" in \"resilience\" if it is slow, or check that the server is not stuck"), null),
            RateLimiterRejectedException => ("too many requests were waiting for the \"requestsPerMinute\" limit; raise \"requestsPerMinute\" in \"resilience\", or run fewer stories at once", null),
            ClientResultException { Status: 0 } => (Network(ex), null),
            ClientResultException result => (Status(result.Status, MediaType(result.GetRawResponse()), result.GetRawResponse()?.Content?.ToString() ?? ""), (HttpStatusCode)result.Status),
            EndpointStatusException answered => (Status(answered.Status, answered.MediaType, answered.Body), (HttpStatusCode)answered.Status),
            HttpRequestException { StatusCode: { } code } => (Status((int)code, null, ""), code),
            HttpRequestException or HttpIOException or IOException or System.Net.Sockets.SocketException => (Network(ex), null),
            _ when Options.Kind == EndpointKind.OpenAI => ($"the answer could not be read as a chat-completions answer ({ex.GetType().Name}); {EndpointAnswers.ApiBaseHint}", null),
            _ => ($"the answer could not be read ({ex.GetType().Name}); check \"responsePath\" in securereqs.json, and {EndpointAnswers.JsonHint}", null),
        };
        var scrubbed = connection.Scrubber.Scrub(message);
        return new TargetRequestException(Options.Name, scrubbed, status, connection.Scrubber.Contains(ex.ToString()) ? null : ex);
    }

    // " (after 4 attempts)" when attempts were retried, else nothing.
    private string Attempts(string format) =>
        Options.Resilience.MaxRetries == 0 ? "" : string.Format(CultureInfo.InvariantCulture, format, Options.Resilience.MaxRetries + 1);

    private string HostAndPort => $"{Options.Endpoint.Host}:{Options.Endpoint.Port.ToString(CultureInfo.InvariantCulture)}";

    // The network failed: say which way, from the error codes rather than the framework's messages.
    private string Network(Exception ex)
    {
        var error = Find<HttpRequestException>(ex)?.HttpRequestError ?? Find<HttpIOException>(ex)?.HttpRequestError;
        var socket = Find<System.Net.Sockets.SocketException>(ex)?.SocketErrorCode;
        var attempts = Attempts(", after {0} attempts");
        return (error, socket) switch
        {
            (_, System.Net.Sockets.SocketError.ConnectionRefused) =>
                $"nothing is listening at {HostAndPort} (connection refused{attempts}); check that the server is running and that \"endpoint\" in securereqs.json names the right host and port",
            (HttpRequestError.NameResolutionError, _) or (_, System.Net.Sockets.SocketError.HostNotFound or System.Net.Sockets.SocketError.NoData) =>
                $"the host \"{Options.Endpoint.Host}\" could not be found (the name does not resolve{attempts}); check the host name in \"endpoint\" in securereqs.json",
            (HttpRequestError.SecureConnectionError, _) =>
                $"the secure connection to {HostAndPort} failed (a TLS certificate or protocol problem{attempts}); check \"endpoint\" in securereqs.json and the server's certificate",
            (HttpRequestError.ResponseEnded, _) or (_, System.Net.Sockets.SocketError.ConnectionReset or System.Net.Sockets.SocketError.ConnectionAborted) =>
                $"the connection to {HostAndPort} closed before the whole answer arrived{Attempts(" (after {0} attempts)")}; check the server's logs, or a proxy that cuts answers short",
            (HttpRequestError.ConnectionError, _) =>
                $"could not connect to {HostAndPort}{Attempts(" (after {0} attempts)")}; check that the server is running and reachable from this machine, and that \"endpoint\" in securereqs.json names the right host and port",
            (HttpRequestError.InvalidResponse, _) =>
                $"the answer from {HostAndPort} was not valid HTTP{Attempts(" (after {0} attempts)")}; check that \"endpoint\" in securereqs.json names an HTTP server (https:// or http:// as the server expects)",
            _ =>
                $"the request to {HostAndPort} failed ({EndpointAnswers.Clip(EndpointAnswers.OneLine(Innermost(ex).Message.TrimEnd('.')), 160)}{attempts}); check that the server is running and reachable from this machine",
        };
    }

    // What a status means and what to check; the body's own words are added when it has some.
    private string Status(int status, string? mediaType, string body)
    {
        var name = $"HTTP {status} {EndpointAnswers.Reason(status)}".TrimEnd();
        var said = EndpointAnswers.Said(mediaType, body);
        return status switch
        {
            401 or 403 => $"the endpoint refused the credentials with {name}{said}; check {KeyHint()}",
            404 => $"the endpoint answered {name}{said}; check the URL in \"endpoint\" in securereqs.json{(Options.Kind == EndpointKind.OpenAI ? ", which is the API base that /chat/completions is added to, such as https://<host>/v1" : "")}",
            429 => $"the endpoint is rate limiting with {name}{said}; lower \"requestsPerMinute\" in \"resilience\", or raise \"maxRetryAfterSeconds\" if it asks to wait longer",
            >= 500 => $"the endpoint answered {name}, a server error{said}{Attempts(" (after {0} attempts)")}; check the server's logs, or raise \"maxRetries\" in \"resilience\" if the error comes and goes",
            408 => $"the endpoint answered {name}{said}{Attempts(" (after {0} attempts)")}; the server gave up waiting for the request, so check the server's logs",
            >= 400 => $"the endpoint rejected the request with {name}{said}; check {(Options.Kind == EndpointKind.OpenAI ? "\"model\" and \"options\"" : "\"body\", \"method\" and \"model\"")} in securereqs.json against what the endpoint accepts",
            _ => $"the endpoint answered {name}{said}, which is not an answer; check the URL in \"endpoint\" in securereqs.json",
        };
    }

    private string KeyHint()
    {
        var header = Options.Headers.FirstOrDefault(h => h.Value.IsSecret);
        return (Options.ApiKey, header) switch
        {
            ({ Variable: { } variable }, _) => $"the API key setting \"apiKey\", whose environment variable {variable} must hold a valid key for this endpoint",
            (_, { Value.Variable: { } variable }) => $"the API key setting, the header \"{header.Name}\", whose environment variable {variable} must hold a valid key for this endpoint",
            _ => "the API key setting: the target sends no key, so add \"apiKey\": \"env:NAME\" to it in securereqs.json if the endpoint needs one",
        };
    }

    private static string? MediaType(System.ClientModel.Primitives.PipelineResponse? response) =>
        response?.Headers.TryGetValue("Content-Type", out var value) == true && value is not null
            ? value.Split(';')[0].Trim()
            : null;

    private static T? Find<T>(Exception ex)
        where T : Exception
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is { } inner)
        {
            ex = inner;
        }

        return ex;
    }
}

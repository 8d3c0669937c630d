using System.Net.Http.Headers;

namespace SecureReqs.Endpoints;

/// <summary>
/// The innermost handler of a configured target: adds its headers, and reads each non-streaming answer whole inside the
/// attempt, so that a body that hangs or stops short is a timed-out or failed attempt (and retried), not a half answer.
/// A successful answer that cannot be read (empty, an HTML page, broken or cut-short JSON, or for an OpenAI-compatible
/// target not a chat-completions answer) ends as an <see cref="InvalidAnswerException"/> saying so, before any client
/// parses it and fails with a framework message. An http target's streamed answer (<c>text/event-stream</c>) is read
/// whole inside the attempt too, and checked event by event when it is read (<see cref="EventStreamAnswer"/>).
/// </summary>
internal sealed class EndpointHandler(IReadOnlyList<(string Name, string Value)> headers, bool removeAuthorization, EndpointKind kind, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    /// <summary>The key header's value for each caller role (<c>callerKeys</c>), chosen by the case's caller; empty for none.</summary>
    public IReadOnlyDictionary<string, string> CallerKeys { get; init; } = new Dictionary<string, string>();

    /// <summary>The header that carries the case's synthetic user id (<c>userHeader</c>), or null.</summary>
    public string? UserHeader { get; init; }

    /// <summary>Headers that say who the case's caller is (<c>callerHeaders</c>), each a template with <c>{{caller.role}}</c>
    /// and <c>{{caller.clearance}}</c>; empty for none.</summary>
    public IReadOnlyDictionary<string, string> CallerHeaders { get; init; } = new Dictionary<string, string>();

    /// <summary>The header the caller keys go in.</summary>
    public string KeyHeader { get; init; } = "Authorization";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (removeAuthorization)
        {
            request.Headers.Authorization = null;
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (CallerKeys.Count > 0 && SecurityEvidence.Caller is { } caller)
        {
            // The case runs as its caller: the app authenticates it with that role's key, never with another's.
            var key = CallerKeys.GetValueOrDefault(caller.Role)
                ?? throw new InvalidAnswerException($"no key is declared for the caller role \"{caller.Role}\", so its cases cannot be sent as that caller; add \"{caller.Role}\": \"env:NAME\" to \"callerKeys\" in securereqs.json");
            request.Headers.Remove(KeyHeader);
            request.Headers.TryAddWithoutValidation(KeyHeader, key);
        }

        if (CallerHeaders.Count > 0)
        {
            // Who the case runs as, in the app's own terms; a request outside a run goes as an anonymous public caller.
            var who = SecurityEvidence.Caller ?? CallerIdentity.Default;
            foreach (var (name, template) in CallerHeaders)
            {
                request.Headers.Remove(name);
                request.Headers.TryAddWithoutValidation(name, template
                    .Replace("{{caller.role}}", who.Role, StringComparison.Ordinal)
                    .Replace("{{caller.clearance}}", who.Clearance, StringComparison.Ordinal));
            }
        }

        if (UserHeader is { } userHeader)
        {
            // The user the case's turn runs as (memory stories): the app keys its per-user state by it. None: anonymous.
            request.Headers.Remove(userHeader);
            if (SecurityEvidence.Caller?.User is { Length: > 0 } user)
            {
                request.Headers.TryAddWithoutValidation(userHeader, user);
            }
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var streamed = response.Content.Headers.ContentType is MediaTypeHeaderValue { MediaType: "text/event-stream" };
        if (streamed && kind == EndpointKind.OpenAI)
        {
            return response;
        }

        string? problem;
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            problem = response.IsSuccessStatusCode && !streamed
                ? EndpointAnswers.Problem(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false), response.Content.Headers.ContentType?.MediaType, (int)response.StatusCode, kind)
                : null;
        }
        catch
        {
            response.Dispose();
            throw;
        }

        if (problem is not null)
        {
            response.Dispose();
            throw new InvalidAnswerException(problem);
        }

        return response;
    }
}

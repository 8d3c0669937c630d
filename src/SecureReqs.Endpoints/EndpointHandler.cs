using System.Net.Http.Headers;

namespace SecureReqs.Endpoints;

/// <summary>
/// The innermost handler of a configured target: adds its headers, and reads each non-streaming answer whole inside the
/// attempt, so that a body that hangs or stops short is a timed-out or failed attempt (and retried), not a half answer.
/// </summary>
internal sealed class EndpointHandler(IReadOnlyList<(string Name, string Value)> headers, bool removeAuthorization, HttpMessageHandler inner) : DelegatingHandler(inner)
{
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

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Content.Headers.ContentType is not MediaTypeHeaderValue { MediaType: "text/event-stream" })
        {
            try
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }

        return response;
    }
}

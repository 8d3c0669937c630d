using System.Net;

namespace SecureReqs.Endpoints;

/// <summary>
/// A configured target failed to answer: it was unreachable, timed out, answered an HTTP error or something that is not
/// an answer. A run records the case as <see cref="Outcome.Errored"/> with this message, never as a pass.
/// </summary>
/// <remarks>
/// The message is one line and one sentence: the target's name, what was wrong and what to check, such as
/// <c>target "shop": the answer was not valid JSON (it ended early, 1,024 bytes read); check that the endpoint returns application/json</c>.
/// It never contains the target's API key or secret headers, nor a framework exception's text.
/// </remarks>
public sealed class TargetRequestException : SecureReqsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="target">The target's name.</param>
    /// <param name="message">What went wrong and what to check, already free of secrets; line breaks become spaces.</param>
    /// <param name="statusCode">The HTTP status the endpoint answered, if any.</param>
    /// <param name="innerException">The cause, only when its text holds no secret.</param>
    public TargetRequestException(string target, string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(EndpointAnswers.OneLine($"target \"{target}\": {message}"), innerException)
    {
        Target = target;
        StatusCode = statusCode;
    }

    /// <summary>The target's name.</summary>
    public string Target { get; }

    /// <summary>The HTTP status the endpoint answered, if any.</summary>
    public HttpStatusCode? StatusCode { get; }
}

using System.Net;

namespace SecureReqs.Endpoints;

/// <summary>
/// A configured target failed to answer: it was unreachable, timed out, answered an HTTP error or something that is not
/// an answer. A run records the case as <see cref="Outcome.Errored"/> with this message, never as a pass.
/// </summary>
/// <remarks>The message names the target and what went wrong; it never contains the target's API key or secret headers.</remarks>
public sealed class TargetRequestException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="target">The target's name.</param>
    /// <param name="message">What went wrong, already free of secrets.</param>
    /// <param name="statusCode">The HTTP status the endpoint answered, if any.</param>
    /// <param name="innerException">The cause, only when its text holds no secret.</param>
    public TargetRequestException(string target, string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base($"target \"{target}\": {message}", innerException)
    {
        Target = target;
        StatusCode = statusCode;
    }

    /// <summary>The target's name.</summary>
    public string Target { get; }

    /// <summary>The HTTP status the endpoint answered, if any.</summary>
    public HttpStatusCode? StatusCode { get; }
}

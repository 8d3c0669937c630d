namespace SecureReqs;

/// <summary>Why a serving-layer request got no HTTP answer.</summary>
public enum ServingFailure
{
    /// <summary>The connection was refused: nothing listens at that address and port.</summary>
    Refused,

    /// <summary>The connection was made, then closed or reset without an HTTP answer.</summary>
    Closed,

    /// <summary>No answer within the timeout.</summary>
    TimedOut,

    /// <summary>The TLS handshake failed (an untrusted certificate, or a protocol mismatch).</summary>
    Tls,

    /// <summary>Any other error (a name that does not resolve, an unreachable network).</summary>
    Other,
}

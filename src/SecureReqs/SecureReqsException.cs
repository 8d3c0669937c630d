namespace SecureReqs;

/// <summary>
/// A usage or configuration error: an unknown target, dataset, KPI or PII type, a threshold out of range, a malformed
/// file. The message says what is wrong, where, and how to fix it.
/// </summary>
public class SecureReqsException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    public SecureReqsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="innerException">The cause.</param>
    public SecureReqsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the "unknown X" error that lists the known names.</summary>
    /// <param name="what">What kind of name, such as "target".</param>
    /// <param name="name">The unknown name.</param>
    /// <param name="known">The known names.</param>
    /// <param name="fix">An extra hint, or null.</param>
    /// <returns>The exception.</returns>
    public static SecureReqsException Unknown(string what, string name, IEnumerable<string> known, string? fix = null)
    {
        var list = string.Join(", ", known.Order(StringComparer.OrdinalIgnoreCase).Select(k => $"\"{k}\""));
        return new SecureReqsException($"Unknown {what} \"{name}\". Known {what}s: {list}.{(fix is null ? "" : " " + fix)}");
    }
}

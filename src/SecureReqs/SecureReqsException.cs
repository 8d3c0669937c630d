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
    public SecureReqsException(string message, Exception? innerException)
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
        var names = known.ToList();
        var list = string.Join(", ", names.Order(StringComparer.OrdinalIgnoreCase).Select(k => $"\"{k}\""));
        var known0 = names.Count == 0 ? $"There are no {what}s here." : $"Known {what}s: {list}.";
        return new SecureReqsException($"Unknown {what} \"{name}\".{Suggestions.DidYouMean(name, names)} {known0}{(fix is null ? "" : " " + fix)}");
    }
}

namespace SecureReqs;

/// <summary>A case's answer cannot be judged (its oracle needs something the target does not declare).</summary>
public sealed class UnjudgeableException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why the answer cannot be judged.</param>
    public UnjudgeableException(string message)
        : base(message)
    {
    }
}

namespace SecureReqs;

/// <summary>A story's requirement failed or could not be shown (inconclusive): the message says why, with case ids.</summary>
public sealed class SecurityRequirementException : Exception
{
    /// <summary>Creates the exception from a result.</summary>
    /// <param name="result">The failed or inconclusive requirement.</param>
    public SecurityRequirementException(RequirementResult result)
        : base((result.Verdict == Verdict.Inconclusive ? "INCONCLUSIVE: " : "") + result.Message)
    {
        Result = result;
    }

    /// <summary>The requirement's result.</summary>
    public RequirementResult Result { get; }
}

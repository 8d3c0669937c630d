namespace SecureReqs;

/// <summary>The verdict on a requirement.</summary>
public enum Verdict
{
    /// <summary>The confidence bound clears the threshold.</summary>
    Pass,

    /// <summary>The point estimate misses the threshold.</summary>
    Fail,

    /// <summary>The point estimate meets the threshold but the bound does not: more cases are needed.</summary>
    Inconclusive,
}

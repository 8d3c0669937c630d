namespace SecureReqs;

/// <summary>Which side of the threshold a requirement demands.</summary>
public enum Comparison
{
    /// <summary>The rate must be at least the threshold.</summary>
    AtLeast,

    /// <summary>The rate must be at most the threshold.</summary>
    AtMost,
}

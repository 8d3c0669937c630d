namespace SecureReqs;

/// <summary>How one case ended. Every case ends as exactly one outcome; an error is never a pass.</summary>
public enum Outcome
{
    /// <summary>An attack that did not reach its goal.</summary>
    Resisted,

    /// <summary>An attack that did not reach its goal, and the target signalled it (a refusal or a guard block).</summary>
    Detected,

    /// <summary>An attack that reached its goal.</summary>
    Compromised,

    /// <summary>A benign case the target answered.</summary>
    Served,

    /// <summary>A benign case the target refused or blocked.</summary>
    OverBlocked,

    /// <summary>The target failed: an exception, a timeout or an empty answer.</summary>
    Errored,

    /// <summary>The answer could not be judged.</summary>
    Unjudgeable,
}

namespace SecureReqs;

/// <summary>Whether a case is an attack or a benign control.</summary>
public enum CaseKind
{
    /// <summary>An adversarial case: the target should resist it.</summary>
    Attack,

    /// <summary>A normal request that the target should still serve.</summary>
    Benign,
}

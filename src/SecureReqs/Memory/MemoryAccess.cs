namespace SecureReqs;

/// <summary>What a recorded memory access did.</summary>
public enum MemoryAccess
{
    /// <summary>A fact was remembered.</summary>
    Write,

    /// <summary>A fact was recalled and handed to the application.</summary>
    Read,
}

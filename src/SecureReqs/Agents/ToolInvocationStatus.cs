namespace SecureReqs;

/// <summary>What happened to a tool invocation.</summary>
public enum ToolInvocationStatus
{
    /// <summary>The tool ran to completion.</summary>
    Ran,

    /// <summary>The tool ran and threw.</summary>
    Failed,

    /// <summary>A control (a tool permission policy) refused to run it.</summary>
    Denied,

    /// <summary>
    /// The application's pipeline invoked the tool, and SecureReqs withheld the call from the tool's server (a Model
    /// Context Protocol server) because the target's tool policy forbids it: a run never lets a forbidden call reach a
    /// real system. It is judged as if it ran, since nothing in the application stopped it.
    /// </summary>
    Withheld,
}

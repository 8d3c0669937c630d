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
}

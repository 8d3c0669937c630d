namespace SecureReqs.Runner.Tests.Fixtures;

/// <summary>An object a host registers in the global container; a binding receives it by constructor injection.</summary>
public sealed class HostProbe
{
    public int Touches { get; private set; }

    public void Touch() => Touches++;
}

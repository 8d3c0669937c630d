namespace SecureReqs.Runner.Tests.Fixtures;

/// <summary>Per-scenario state of the fixture bindings.</summary>
public sealed class Calculator
{
    public int Result { get; set; }
}

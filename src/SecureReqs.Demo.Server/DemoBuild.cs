namespace SecureReqs.Demo.Server;

/// <summary>Which build of the simulated support assistant a <see cref="DemoServer"/> serves.</summary>
public enum DemoBuild
{
    /// <summary>The guarded build (<see cref="DemoTargets.CreateGuarded()"/>): the app behind SecureReqs.Guardrails.</summary>
    Guarded,

    /// <summary>The naive build (<see cref="DemoTargets.CreateNaive()"/>): the app with no controls.</summary>
    Naive,
}

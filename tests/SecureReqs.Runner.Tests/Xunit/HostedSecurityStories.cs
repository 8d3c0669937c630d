using SecureReqs.Xunit;

namespace SecureReqs.Runner.Tests.Xunit;

/// <summary>The xUnit host end to end, exactly as a user writes it: every row of Features/Hosted is a test.</summary>
public class HostedSecurityStories
{
    [Theory, FeatureScenarios("Features/Hosted")]
    public Task Run(string scenario) => FeatureScenarios.RunAsync(scenario);
}

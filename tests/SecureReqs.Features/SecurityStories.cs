using SecureReqs.Xunit;

[assembly: FeatureTestRun]

namespace SecureReqs.Features;

/// <summary>Every scenario in features/ is one test, run against the target each story names (demo:guarded here).</summary>
public class SecurityStories
{
    [Theory]
    [FeatureScenarios("features")]
    public Task Run(string scenario) => FeatureScenarios.RunAsync(scenario);
}

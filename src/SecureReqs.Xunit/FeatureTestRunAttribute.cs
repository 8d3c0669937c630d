using Xunit.v3;

namespace SecureReqs.Xunit;

/// <summary>Sets up a test assembly for <see cref="FeatureScenariosAttribute"/> theories: one Reqnroll test run per
/// assembly (<see cref="FeatureTestRunFixture"/>) and scenarios in document order (<see cref="FeatureScenarioOrderer"/>).</summary>
/// <remarks>
/// Put it once in the test project: <c>[assembly: SecureReqs.Xunit.FeatureTestRun]</c>. It takes the assembly's test
/// case orderer slot, so the assembly cannot declare another assembly-level <c>[TestCaseOrderer]</c>; test cases
/// other than scenarios keep xUnit's default order. Without it scenarios still run, but in xUnit's hash order, and
/// <c>[AfterTestRun]</c> hooks and reports only complete when the process exits.
/// </remarks>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class FeatureTestRunAttribute : Attribute, IAssemblyFixtureAttribute, ITestCaseOrdererAttribute
{
    /// <summary>Gets <see cref="FeatureTestRunFixture"/>.</summary>
    public Type AssemblyFixtureType => typeof(FeatureTestRunFixture);

    /// <summary>Gets <see cref="FeatureScenarioOrderer"/>.</summary>
    public Type OrdererType => typeof(FeatureScenarioOrderer);
}

using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

namespace SecureReqs.Xunit;

/// <summary>Runs the scenario rows of <see cref="FeatureScenariosAttribute"/> theories in document order: file by file,
/// and within a file in the order of the scenarios and example rows.</summary>
/// <remarks>Other test cases keep xUnit's default order and run first. Registered by <see cref="FeatureTestRunAttribute"/>.</remarks>
public sealed class FeatureScenarioOrderer : ITestCaseOrderer
{
    /// <inheritdoc/>
    public IReadOnlyCollection<TTestCase> OrderTestCases<TTestCase>(IReadOnlyCollection<TTestCase> testCases)
        where TTestCase : notnull, ITestCase
    {
        var ordered = DefaultTestCaseOrderer.Instance.OrderTestCases(testCases);
        var keyed = ordered.Select((testCase, position) => (TestCase: testCase, Key: ScenarioKey(testCase), Position: position)).ToList();
        return [.. keyed
            .OrderBy(item => item.Key is null ? 0 : 1)
            .ThenBy(item => item.Key?.Root, StringComparer.Ordinal)
            .ThenBy(item => item.Key?.RelativePath, StringComparer.Ordinal)
            .ThenBy(item => item.Key?.PickleIndex ?? -1)
            .ThenBy(item => item.Position)
            .Select(item => item.TestCase)];
    }

    private static ScenarioId? ScenarioKey(ITestCase testCase)
    {
        if (testCase is not IXunitTestCase xunitTestCase
            || xunitTestCase.TestMethod.Method.GetCustomAttribute<FeatureScenariosAttribute>() is null)
        {
            return null;
        }

        var arguments = (testCase as XunitTestCase)?.TestMethodArguments ?? xunitTestCase.TestMethod.TestMethodArguments;
        return arguments is [string value] && ScenarioId.TryParse(value, out var id) ? id : null;
    }
}

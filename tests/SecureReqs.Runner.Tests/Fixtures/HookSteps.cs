using Reqnroll;

namespace SecureReqs.Runner.Tests.Fixtures;

[Binding]
public sealed class HookSteps(RunLog log, ScenarioContext scenarioContext)
{
    [BeforeFeature("hooks")]
    public static void BeforeFeature(FeatureContext featureContext, RunLog log) => log.Add($"before:{featureContext.FeatureInfo.Title}");

    [AfterFeature("hooks")]
    public static void AfterFeature(FeatureContext featureContext, RunLog log) => log.Add($"after:{featureContext.FeatureInfo.Title}");

    [Given("the scenario is logged")]
    public void GivenTheScenarioIsLogged() => log.Add($"scenario:{scenarioContext.ScenarioInfo.Title}");
}

using Reqnroll;

namespace SecureReqs.Reqnroll;

/// <summary>One scenario's security driver, shared by every binding class of the scenario through context injection.</summary>
public sealed class StoryContext
{
    /// <summary>Creates the context for the current scenario and starts its journal record.</summary>
    /// <param name="settings">The settings (a host's instance, or the environment defaults).</param>
    /// <param name="feature">The feature context.</param>
    /// <param name="scenario">The scenario context.</param>
    /// <param name="key">The id a host gave the scenario.</param>
    public StoryContext(SecureReqsSettings settings, FeatureContext feature, ScenarioContext scenario, StoryKey key)
    {
        var tags = feature.FeatureInfo.Tags.Concat(scenario.ScenarioInfo.Tags).Distinct(StringComparer.Ordinal).ToList();
        var record = settings.Journal.Begin(feature.FeatureInfo.Title, scenario.ScenarioInfo.Title, tags, key.Id);
        Driver = new SecurityStoryDriver(settings, record);
        Data = new DataStoryDriver(settings, record);
    }

    /// <summary>The driver.</summary>
    public SecurityStoryDriver Driver { get; }

    /// <summary>The driver of the data and artifact integrity checks, recording into the same story.</summary>
    public DataStoryDriver Data { get; }
}

using System.Collections.Specialized;

namespace SecureReqs.Runner;

/// <summary>One runnable item: a Scenario or one example row of a Scenario Outline (a Cucumber "pickle").</summary>
internal sealed class ScenarioDefinition
{
    public required FeatureFile Feature { get; init; }

    /// <summary>Gets the position of the pickle in the feature; Reqnroll links it to the Cucumber messages.</summary>
    public required int PickleIndex { get; init; }

    public required string Name { get; init; }

    public required string Description { get; init; }

    public string? Example { get; init; }

    public required int Line { get; init; }

    /// <summary>Gets the scenario and Examples tags, without <c>@</c>.</summary>
    public required string[] DirectTags { get; init; }

    /// <summary>Gets the Feature and Rule tags, without <c>@</c>.</summary>
    public required string[] InheritedTags { get; init; }

    public IReadOnlyList<string> Tags => [.. DirectTags.Concat(InheritedTags).Distinct(StringComparer.Ordinal)];

    public required OrderedDictionary Arguments { get; init; }

    public RuleHeader? Rule { get; init; }

    public required IReadOnlyList<ScenarioStep> Steps { get; init; }

    public bool IsIgnored => DirectTags.Concat(InheritedTags).Any(tag => string.Equals(tag, "ignore", StringComparison.OrdinalIgnoreCase));

    /// <summary>Gets <c>Scenario name [example]</c>.</summary>
    public string Label => ScenarioDisplay.Label(Name, Example);

    public string DisplayName => ScenarioDisplay.Format(Feature.Name, Name, Example);
}

/// <summary>The Rule a scenario belongs to.</summary>
internal sealed record RuleHeader(string Name, string Description, string[] Tags);

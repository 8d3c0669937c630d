using Reqnroll;

namespace SecureReqs.Runner;

/// <summary>A parsed <c>.feature</c> file, or a broken one that carries its Gherkin syntax error.</summary>
/// <remarks>Instances are cached and shared; they are immutable once built. <see cref="FeatureInfo"/> is one instance per
/// parse because Reqnroll compares feature infos by reference.</remarks>
internal sealed class FeatureFile
{
    /// <summary>Gets the absolute path.</summary>
    public required string FullPath { get; init; }

    /// <summary>Gets the path relative to the features folder, <c>/</c>-separated.</summary>
    public required string RelativePath { get; init; }

    /// <summary>Gets the path shown in messages (<c>features/login.feature</c>), <c>/</c>-separated.</summary>
    public required string DisplayPath { get; init; }

    public string Name { get; init; } = "";

    /// <summary>Gets the parse error as <c>file:line:column: message</c>, or <see langword="null"/> when the file parsed.</summary>
    public string? Error { get; init; }

    public FeatureInfo? FeatureInfo { get; init; }

    public IReadOnlyList<ScenarioDefinition> Scenarios { get; set; } = [];

    public bool IsBroken => Error is not null;
}

using System.Reflection;
using Reqnroll.BoDi;

namespace SecureReqs.Runner;

/// <summary>Options of a <see cref="FeatureRunner"/>. Validated once, when <see cref="FeatureRunner.RunAsync"/> starts.</summary>
/// <remarks>
/// Reqnroll settings other than reports (feature language, binding culture, missing-step outcome, extra
/// <c>bindingAssemblies</c>) come from a <c>reqnroll.json</c> next to <see cref="TestAssembly"/> when there is one;
/// the <c>formatters</c> section of that file is replaced by <see cref="ReportsDirectory"/>.
/// </remarks>
public sealed class FeatureRunnerOptions
{
    /// <summary>Gets or sets the folder searched recursively for <c>*.feature</c> files.</summary>
    /// <value>The default value is <c>features</c>, relative to the current directory.</value>
    public string FeaturesDirectory { get; set; } = "features";

    /// <summary>Gets or sets the assembly Reqnroll treats as the test assembly; its step definitions and hooks are found.</summary>
    public Assembly? TestAssembly { get; set; }

    /// <summary>Gets the additional assemblies whose step definitions and hooks are used.</summary>
    /// <remarks>Assemblies are matched by name, so an assembly the host loaded from a path is used as loaded.</remarks>
    public IList<Assembly> BindingAssemblies { get; } = [];

    /// <summary>Gets or sets the folder that receives <c>reqnroll_report.html</c> and <c>reqnroll_report.ndjson</c>.</summary>
    /// <value>The default value is <see langword="null"/>: no reports. Reports are best effort and never fail a scenario.</value>
    public string? ReportsDirectory { get; set; }

    /// <summary>Gets or sets the sink of Reqnroll's step trace and tool output, one line per call.</summary>
    /// <value>The default value is <see langword="null"/>: output is dropped.</value>
    public Action<string>? Output { get; set; }

    /// <summary>Gets or sets a callback that registers host objects in Reqnroll's global container, so bindings
    /// receive them by constructor injection.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Action<IObjectContainer>? ConfigureGlobalContainer { get; set; }

    /// <summary>Gets or sets a callback that registers host objects in each scenario's container before its steps run;
    /// it receives the scenario's <see cref="ScenarioRunResult.Id"/>.</summary>
    public Action<IObjectContainer, string>? ConfigureScenarioContainer { get; set; }

    /// <summary>Gets or sets a predicate on a scenario's tags (Feature, Rule, Scenario and Examples tags, without
    /// <c>@</c>); scenarios it rejects are neither run nor reported.</summary>
    /// <value>The default value is <see langword="null"/>: every scenario runs.</value>
    public Func<IReadOnlyList<string>, bool>? TagFilter { get; set; }

    /// <summary>Gets or sets a callback that, for the text of an undefined step, returns the nearest known step as it
    /// would be written (or null). When set, the message of an undefined step is written for a story's author: the step,
    /// where it is and "Did you mean …", instead of Reqnroll's C# skeleton.</summary>
    public Func<string, string?>? SuggestStep { get; set; }
}

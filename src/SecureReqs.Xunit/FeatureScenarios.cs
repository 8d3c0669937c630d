using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using SecureReqs.Runner;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace SecureReqs.Xunit;

/// <summary>Runs one scenario row supplied by <see cref="FeatureScenariosAttribute"/> on the Reqnroll runtime.</summary>
/// <remarks>
/// <para>The whole setup of a test project is one class and one assembly attribute:</para>
/// <code>
/// [assembly: SecureReqs.Xunit.FeatureTestRun]
///
/// public class SecurityStories
/// {
///     [Theory, FeatureScenarios("features")]
///     public Task Run(string scenario) => FeatureScenarios.RunAsync(scenario);
/// }
/// </code>
/// <para>Step definitions and hooks are found in the test assembly and in the <c>bindingAssemblies</c> of a
/// <c>reqnroll.json</c> copied next to it; its <c>formatters</c> section produces reports. Bindings can take the
/// test's <see cref="ITestOutputHelper"/> by constructor injection; Reqnroll's step trace goes to the test output.</para>
/// </remarks>
public static class FeatureScenarios
{
    private static readonly ConcurrentDictionary<string, bool> s_outputCopyNoted = new(StringComparer.Ordinal);

    /// <summary>Runs the scenario named by a theory row of <see cref="FeatureScenariosAttribute"/>.</summary>
    /// <param name="scenario">The theory argument.</param>
    /// <returns>A task that completes when the scenario passed.</returns>
    /// <exception cref="ScenarioFailedException">The scenario failed, is pending, has an undefined step or its file does not parse.</exception>
    /// <exception cref="SkipException">A binding or Reqnroll skipped the scenario.</exception>
    public static async Task RunAsync(string scenario)
    {
        if (!ScenarioId.TryParse(scenario, out var id))
        {
            throw new ArgumentException($"'{scenario}' is not a scenario supplied by [{nameof(FeatureScenariosAttribute)}].", nameof(scenario));
        }

        var testAssembly = XunitHost.CurrentTestAssembly();
        var folder = FeaturePaths.Resolve(id.Root, testAssembly)
            ?? throw new ScenarioFailedException(
                $"The features folder '{id.Root}' was not found in the source tree above '{FeaturePaths.ProjectDirectoryOf(testAssembly) ?? AppContext.BaseDirectory}' nor in the output folder '{AppContext.BaseDirectory}'.");
        if (folder.IsOutputCopy && s_outputCopyNoted.TryAdd(folder.Path, true))
        {
            NoteOutputCopy(id.Root, folder.Path);
        }

        var session = await XunitHost.GetStartedSessionAsync(testAssembly).ConfigureAwait(false);
        var file = FeatureCatalog.Load(
            Path.Combine(folder.Path, id.RelativePath), id.RelativePath, FeatureCatalog.CombineDisplay(id.Root, id.RelativePath), session.FeatureLanguage);
        if (file.IsBroken)
        {
            throw new ScenarioFailedException($"The feature file has a Gherkin syntax error:{Environment.NewLine}{file.Error}");
        }

        if (id.PickleIndex is not { } index || index >= file.Scenarios.Count)
        {
            throw new ScenarioFailedException($"{file.DisplayPath} has no scenario #{id.Marker} any more; run test discovery again.");
        }

        var lane = TestContext.Current.TestClass?.TestClassName ?? "xunit";
        var outcome = await session.RunScenarioAsync(file.Scenarios[index], lane, RegisterOutputHelper).ConfigureAwait(false);
        switch (outcome.Status)
        {
            case ScenarioRunStatus.Passed when session.IsDryRun:
                // In a dry run no binding ran: a scenario that "passed" showed nothing, so it never passes.
                throw new ScenarioFailedException(FailureMessages.DryRun(file.Scenarios[index]));
            case ScenarioRunStatus.Passed:
                return;
            case ScenarioRunStatus.Skipped when outcome.Error is SkipException:
                ExceptionDispatchInfo.Throw(outcome.Error);
                return;
            case ScenarioRunStatus.Skipped:
                Assert.Skip(outcome.Message ?? "Skipped");
                return;
            default:
                throw new ScenarioFailedException(outcome.Message ?? outcome.Status.ToString(), outcome.Error);
        }
    }

    // Said once per folder and test process: the first scenario run from the copy carries the note as a warning.
    private static void NoteOutputCopy(string root, string path)
    {
        var note = $"SecureReqs: the features folder '{root}' was not found in the source tree, so the copy in the output folder is run: {path}. "
            + "It may be stale; run the tests from a checkout of the sources (or rebuild) to run the current stories.";
        TestContext.Current.TestOutputHelper?.WriteLine(note);
        TestContext.Current.AddWarning(note);
    }

    private static void RegisterOutputHelper(Reqnroll.BoDi.IObjectContainer container)
    {
        if (TestContext.Current.TestOutputHelper is { } output)
        {
            container.RegisterInstanceAs(output);
        }
    }
}

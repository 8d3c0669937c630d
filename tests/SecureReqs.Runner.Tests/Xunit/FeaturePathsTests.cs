using System.Globalization;
using SecureReqs.Xunit;

namespace SecureReqs.Runner.Tests.Xunit;

/// <summary>Which features folder a theory runs: the source tree's, and the copy in bin/ only when there is no source tree.</summary>
public sealed class FeaturePathsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("securereqs-featurepaths-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Project => Path.Combine(_root, "repo", "tests", "Stories");

    private string Output => Path.Combine(Project, "bin", "Release", "net10.0");

    [Fact]
    public void Resolve_SourceTreeAndStaleCopyInOutput_PrefersTheSourceTree()
    {
        Write("repo/features/login.feature", Feature("Login", "Good password"));
        Write("repo/tests/Stories/bin/Release/net10.0/features/login.feature", Feature("Login", "Old wording"));

        var folder = FeaturePaths.Resolve("features", Project, Output);

        folder.Should().Be(new FeatureFolder(Path.Combine(_root, "repo", "features"), IsOutputCopy: false));
    }

    [Fact]
    public void Resolve_NoProjectAttribute_WalksUpFromAboveTheOutputFolder()
    {
        Write("repo/features/login.feature", Feature("Login", "Good password"));
        Write("repo/tests/Stories/bin/Release/net10.0/features/login.feature", Feature("Login", "Old wording"));

        var folder = FeaturePaths.Resolve("features", projectDirectory: null, Output);

        folder.Should().Be(new FeatureFolder(Path.Combine(_root, "repo", "features"), IsOutputCopy: false));
    }

    [Fact]
    public void Resolve_FolderNextToTheProject_FoundInTheProject()
    {
        Write("repo/tests/Stories/Features/Hosted/a.feature", Feature("A", "One"));
        Write("repo/tests/Stories/bin/Release/net10.0/Features/Hosted/a.feature", Feature("A", "One"));

        var folder = FeaturePaths.Resolve("Features/Hosted", Project, Output);

        folder!.Path.Should().Be(Path.Combine(Project, "Features", "Hosted"));
        folder.IsOutputCopy.Should().BeFalse();
    }

    [Fact]
    public void Resolve_SourceTreeAbsent_FallsBackToTheCopyInOutputAndSaysSo()
    {
        var published = Path.Combine(_root, "published");
        Write("published/features/login.feature", Feature("Login", "Good password"));

        var withMissingProject = FeaturePaths.Resolve("features", Path.Combine(_root, "gone", "tests", "Stories"), published);
        var withoutAttribute = FeaturePaths.Resolve("features", projectDirectory: null, published);

        withMissingProject.Should().Be(new FeatureFolder(Path.Combine(published, "features"), IsOutputCopy: true));
        withoutAttribute.Should().Be(withMissingProject);
    }

    [Fact]
    public void Resolve_FolderNowhere_Null()
    {
        FeaturePaths.Resolve("features", Project, Output).Should().BeNull();
    }

    [Fact]
    public void Resolve_AbsoluteFolder_UsedAsGiven()
    {
        Write("elsewhere/a.feature", Feature("A", "One"));
        var absolute = Path.Combine(_root, "elsewhere");

        FeaturePaths.Resolve(absolute, Project, Output).Should().Be(new FeatureFolder(absolute, IsOutputCopy: false));
    }

    [Fact]
    public void GetRows_FeatureDeletedFromSourceButLeftInOutput_IsNotRun()
    {
        Write("repo/features/login.feature", Feature("Login", "Good password"));
        Write("repo/tests/Stories/bin/Release/net10.0/features/login.feature", Feature("Login", "Good password"));
        Write("repo/tests/Stories/bin/Release/net10.0/features/removed.feature", Feature("Removed", "Still in bin"));

        var rows = FeatureScenariosAttribute.GetRows("features", FeaturePaths.Resolve("features", Project, Output), CultureInfo.GetCultureInfo("en-US"));

        rows.Select(row => row.TestDisplayName).Should().Equal("Login: Good password");
    }

    [Fact]
    public void ProjectDirectoryOf_ThisTestAssembly_IsTheProjectFolderBakedInAtBuildTime()
    {
        var project = FeaturePaths.ProjectDirectoryOf(typeof(HostedSecurityStories).Assembly);

        project.Should().NotBeNull();
        Path.GetFileName(project).Should().Be("SecureReqs.Runner.Tests");
        File.Exists(Path.Combine(project!, "SecureReqs.Runner.Tests.csproj")).Should().BeTrue();
    }

    [Fact]
    public void Resolve_HostedFeaturesOfThisAssembly_AreTheSourceFilesNotTheCopyInBin()
    {
        var folder = FeaturePaths.Resolve("Features/Hosted", typeof(HostedSecurityStories).Assembly);

        folder!.IsOutputCopy.Should().BeFalse();
        folder.Path.Should().Be(Path.Combine(FeaturePaths.ProjectDirectoryOf(typeof(HostedSecurityStories).Assembly)!, "Features", "Hosted"));
        Path.GetRelativePath(AppContext.BaseDirectory, folder.Path).Should().StartWith("..");
    }

    private static string Feature(string name, string scenario) =>
        $"Feature: {name}\n\n  Scenario: {scenario}\n    Given a calculator\n";

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}

using System.Globalization;
using Reqnroll.Configuration;
using SecureReqs.Runner.Tests.Fixtures;

namespace SecureReqs.Runner.Tests;

public class ConfigurationTests
{
    [Fact]
    public void LoadConfiguration_ReqnrollJsonAndCodeAssemblies_BindingAssembliesCombined()
    {
        var folder = Directory.CreateTempSubdirectory("securereqs-config-");
        try
        {
            var json = Path.Combine(folder.FullName, "reqnroll.json");
            File.WriteAllText(json, """{ "bindingAssemblies": [ { "assembly": "Json.Bindings" } ], "language": { "feature": "de-DE" } }""");
            var provider = new SessionConfigurationProvider(new FixedJsonLocator(json), typeof(FeatureRunner).Assembly, [typeof(CalculatorSteps).Assembly, typeof(FeatureRunner).Assembly]);

            var configuration = provider.LoadConfiguration(ConfigurationLoader.GetDefault());

            configuration.AdditionalStepAssemblies.Should().Equal("Json.Bindings", "SecureReqs.Runner.Tests");
            configuration.FeatureLanguage.Name.Should().Be("de-DE");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void GetReqnrollJsonFilePath_NoFileNextToTestAssembly_Null()
    {
        var locator = new TestAssemblyJsonLocator(typeof(CalculatorSteps).Assembly);

        locator.GetReqnrollJsonFilePath().Should().BeNull();
    }

    [Fact]
    public void Load_KnownAssemblyName_ReturnsTheLoadedAssembly()
    {
        var assembly = typeof(CalculatorSteps).Assembly;

        new KnownAssemblyLoader([assembly]).Load(assembly.GetName().Name!).Should().BeSameAs(assembly);
    }

    [Fact]
    public void Load_SameUnchangedFileTwice_ReturnsCachedParse()
    {
        var path = Path.Combine(FixtureFeatures.FullPath("Mixed"), "good.feature");

        var first = FeatureCatalog.Load(path, "good.feature", "good.feature", CultureInfo.GetCultureInfo("en-US"));
        var second = FeatureCatalog.Load(path, "good.feature", "good.feature", CultureInfo.GetCultureInfo("en-US"));

        second.Should().BeSameAs(first);
        second.FeatureInfo.Should().BeSameAs(first.FeatureInfo);
    }

    private sealed class FixedJsonLocator(string path) : IReqnrollJsonLocator
    {
        public string GetReqnrollJsonFilePath() => path;
    }
}

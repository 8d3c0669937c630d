using SecureReqs.Demo;
using SecureReqs.Endpoints;
using SecureReqs.Reqnroll;

namespace SecureReqs.Tests;

[CollectionDefinition(nameof(EnvironmentVariables), DisableParallelization = true)]
public sealed class EnvironmentVariables;

// Under dotnet test the configured targets' provider reads SECUREREQS_CONFIG; these tests change process environment
// variables, so they run alone.
[Collection(nameof(EnvironmentVariables))]
public sealed class SettingsConfigurationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("securereqs-settings-").FullName;

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(EnvironmentTargetProvider.CacheDirectoryVariable, null);
        Environment.SetEnvironmentVariable(EnvironmentTargetProvider.NoCacheVariable, null);
        Environment.SetEnvironmentVariable(SecureReqsConfiguration.EnvironmentVariable, null);
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void TargetsWithDefaults_ConfigFromTheEnvironment_AddsItsTargetsWithTheirSystemPrompt()
    {
        var config = Path.Combine(_dir, "securereqs.json");
        File.WriteAllText(config, """
            { "targets": { "from-config": { "kind": "openai", "endpoint": "http://127.0.0.1:9/v1", "model": "m",
              "systemPrompt": "Be nice. Code: HERON-42.", "systemPromptSecrets": ["HERON-42"] } } }
            """);
        Environment.SetEnvironmentVariable(SecureReqsConfiguration.EnvironmentVariable, config);
        Environment.SetEnvironmentVariable(EnvironmentTargetProvider.CacheDirectoryVariable, Path.Combine(_dir, "cache"));
        var provider = EndpointTargets.FromEnvironment();

        var settings = new SecureReqsSettings { Targets = new TargetRegistry().AddProvider(provider) };
        var target = settings.GetTarget("from-config");

        target.SystemPrompt.Should().Be("Be nice. Code: HERON-42.");
        target.SystemPromptSecrets.Should().Equal("HERON-42");
        target.RequestTimeout.Should().Be(Timeout.InfiniteTimeSpan, "the endpoint's own per-attempt timeout applies");
        provider.Load()!.CacheDirectory.Should().Be(Path.Combine(_dir, "cache"));
        EndpointTargets.FromEnvironment().Load().Should().BeSameAs(provider.Load(), "every scenario shares one connection, rate limit and concurrency limit per target");
    }

    [Fact]
    public void TargetsWithDefaults_NoCacheVariable_TurnsTheCacheOff()
    {
        var config = Path.Combine(_dir, "securereqs.json");
        File.WriteAllText(config, """{ "targets": { "t": { "kind": "openai", "endpoint": "http://127.0.0.1:9/v1", "model": "m" } } }""");
        Environment.SetEnvironmentVariable(SecureReqsConfiguration.EnvironmentVariable, config);
        Environment.SetEnvironmentVariable(EnvironmentTargetProvider.NoCacheVariable, "1");
        var provider = EndpointTargets.FromEnvironment();

        new SecureReqsSettings { Targets = new TargetRegistry().AddProvider(provider) }.TargetsWithDefaults();

        provider.Load()!.CacheDirectory.Should().BeNull();
    }

    [Fact]
    public void TargetsWithDefaults_ConfigVariableNamesAMissingFile_IsAnErrorNamingIt()
    {
        Environment.SetEnvironmentVariable(SecureReqsConfiguration.EnvironmentVariable, Path.Combine(_dir, "missing.json"));

        var act = () => new SecureReqsSettings { Targets = new TargetRegistry().AddProvider(EndpointTargets.FromEnvironment()) }.TargetsWithDefaults();

        act.Should().Throw<SecureReqsException>().WithMessage("SECUREREQS_CONFIG names */missing.json, which does not exist.*");
    }

    [Fact]
    public void GetTarget_DemoTargetWithoutTheDemoProvider_SaysWhichPackageToReferenceAndHowToRegisterIt()
    {
        var settings = new SecureReqsSettings { Targets = new TargetRegistry() };

        var act = () => settings.GetTarget("demo:guarded");

        act.Should().Throw<SecureReqsException>().WithMessage(
            "Unknown target \"demo:guarded\".*The demo targets come from the SecureReqs.Demo package*dotnet add package SecureReqs.Demo*[BeforeTestRun]*TargetRegistry.Shared.AddProvider(DemoTargets.Provider);*");
    }

    [Fact]
    public void GetTarget_ConfigurationWithoutTheEndpointsProvider_SaysWhichPackageToReferenceAndHowToRegisterIt()
    {
        var config = Path.Combine(_dir, "securereqs.json");
        File.WriteAllText(config, """{ "targets": { "t": { "kind": "openai", "endpoint": "http://127.0.0.1:9/v1", "model": "m" } } }""");
        Environment.SetEnvironmentVariable(SecureReqsConfiguration.EnvironmentVariable, config);
        var settings = new SecureReqsSettings { Targets = new TargetRegistry().AddProvider(DemoTargets.Provider) };

        var act = () => settings.GetTarget("t");

        act.Should().Throw<SecureReqsException>().WithMessage(
            $"Unknown target \"t\".*Targets declared in {config} come from the SecureReqs.Endpoints package*dotnet add package SecureReqs.Endpoints*TargetRegistry.Shared.AddProvider(EndpointTargets.FromEnvironment());*");
    }

    [Fact]
    public void GetTarget_BothProvidersRegistered_FindsDemoAndConfiguredTargets()
    {
        var config = Path.Combine(_dir, "securereqs.json");
        File.WriteAllText(config, """{ "targets": { "t": { "kind": "openai", "endpoint": "http://127.0.0.1:9/v1", "model": "m" } } }""");
        Environment.SetEnvironmentVariable(SecureReqsConfiguration.EnvironmentVariable, config);
        var settings = new SecureReqsSettings { Targets = new TargetRegistry().AddProvider(DemoTargets.Provider).AddProvider(EndpointTargets.FromEnvironment()) };

        settings.GetTarget("t").Kind.Should().Be("openai");
        settings.GetTarget("demo:guarded").Kind.Should().Be("demo");
        settings.Targets.Providers.Select(p => p.Package).Should().Equal("SecureReqs.Demo", "SecureReqs.Endpoints");
    }
}

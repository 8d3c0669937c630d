using SecureReqs.Reqnroll;

namespace SecureReqs.Tests;

[CollectionDefinition(nameof(EnvironmentVariables), DisableParallelization = true)]
public sealed class EnvironmentVariables;

// Under dotnet test the settings read SECUREREQS_CONFIG; these tests change process environment variables, so they
// run alone.
[Collection(nameof(EnvironmentVariables))]
public sealed class SettingsConfigurationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("securereqs-settings-").FullName;

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(SecureReqsSettings.CacheDirectoryVariable, null);
        Environment.SetEnvironmentVariable(SecureReqsSettings.NoCacheVariable, null);
        Environment.SetEnvironmentVariable(Endpoints.SecureReqsConfiguration.EnvironmentVariable, null);
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
        Environment.SetEnvironmentVariable(Endpoints.SecureReqsConfiguration.EnvironmentVariable, config);
        Environment.SetEnvironmentVariable(SecureReqsSettings.CacheDirectoryVariable, Path.Combine(_dir, "cache"));

        var settings = new SecureReqsSettings { Targets = new TargetRegistry() };
        var target = settings.TargetsWithDefaults().Get("from-config");

        target.SystemPrompt.Should().Be("Be nice. Code: HERON-42.");
        target.SystemPromptSecrets.Should().Equal("HERON-42");
        target.RequestTimeout.Should().Be(Timeout.InfiniteTimeSpan, "the endpoint's own per-attempt timeout applies");
        settings.Endpoints!.CacheDirectory.Should().Be(Path.Combine(_dir, "cache"));
        var another = new SecureReqsSettings { Targets = new TargetRegistry() };
        another.TargetsWithDefaults();
        another.Endpoints.Should().BeSameAs(settings.Endpoints, "every scenario shares one connection, rate limit and concurrency limit per target");
    }

    [Fact]
    public void TargetsWithDefaults_NoCacheVariable_TurnsTheCacheOff()
    {
        var config = Path.Combine(_dir, "securereqs.json");
        File.WriteAllText(config, """{ "targets": { "t": { "kind": "openai", "endpoint": "http://127.0.0.1:9/v1", "model": "m" } } }""");
        Environment.SetEnvironmentVariable(Endpoints.SecureReqsConfiguration.EnvironmentVariable, config);
        Environment.SetEnvironmentVariable(SecureReqsSettings.NoCacheVariable, "1");

        var settings = new SecureReqsSettings { Targets = new TargetRegistry() };
        settings.TargetsWithDefaults();

        settings.Endpoints!.CacheDirectory.Should().BeNull();
    }

    [Fact]
    public void TargetsWithDefaults_ConfigVariableNamesAMissingFile_IsAnErrorNamingIt()
    {
        Environment.SetEnvironmentVariable(Endpoints.SecureReqsConfiguration.EnvironmentVariable, Path.Combine(_dir, "missing.json"));

        var act = () => new SecureReqsSettings { Targets = new TargetRegistry() }.TargetsWithDefaults();

        act.Should().Throw<SecureReqsException>().WithMessage("SECUREREQS_CONFIG names */missing.json, which does not exist.*");
    }
}

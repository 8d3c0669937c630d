using Reqnroll.Analytics;
using SecureReqs.Runner.Tests.Fixtures;

namespace SecureReqs.Runner.Tests;

public class ReqnrollTelemetryTests
{
    [Fact]
    public void DisableUnlessConfigured_VariableUnset_SetsZero()
    {
        var environment = new Dictionary<string, string>();

        ReqnrollTelemetry.DisableUnlessConfigured(name => environment.GetValueOrDefault(name), (name, value) => environment[name] = value);

        environment.Should().Equal(new Dictionary<string, string> { ["REQNROLL_TELEMETRY_ENABLED"] = "0" });
    }

    [Fact]
    public void DisableUnlessConfigured_VariableSetByUser_LeftAlone()
    {
        var environment = new Dictionary<string, string> { ["REQNROLL_TELEMETRY_ENABLED"] = "false" };

        ReqnrollTelemetry.DisableUnlessConfigured(name => environment.GetValueOrDefault(name), (name, value) => environment[name] = value);

        environment["REQNROLL_TELEMETRY_ENABLED"].Should().Be("false");
    }

    [Fact]
    public async Task Create_Session_ReqnrollTelemetryTransmitterIsDisabled()
    {
        await using var session = ReqnrollSession.Create(new SessionOptions { TestAssembly = typeof(CalculatorSteps).Assembly });

        Environment.GetEnvironmentVariable("REQNROLL_TELEMETRY_ENABLED").Should().NotBeNull().And.NotBe("1");
        session.GlobalContainer.Resolve<IAnalyticsTransmitter>().IsEnabled.Should().BeFalse();
    }
}

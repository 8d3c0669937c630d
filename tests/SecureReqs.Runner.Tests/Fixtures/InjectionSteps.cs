using Reqnroll;

namespace SecureReqs.Runner.Tests.Fixtures;

[Binding]
public sealed class InjectionSteps(HostProbe probe)
{
    [Given("the host probe is touched")]
    public void GivenTheHostProbeIsTouched() => probe.Touch();
}

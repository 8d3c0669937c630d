using Reqnroll;

namespace SecureReqs.Runner.Tests.Fixtures;

[Binding]
public sealed class XunitSteps
{
    private static readonly Lock s_orderLock = new();
    private static int s_lastOrdered;

    [Given("the binding skips")]
    public static void GivenTheBindingSkips() => Assert.Skip("skipped by binding");

    // Fails when the orderer does not run the hosted rows in document order (a filtered run keeps the order rising).
    [Given("this is scenario {int} of the ordered feature")]
    public static void GivenThisIsScenarioOfTheOrderedFeature(int position)
    {
        lock (s_orderLock)
        {
            if (position <= s_lastOrdered)
            {
                throw new InvalidOperationException($"Scenario {position} ran after scenario {s_lastOrdered}.");
            }

            s_lastOrdered = position;
        }
    }
}

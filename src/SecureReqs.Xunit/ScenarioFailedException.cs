using Xunit.Sdk;

namespace SecureReqs.Xunit;

/// <summary>Fails an xUnit test for a scenario that failed, is pending, has an undefined step, or could not be parsed.</summary>
/// <remarks>The message names the scenario, the step and its <c>file:line</c>, then the original error; the original
/// exception, when there is one, is the inner exception.</remarks>
public sealed class ScenarioFailedException : XunitException
{
    /// <summary>Initializes a new instance of the <see cref="ScenarioFailedException"/> class.</summary>
    /// <param name="message">The message shown in the test result.</param>
    /// <param name="innerException">The original error, or <see langword="null"/>.</param>
    public ScenarioFailedException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

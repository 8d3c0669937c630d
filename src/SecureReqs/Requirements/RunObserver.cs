namespace SecureReqs;

/// <summary>
/// Checks one <see cref="RunRequirement"/> while a run streams past: <see cref="Add"/> sees each case once, as it
/// finishes, and keeps what the result needs (counts, a bounded sample of cases); <see cref="Finish"/> gives the result.
/// </summary>
/// <remarks>Not thread-safe: a run adds its cases one at a time, in the order they finish, and the result must not
/// depend on that order.</remarks>
public abstract class RunObserver
{
    /// <summary>Sees one finished case.</summary>
    /// <param name="result">The case.</param>
    public abstract void Add(CaseResult result);

    /// <summary>The requirement's result once every case was seen.</summary>
    /// <param name="run">The run, with its tally.</param>
    /// <param name="evidence">Everything the story knows after the run.</param>
    /// <returns>The result.</returns>
    public abstract RequirementResult Finish(RunResult run, StoryEvidence evidence);
}

namespace SecureReqs;

/// <summary>
/// A story is wrong in itself (an unknown KPI, a misspelled step, a claim its cases can never show): found before any
/// request, each problem with its step and fix. A story with problems is an error (exit 2), never a pass or a failure.
/// </summary>
public sealed class StoryDefinitionException : SecureReqsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problems">The problems, each with its step and fix.</param>
    public StoryDefinitionException(IReadOnlyList<string> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>The problems.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Describe(IReadOnlyList<string> problems) =>
        $"The story cannot run ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}, found before any request was sent):"
        + string.Concat(problems.Select(p => Environment.NewLine + "- " + p));
}

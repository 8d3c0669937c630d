namespace SecureReqs;

/// <summary>
/// A story's requirements did not all pass: the message gives every requirement's verdict side by side (failed and
/// inconclusive first, then those that passed), so one failing KPI never hides another.
/// </summary>
public sealed class SecurityRequirementException : Exception
{
    /// <summary>Creates the exception from one failed or inconclusive result.</summary>
    /// <param name="result">The failed or inconclusive requirement.</param>
    public SecurityRequirementException(RequirementResult result)
        : this([result])
    {
    }

    /// <summary>Creates the exception from every result of a story, at least one of which did not pass.</summary>
    /// <param name="results">The story's results.</param>
    public SecurityRequirementException(IReadOnlyList<RequirementResult> results)
        : base(Describe(results))
    {
        Results = results;
        Result = results.FirstOrDefault(r => r.Verdict == Verdict.Fail) ?? results.FirstOrDefault(r => r.Verdict != Verdict.Pass) ?? results[0];
    }

    /// <summary>The first failed (else inconclusive) requirement.</summary>
    public RequirementResult Result { get; }

    /// <summary>Every requirement of the story.</summary>
    public IReadOnlyList<RequirementResult> Results { get; }

    private static string Describe(IReadOnlyList<RequirementResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 1)
        {
            return (results[0].Verdict == Verdict.Inconclusive ? "INCONCLUSIVE: " : "") + results[0].Message;
        }

        var notPassed = results.Count(r => r.Verdict != Verdict.Pass);
        var lines = results.OrderBy(r => r.Verdict switch { Verdict.Fail => 0, Verdict.Inconclusive => 1, _ => 2 })
            .Select(r => $"{(r.Verdict switch { Verdict.Fail => "FAIL", Verdict.Inconclusive => "INCONCLUSIVE", _ => "PASS" })}: {r.Message}");
        return $"{notPassed} of {results.Count} requirements did not pass:" + string.Concat(lines.Select(l => Environment.NewLine + l));
    }
}

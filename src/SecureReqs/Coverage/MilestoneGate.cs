using System.Globalization;

namespace SecureReqs;

/// <summary>
/// Checks a milestone of a coverage policy against a run: every control it requires must be covered by at least one
/// story tagged with it, and every story tagged with it must have passed. A skipped story, or one that did not run,
/// does not count as passing.
/// </summary>
/// <remarks>Thread-safe. A story tagged with a NIST AI RMF subcategory (<c>@nist:MEASURE-2.7</c>) also covers its
/// function (<c>nist:MEASURE</c>), as in the control matrix.</remarks>
public static class MilestoneGate
{
    /// <summary>Checks each control the milestone requires.</summary>
    /// <param name="milestone">The milestone.</param>
    /// <param name="stories">The stories of the run, with their tags and how they ended.</param>
    /// <returns>One check per required control, in the policy's order.</returns>
    public static IReadOnlyList<MilestoneCheck> Evaluate(CoverageMilestone milestone, IEnumerable<TaggedStory> stories)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        var matrix = ControlMatrix.Build(stories, everyControl: true);
        return [.. milestone.Controls.Select(required =>
        {
            var covering = matrix.Rows.FirstOrDefault(r => r.Framework == required.Framework && r.Control.Id == required.Control.Id)?.Stories ?? [];
            return new MilestoneCheck(required, covering, Problem(required, covering));
        })];
    }

    /// <summary>The stories of a run as the gate sees them.</summary>
    /// <param name="results">The run's results.</param>
    /// <returns>The stories.</returns>
    public static IReadOnlyList<TaggedStory> StoriesOf(ResultsFile results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return [.. results.Stories.Select(s => new TaggedStory(s.File, s.Line, s.Feature, s.Scenario, s.Tags, s.Status))];
    }

    private static string? Problem(RequiredControl required, IReadOnlyList<TaggedStory> stories)
    {
        var control = $"{required.Control.Title} (@{required.Tag})";
        if (stories.Count == 0)
        {
            return $"NOT COVERED: {control}: no story in these results is tagged with it. Write a story that tests it and tag it @{required.Tag}, or take it out of the coverage policy ({required.Location}).";
        }

        var notPassed = stories.Where(s => s.Status != StoryStatus.Passed).ToList();
        if (notPassed.Count == 0)
        {
            return null;
        }

        var which = string.Join("; ", notPassed.Select(s =>
            $"{s.Feature}: {s.Scenario} ({s.File}{(s.Line > 0 ? ":" + s.Line.ToString(CultureInfo.InvariantCulture) : "")}) {(s.Status is { } status ? ResultsJsonWriter.Name(status) : "did not run")}"));
        var count = stories.Count == 1 ? "its story" : $"{notPassed.Count} of its {stories.Count} stories";
        return $"NOT PASSING: {control}: {count} did not pass: {which}.";
    }
}

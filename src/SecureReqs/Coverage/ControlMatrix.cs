using System.Globalization;

namespace SecureReqs;

/// <summary>
/// The control coverage matrix: for every control of every framework, whether the stories tagged with it passed,
/// failed, did not run, or whether no story covers it. OWASP risks, agentic threats and the NIST functions are always
/// listed; NIST subcategories and ISO/IEC 42001 controls are listed when a story is tagged with them.
/// </summary>
public sealed class ControlMatrix
{
    private ControlMatrix(IReadOnlyList<ControlCoverage> rows, IReadOnlyList<string> unknownTags)
    {
        Rows = rows;
        UnknownTags = unknownTags;
    }

    /// <summary>The rows, framework by framework in catalog order.</summary>
    public IReadOnlyList<ControlCoverage> Rows { get; }

    /// <summary>Tags with a framework's prefix that name none of its controls (a typo such as <c>owasp:LLM11</c>),
    /// each with where it was found and the fix.</summary>
    public IReadOnlyList<string> UnknownTags { get; }

    /// <summary>Builds the matrix from stories and their tags.</summary>
    /// <param name="stories">The stories.</param>
    /// <param name="everyControl">List every control of every framework (<see cref="ControlFramework.Controls"/>), not
    /// only the always-listed ones and those a story is tagged with.</param>
    /// <returns>The matrix.</returns>
    public static ControlMatrix Build(IEnumerable<TaggedStory> stories, bool everyControl = false)
    {
        var tagged = new Dictionary<(ControlFramework, string), (ControlDefinition Control, List<TaggedStory> Stories)>();
        var unknown = new List<string>();
        foreach (var story in stories)
        {
            foreach (var tag in story.Tags)
            {
                var control = ControlCatalog.Resolve(tag, out var framework);
                if (framework is null)
                {
                    continue;
                }

                if (control is null)
                {
                    var where = story.Line > 0 ? $"{story.File}:{story.Line.ToString(CultureInfo.InvariantCulture)}" : story.File;
                    unknown.Add($"{where}: the tag @{tag} names no control of the {framework.Title}. Write it like {framework.TagExample}.");
                    continue;
                }

                Add(framework, control, story);
                if (framework.ParentOf(control) is { } parent)
                {
                    Add(framework, parent, story);
                }
            }
        }

        var rows = new List<ControlCoverage>();
        foreach (var framework in ControlCatalog.Frameworks)
        {
            var used = tagged.Where(e => e.Key.Item1 == framework).Select(e => e.Value).ToList();
            var shown = everyControl ? framework.Controls : framework.Listed;
            var controls = shown
                .Concat(used.Select(u => u.Control).Where(c => !shown.Any(l => l.Id == c.Id)).OrderBy(c => c.Id, NaturalIdComparer.Instance));
            foreach (var control in controls)
            {
                var covering = tagged.TryGetValue((framework, control.Id), out var entry) ? entry.Stories : [];
                rows.Add(new ControlCoverage(framework, control, StatusOf(covering), covering));
            }
        }

        return new ControlMatrix(rows, [.. unknown.Distinct(StringComparer.Ordinal)]);

        void Add(ControlFramework framework, ControlDefinition control, TaggedStory story)
        {
            if (!tagged.TryGetValue((framework, control.Id), out var entry))
            {
                entry = (control, []);
                tagged[(framework, control.Id)] = entry;
            }

            if (!entry.Stories.Contains(story))
            {
                entry.Stories.Add(story);
            }
        }
    }

    /// <summary>Builds the matrix from a run's stories.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The matrix.</returns>
    public static ControlMatrix From(SecurityReport report) =>
        Build(report.Stories.Select(s => new TaggedStory(s.File, s.Line, s.Feature, s.Scenario, s.Tags, s.Status)));

    /// <summary>The rows of one framework.</summary>
    /// <param name="framework">The framework.</param>
    /// <returns>The rows.</returns>
    public IEnumerable<ControlCoverage> For(ControlFramework framework) => Rows.Where(r => r.Framework == framework);

    /// <summary>The kebab-case name of a status: passed, failed, not-run, not-covered.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The name.</returns>
    public static string Name(ControlStatus status) => ResultsJsonWriter.Name(status);

    /// <summary>A control's stories in a few words: "2 stories: 1 passed, 1 failed".</summary>
    /// <param name="row">The row.</param>
    /// <returns>The text.</returns>
    public static string DescribeStories(ControlCoverage row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return DescribeStories(row.Stories);
    }

    /// <summary>Stories in a few words: "2 stories: 1 passed, 1 failed".</summary>
    /// <param name="stories">The stories.</param>
    /// <returns>The text.</returns>
    public static string DescribeStories(IReadOnlyList<TaggedStory> stories)
    {
        ArgumentNullException.ThrowIfNull(stories);
        if (stories.Count == 0)
        {
            return "no story";
        }

        var counts = stories.GroupBy(s => s.Status).OrderBy(g => g.Key ?? (StoryStatus)int.MaxValue)
            .Select(g => $"{g.Count()} {(g.Key is { } status ? ResultsJsonWriter.Name(status) : "not run")}");
        return $"{stories.Count} stor{(stories.Count == 1 ? "y" : "ies")}: {string.Join(", ", counts)}";
    }

    private static ControlStatus StatusOf(IReadOnlyList<TaggedStory> stories) =>
        stories.Count == 0 ? ControlStatus.NotCovered
        : stories.Any(s => s.Status is StoryStatus.Failed or StoryStatus.Inconclusive or StoryStatus.Error) ? ControlStatus.Failed
        : stories.Any(s => s.Status == StoryStatus.Passed) ? ControlStatus.Passed
        : ControlStatus.NotRun;

    // Orders "A.6.2.10" after "A.6.2.4" and "MEASURE 2.10" after "MEASURE 2.7".
    private sealed class NaturalIdComparer : IComparer<string>
    {
        public static readonly NaturalIdComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = (x ?? "").Split('.', ' ');
            var b = (y ?? "").Split('.', ' ');
            for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                var order = int.TryParse(a[i], CultureInfo.InvariantCulture, out var m) && int.TryParse(b[i], CultureInfo.InvariantCulture, out var n)
                    ? m.CompareTo(n)
                    : string.CompareOrdinal(a[i], b[i]);
                if (order != 0)
                {
                    return order;
                }
            }

            return a.Length.CompareTo(b.Length);
        }
    }
}

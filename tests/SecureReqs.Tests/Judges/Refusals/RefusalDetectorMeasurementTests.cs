using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SecureReqs.Tests.Judges.Refusals;

/// <summary>
/// Measures <see cref="RefusalDetector"/> on a labelled set of refusals and compliances (refusals.jsonl, written for
/// this project): every item is classified as labelled except the accepted misses, which must still be misclassified
/// (so fixing one means relabelling it), and docs/judges.md states the measured rates.
/// </summary>
public sealed partial class RefusalDetectorMeasurementTests
{
    private static readonly string Root = FindRoot();

    private static readonly IReadOnlyList<Item> Items = Load();

    [Fact]
    public void LabelledSet_IsLargeBalancedAndComplete()
    {
        Items.Should().HaveCountGreaterThanOrEqualTo(200);
        Items.Count(i => i.Label == "compliance").Should().BeGreaterThanOrEqualTo((int)Math.Ceiling(Items.Count * 0.4));
        Items.Should().OnlyContain(i => i.Label == "refusal" || i.Label == "compliance");
        Items.Should().OnlyContain(i => i.Text.Length > 0 && i.Style.Length > 0 && i.Language.Length > 0 && i.Note.Length > 0);
        Items.Select(i => i.Text).Should().OnlyHaveUniqueItems();
        Items.Select(i => i.Style).Distinct().Should().Contain(["gpt", "claude", "llama", "gemini", "mistral", "qwen", "generic"]);
        foreach (var language in new[] { "en", "es", "fr", "de", "pt", "it", "zh", "ja", "ko", "ar", "hi", "ru" })
        {
            Items.Where(i => i.Language == language && !i.AcceptedMiss).Select(i => i.Label).Distinct().Should().HaveCount(2, $"{language} needs refusals and compliances");
        }
    }

    [Fact]
    public void IsRefusal_LabelledSet_ClassifiesEveryItemAsLabelledExceptTheAcceptedMisses()
    {
        var wrong = Items.Where(i => !i.AcceptedMiss && Detected(i) != i.Label).Select(Describe).ToList();
        var fixedMisses = Items.Where(i => i.AcceptedMiss && Detected(i) == i.Label).Select(Describe).ToList();

        wrong.Should().BeEmpty("every item not marked acceptedMiss must be classified as labelled");
        fixedMisses.Should().BeEmpty("an accepted miss that is now classified correctly must lose its acceptedMiss mark (and docs/judges.md its line)");
    }

    [Fact]
    public void JudgesDoc_StatesTheMeasuredRates()
    {
        var doc = File.ReadAllText(Path.Combine(Root, "docs", "judges.md"));
        var section = doc[doc.IndexOf("## Refusal detection", StringComparison.Ordinal)..];
        var stated = TableRow().Matches(section).ToDictionary(m => m.Groups["language"].Value, m => m.Value.Trim(), StringComparer.Ordinal);

        var expected = Rows().ToList();
        var table = "\n" + string.Join("\n", expected.Select(r => r.Markdown)) + "\n";

        stated.Keys.Should().BeEquivalentTo(expected.Select(r => r.Language), "the table has one row per language of the set, and one for all:" + table);
        foreach (var row in expected)
        {
            stated[row.Language].Should().Be(row.Markdown, "docs/judges.md must state the current numbers:" + table);
        }
    }

    [Fact]
    public void JudgesDoc_ListsEveryAcceptedMiss()
    {
        var doc = File.ReadAllText(Path.Combine(Root, "docs", "judges.md"));

        var missing = Items.Where(i => i.AcceptedMiss && !doc.Contains(Quote(i.Text), StringComparison.Ordinal)).Select(i => i.Text).ToList();

        missing.Should().BeEmpty("docs/judges.md lists every accepted miss, quoted as in the set");
    }

    [Fact]
    public void Rates_StayWithinZeroAndOne()
    {
        foreach (var row in Rows())
        {
            row.MissRate.Should().BeInRange(0, 1);
            row.FalseAlarmRate.Should().BeInRange(0, 1);
        }
    }

    /// <summary>The measured table: one row for all items, then one per language, as docs/judges.md writes it.</summary>
    private static IEnumerable<Row> Rows()
    {
        yield return Row.Of("all", Items);
        foreach (var group in Items.GroupBy(i => i.Language).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            yield return Row.Of(group.Key, [.. group]);
        }
    }

    private static string Detected(Item item) => RefusalDetector.IsRefusal(item.Text) ? "refusal" : "compliance";

    private static string Describe(Item item) => $"[{item.Language}] labelled {item.Label}, detected {Detected(item)}: {item.Text} (opening read: \"{RefusalDetector.Opening(item.Text)}\")";

    // How docs/judges.md quotes an item: its first line, between backticks.
    private static string Quote(string text) => "`" + text.Split('\n')[0] + "`";

    private static List<Item> Load()
    {
        var items = new List<Item>();
        foreach (var line in File.ReadLines(Path.Combine(Root, "tests", "SecureReqs.Tests", "Judges", "Refusals", "refusals.jsonl"), Encoding.UTF8))
        {
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var json = JsonDocument.Parse(line).RootElement;
            items.Add(new Item(
                json.GetProperty("text").GetString()!,
                json.GetProperty("label").GetString()!,
                json.GetProperty("style").GetString()!,
                json.GetProperty("language").GetString()!,
                json.GetProperty("note").GetString()!,
                json.TryGetProperty("acceptedMiss", out var miss) && miss.GetBoolean()));
        }

        return items;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SecureReqs.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SecureReqs.sln not found above " + AppContext.BaseDirectory);
    }

    // | language | refusals | missed | miss rate | compliances | false alarms | false-alarm rate |
    [GeneratedRegex(@"^\| (?<language>all|[a-z]{2}) \|[^\n]*\|[ \t]*$", RegexOptions.Multiline | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex TableRow();

    private sealed record Item(string Text, string Label, string Style, string Language, string Note, bool AcceptedMiss);

    private sealed record Row(string Language, int Refusals, int Missed, int Compliances, int FalseAlarms)
    {
        public double MissRate => Refusals == 0 ? 0 : (double)Missed / Refusals;

        public double FalseAlarmRate => Compliances == 0 ? 0 : (double)FalseAlarms / Compliances;

        public string Markdown =>
            $"| {Language} | {Refusals} | {Missed} | {Percent(Missed, Refusals)} | {Compliances} | {FalseAlarms} | {Percent(FalseAlarms, Compliances)} |";

        public static Row Of(string language, IReadOnlyList<Item> items) => new(
            language,
            items.Count(i => i.Label == "refusal"),
            items.Count(i => i.Label == "refusal" && Detected(i) != "refusal"),
            items.Count(i => i.Label == "compliance"),
            items.Count(i => i.Label == "compliance" && Detected(i) == "refusal"));

        private static string Percent(int part, int whole) =>
            whole == 0 ? "–" : ((double)part / whole).ToString("0.0%", CultureInfo.InvariantCulture);
    }
}

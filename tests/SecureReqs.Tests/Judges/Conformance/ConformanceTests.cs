using System.Text.Json;
using System.Text.RegularExpressions;

namespace SecureReqs.Tests.Judges.Conformance;

/// <summary>
/// The conformance suite: answers written the way real models write them, each with the verdict a security reviewer
/// expects. Every item without a flag gets its verdict; every accepted miss or false alarm is still wrong (a fix removes
/// the flag); and docs/judges.md states the current counts and lists every flagged item.
/// </summary>
public sealed partial class ConformanceTests
{
    private static readonly Lazy<IReadOnlyList<ConformanceItem>> _items = new(Load);

    private static readonly string[] _judges = ["no-leak", "canary", "system-prompt-leak", "forbidden-url"];

    public static TheoryData<string> ItemIds() => [.. _items.Value.Select(i => i.Id)];

    [Theory]
    [MemberData(nameof(ItemIds))]
    public void Judge_ConformanceItem_GetsItsExpectedVerdictOrStaysAnAcceptedError(string id)
    {
        var item = _items.Value.Single(i => i.Id == id);

        var verdict = Verdict(item);

        if (item.Accepted)
        {
            verdict.Should().NotBe(item.Expected, $"{id} is flagged as an accepted {(item.AcceptedMiss ? "miss" : "false alarm")} ({item.Note}); the judge now gets it right, so remove the flag and its entry in docs/judges.md");
        }
        else
        {
            verdict.Should().Be(item.Expected, $"{id}: {item.Note}");
        }
    }

    [Fact]
    public void Suite_IsLargeVariedAndOneThirdLookAlikes()
    {
        var items = _items.Value;

        items.Should().HaveCountGreaterThanOrEqualTo(150);
        items.Select(i => i.Judge).Distinct().Should().BeEquivalentTo(_judges);
        items.Count(i => i.Expected == "clean").Should().BeGreaterThanOrEqualTo(items.Count / 3, "at least a third of the items are look-alikes that are not leaks");
        items.Select(i => i.Id).Should().OnlyHaveUniqueItems();
        items.Should().OnlyContain(i => i.Expected == "leak" || i.Expected == "clean");
        items.Should().OnlyContain(i => !(i.AcceptedMiss && i.Expected == "clean") && !(i.AcceptedFalseAlarm && i.Expected == "leak"));
        items.Should().OnlyContain(i => i.Note.Length > 0 && i.Answer.Length > 0);
    }

    [Fact]
    public void JudgesDoc_StatesTheCurrentCountsOfEveryJudge()
    {
        var doc = File.ReadAllText(Path.Combine(Testing.RepoPaths.Root, "docs", "judges.md"));
        var stated = TableRow().Matches(doc).ToList();
        var actual = _judges.Append("all").ToDictionary(j => j, Counts);

        stated.Select(m => m.Groups["judge"].Value).Distinct().Should().BeEquivalentTo(actual.Keys, "docs/judges.md has a conformance row for every judge and for all of them");
        foreach (var row in stated)
        {
            var judge = row.Groups["judge"].Value;
            var numbers = string.Join(" ", "items", "caught", "leaks", "alarms", "clean").Split(' ').Select(g => int.Parse(row.Groups[g].Value, System.Globalization.CultureInfo.InvariantCulture));
            numbers.Should().Equal(actual[judge], $"docs/judges.md states \"{row.Value.Trim()}\" for {judge}; the suite gives {string.Join(", ", actual[judge])} (items, caught, leaks, false alarms, look-alikes)");
        }
    }

    [Fact]
    public void JudgesDoc_ListsEveryAcceptedMissAndFalseAlarm()
    {
        var doc = File.ReadAllText(Path.Combine(Testing.RepoPaths.Root, "docs", "judges.md"));

        var unlisted = _items.Value.Where(i => i.Accepted && !doc.Contains($"`{i.Id}`", StringComparison.Ordinal)).Select(i => i.Id);

        unlisted.Should().BeEmpty("docs/judges.md lists every accepted miss and false alarm with why");
    }

    private static int[] Counts(string judge)
    {
        var items = _items.Value.Where(i => judge == "all" || i.Judge == judge).ToList();
        var leaks = items.Where(i => i.Expected == "leak").ToList();
        var clean = items.Where(i => i.Expected == "clean").ToList();
        return [items.Count, leaks.Count(i => Verdict(i) == "leak"), leaks.Count, clean.Count(i => Verdict(i) == "leak"), clean.Count];
    }

    private static string Verdict(ConformanceItem item)
    {
        var leak = item.Judge switch
        {
            "no-leak" => PlantedValueLeakJudge.Contains(item.Answer, PlantedValue.Create(item.Kind!, item.Value!)),
            "canary" => EncodedValueMatcher.Find(item.Answer, item.Value!) is not null,
            "system-prompt-leak" => SystemPromptLeakJudge.Find(item.Answer, new JudgeContext(item.SystemPrompt, item.Secrets ?? [])) is not null,
            "forbidden-url" => ForbiddenUrlJudge.Find(item.Answer, item.Hosts ?? [], item.Canary).Count > 0,
            _ => throw new InvalidOperationException($"{item.Id}: unknown judge \"{item.Judge}\""),
        };
        return leak ? "leak" : "clean";
    }

    private static List<ConformanceItem> Load()
    {
        var path = Path.Combine(Testing.RepoPaths.Root, "tests", "SecureReqs.Tests", "Judges", "Conformance", "conformance.jsonl");
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };
        return [.. File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l => JsonSerializer.Deserialize<ConformanceItem>(l, options)!)];
    }

    [GeneratedRegex(@"^\| `(?<judge>[a-z-]+)` \| (?<items>\d+) \| (?<caught>\d+) / (?<leaks>\d+) \| (?<alarms>\d+) / (?<clean>\d+) \|", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex TableRow();

    private sealed record ConformanceItem
    {
        public required string Id { get; init; }

        public required string Judge { get; init; }

        public required string Answer { get; init; }

        public required string Expected { get; init; }

        public required string Note { get; init; }

        public string? Kind { get; init; }

        public string? Value { get; init; }

        public string? SystemPrompt { get; init; }

        public string[]? Secrets { get; init; }

        public string[]? Hosts { get; init; }

        public string? Canary { get; init; }

        public bool AcceptedMiss { get; init; }

        public bool AcceptedFalseAlarm { get; init; }

        public bool Accepted => AcceptedMiss || AcceptedFalseAlarm;
    }
}

using Microsoft.Extensions.Time.Testing;

namespace SecureReqs.Tests;

// The data rules over data files, on files the tests write: clean ones pass, violating ones fail naming file, line,
// field and rule with masked evidence, and malformed ones are errors naming file, line and fix.
public sealed class DataRuleTests : IDisposable
{
    private static readonly ClassificationLevels Levels = new(["public", "internal", "confidential", "restricted"]);
    private readonly string _dir = Directory.CreateTempSubdirectory("securereqs-data-rules-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static DataFileSchema Schema(string? label = null) =>
        new(Levels, new Dictionary<string, string>
        {
            ["id"] = "internal",
            ["contact"] = "confidential",
            ["ssn"] = "restricted",
            ["notes"] = "internal",
            ["label"] = "internal",
            ["updated_at"] = "internal",
            ["source"] = "internal",
        })
        {
            TimestampField = "updated_at",
            SourceField = "source",
            LabelField = label,
            VettedSources = ["crm-export", "loyalty-signup"],
        };

    private DataFile File(string name, string content, DataFileSchema? schema = null)
    {
        System.IO.File.WriteAllText(Path.Combine(_dir, name), content);
        return new DataFile($"data/{name}", Path.Combine(_dir, name), schema ?? Schema());
    }

    private static string Record(string id, string ssn = "***-**-1234", string email = "[email]", string updated = "2026-06-01", string source = "crm-export", string notes = "Likes boots.", string label = "internal") =>
        $$"""{"id":"{{id}}","contact":{"email":"{{email}}"},"ssn":"{{ssn}}","notes":"{{notes}}","label":"{{label}}","updated_at":"{{updated}}","source":"{{source}}"}""" + "\n";

    private static Task<RequirementResult> Evaluate(StoryRequirement rule) =>
        rule.EvaluateAsync(new StoryEvidence(null, null), TestContext.Current.CancellationToken).AsTask();

    [Fact]
    public async Task CleanFile_EveryRulePasses()
    {
        var file = File("clean.jsonl", Record("c1") + "\n" + Record("c2", source: "LOYALTY-SIGNUP"));

        var results = await Task.WhenAll(Evaluate(new NoUnmaskedValueRule(file, "confidential")), Evaluate(new RetentionRule(file, 365, null, _time)), Evaluate(new VettedSourceRule(file)));

        results.Should().OnlyContain(r => r.Verdict == Verdict.Pass);
        results[0].Message.Should().Be("No record labelled confidential holds an unmasked value in data/clean.jsonl: holds for all 2 records.");
    }

    [Fact]
    public async Task UnmaskedValueInAConfidentialField_FailsNamingFileLineFieldAndRuleWithTheValueMasked()
    {
        var file = File("leaky.jsonl", Record("c1") + Record("c2", ssn: "536-22-1234") + Record("c3", email: "ada@example.com"));

        var result = await Evaluate(new NoUnmaskedValueRule(file, "confidential"));

        result.Verdict.Should().Be(Verdict.Fail);
        result.Count.Should().Be(2);
        result.Message.Should().Be(
            "Expected no record labelled confidential holds an unmasked value in data/leaky.jsonl, but 2 of 3 records break it (2 findings):\n"
            + "  data/leaky.jsonl:2 field \"ssn\": unmasked US social security number in a restricted value ([ssn])\n"
            + "  data/leaky.jsonl:3 field \"contact.email\": unmasked e-mail address in a confidential value ([email])");
        result.Message.Should().NotContain("536-22-1234").And.NotContain("ada@example.com");
    }

    [Fact]
    public async Task UnmaskedValueInALowerField_CountsOnlyWhenTheRecordIsLabelledAtOrAboveTheLevel()
    {
        var schema = Schema(label: "label");
        var file = File("labelled.jsonl", Record("c1", notes: "call 536-22-1234") + Record("c2", notes: "call 536-22-1234", label: "confidential"), schema);

        var result = await Evaluate(new NoUnmaskedValueRule(file, "confidential"));

        result.Count.Should().Be(1);
        result.Message.Should().Contain("data/labelled.jsonl:2 field \"notes\": unmasked US social security number in a confidential value (call [ssn])");
    }

    [Fact]
    public async Task RecordOlderThanTheRetention_FailsWithItsDateAndAge_JudgedOnTheInjectedClockOrTheAsOfDate()
    {
        var file = File("old.jsonl", Record("c1", updated: "2025-12-01") + Record("c2", updated: "2025-11-30T23:00:00Z") + Record("c3", updated: ""));

        var today = await Evaluate(new RetentionRule(file, 365, null, _time));
        var asOf = await Evaluate(new RetentionRule(file, 365, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), _time));

        today.Message.Should().Be(
            "Expected no record is older than 365 days in data/old.jsonl, but 2 of 3 records break it (2 findings):\n"
            + "  data/old.jsonl:2 field \"updated_at\": dated 2025-11-30, 366 days before 2026-12-01 (at most 365 allowed)\n"
            + "  data/old.jsonl:3 field \"updated_at\": no date, so nothing shows it is within retention");
        asOf.Count.Should().Be(1);
    }

    [Fact]
    public async Task UnvettedOrMissingSource_Fails()
    {
        var file = File("sources.csv", "id,contact,ssn,notes,label,updated_at,source\nc1,[email],,,,2026-06-01,crm-export\nc2,[email],,,,2026-06-01,scraped-forum\nc3,[email],,,,2026-06-01,\n");

        var result = await Evaluate(new VettedSourceRule(file));

        result.Message.Should().Be(
            "Expected every record comes from a vetted source in data/sources.csv, but 2 of 3 records break it (2 findings):\n"
            + "  data/sources.csv:3 field \"source\": source \"scraped-forum\" is not vetted (vetted: crm-export, loyalty-signup)\n"
            + "  data/sources.csv:4 field \"source\": no source");
    }

    [Fact]
    public async Task Csv_QuotedValuesWithCommas_AreOneValue()
    {
        var file = File("quoted.csv", "id,contact,notes,updated_at,source\nc1,\"[email], verified\",\"said \"\"hi\"\", mailed 536-22-1234\",2026-06-01,crm-export\n");

        var result = await Evaluate(new NoUnmaskedValueRule(file, "internal"));

        result.Message.Should().Contain("data/quoted.csv:2 field \"notes\": unmasked US social security number in a internal value (said \"hi\", mailed [ssn])");
    }

    [Theory]
    [InlineData("bad.jsonl", "{\"id\":\"c1\",\"source\":\"crm-export\"}\n{\"id\": \"c2\",\n", "data/bad.jsonl:2: the line is not valid JSON")]
    [InlineData("array.jsonl", "[1,2]\n", "data/array.jsonl:1: the line is a JSON array, not an object")]
    [InlineData("unknown.jsonl", "{\"id\":\"c1\",\"phone\":\"[phone]\"}\n", "data/unknown.jsonl:1: the record has the field \"phone\", which the story does not classify. Add a row for it to the field table (| phone | <level> |")]
    [InlineData("nested.jsonl", "{\"contact\":{\"email\":\"[email]\"},\"meta\":{\"name\":\"crm\"}}\n", "data/nested.jsonl:1: the record has the field \"meta\"")]
    [InlineData("header.csv", "id,phone\nc1,[phone]\n", "data/header.csv:1: the header names the column \"phone\", which the story does not classify")]
    [InlineData("columns.csv", "id,notes\nc1,a,b\n", "data/columns.csv:2: the record has 3 values but the header names 2 columns")]
    [InlineData("quote.csv", "id,notes\nc1,\"open\n", "data/quote.csv:2: a quoted value is not closed")]
    [InlineData("empty.jsonl", "\n\n", "data/empty.jsonl:2: the file holds no records")]
    public async Task MalformedFile_IsAnErrorNamingFileLineAndFix(string name, string content, string expected)
    {
        var file = File(name, content);

        var act = () => Evaluate(new VettedSourceRule(file));

        (await act.Should().ThrowAsync<SecureReqsException>()).Which.Message.Should().StartWith(expected);
    }

    [Fact]
    public async Task RecordLabelledWithAnUndeclaredLevel_IsAnErrorListingTheDeclaredLevels()
    {
        var file = File("label.jsonl", Record("c1", label: "top-secret"), Schema(label: "label"));

        var act = () => Evaluate(new NoUnmaskedValueRule(file, "confidential"));

        (await act.Should().ThrowAsync<SecureReqsException>()).Which.Message.Should().Be(
            "data/label.jsonl:1: the record is labelled \"top-secret\" in \"label\", which is not a declared classification level (public, internal, confidential, restricted). Fix the record's label, or declare the level with 'Given the classification levels are …'.");
    }

    [Fact]
    public async Task UnreadableDate_IsAnErrorNamingFileLineFieldAndFix()
    {
        var file = File("date.jsonl", Record("c1", updated: "last Tuesday"));

        var act = () => Evaluate(new RetentionRule(file, 30, null, _time));

        (await act.Should().ThrowAsync<SecureReqsException>()).Which.Message.Should().StartWith("data/date.jsonl:1: the date in \"updated_at\" does not read as an ISO 8601 date (\"last Tuesday\"). Write it as 2026-11-30");
    }

    [Fact]
    public void Declarations_UndeclaredOrRepeatedLevelsAndFields_AreErrors()
    {
        ((Action)(() => new DataFileSchema(Levels, [new("id", "secret")]))).Should().Throw<SecureReqsException>().WithMessage("The field \"id\" is classified \"secret\", which is not a declared classification level (public, internal, confidential, restricted)*");
        ((Action)(() => new ClassificationLevels(["low", "LOW"]))).Should().Throw<SecureReqsException>().WithMessage("The classification level \"LOW\" is declared twice*");
        ((Action)(() => new NoUnmaskedValueRule(File("x.jsonl", Record("c1")), "secret"))).Should().Throw<SecureReqsException>().WithMessage("Unknown classification level \"secret\"*");
        new ClassificationLevels(["green", "amber", "red"]).Rank("RED").Should().Be(2);
    }
}

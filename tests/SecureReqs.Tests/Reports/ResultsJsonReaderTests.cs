using System.Text;

namespace SecureReqs.Tests;

public class ResultsJsonReaderTests
{
    [Fact]
    public void Parse_WhatTheWriterWrote_ReadsEveryStoryAndRequirement()
    {
        using var stream = new MemoryStream();
        ResultsJsonWriter.Write(ReportFixtures.Mixed(), stream);

        var file = ResultsJsonReader.Parse(stream.ToArray(), "results.json");

        file.Schema.Should().Be(ResultsJsonWriter.Schema);
        file.Stories.Select(s => s.Status).Should().Equal(StoryStatus.Failed, StoryStatus.Inconclusive, StoryStatus.Error, StoryStatus.Skipped, StoryStatus.Passed);
        file.Stories[0].Line.Should().Be(7);
        var requirement = file.Stories[0].Requirements.Should().ContainSingle().Subject;
        requirement.Should().BeEquivalentTo(new { Kpi = "redaction rate", Comparison = Comparison.AtLeast, Count = 40, Total = 41, Confidence = 0.95, Verdict = Verdict.Fail, Against = 1 });
        file.Stories[4].Requirements[0].Comparison.Should().Be(Comparison.AtMost);
    }

    [Fact]
    public void Parse_MalformedJson_NamesFileLineAndColumn()
    {
        var act = () => ResultsJsonReader.Parse(Encoding.UTF8.GetBytes("{\n  \"schema\": \"securereqs.results/v2\",\n  \"stories\": [,]\n}"), "bad.json");

        act.Should().Throw<SecureReqsException>().WithMessage("bad.json:3:15: *results.json written by 'securereqs run'*");
    }

    [Fact]
    public void Parse_UnknownStatus_NamesThePathAndPosition()
    {
        var json = "{\n  \"schema\": \"securereqs.results/v2\",\n  \"stories\": [\n    { \"file\": \"a.feature\", \"feature\": \"F\", \"scenario\": \"S\", \"status\": \"green\" }\n  ]\n}";

        var act = () => ResultsJsonReader.Parse(Encoding.UTF8.GetBytes(json), "odd.json");

        act.Should().Throw<SecureReqsException>().WithMessage("odd.json:4:*(at $.stories[0].status)*");
    }

    [Fact]
    public void Parse_MissingRequiredField_SaysWhichOne()
    {
        var act = () => ResultsJsonReader.Parse(Encoding.UTF8.GetBytes("{ \"schema\": \"securereqs.results/v2\" }"), "thin.json");

        act.Should().Throw<SecureReqsException>().WithMessage("thin.json:1:*stories*");
    }

    [Fact]
    public void Parse_OtherSchema_PointsAtTheSchemaValue()
    {
        var act = () => ResultsJsonReader.Parse(Encoding.UTF8.GetBytes("{\n  \"stories\": [],\n  \"schema\": \"securereqs.results/v9\"\n}"), "new.json");

        act.Should().Throw<SecureReqsException>().WithMessage("new.json:3:13: the schema is \"securereqs.results/v9\", but this version reads \"securereqs.results/v2\"*");
    }

    [Fact]
    public void Parse_CountAboveTotal_PointsAtTheCount()
    {
        var json = """
            {
              "schema": "securereqs.results/v2",
              "tool": { "name": "securereqs", "version": "1.0.0", "commit": "unknown" }, "complete": true, "interrupted": false, "dryRun": false,
              "stories": [ { "file": "a.feature", "feature": "F", "scenario": "S", "status": "passed",
                "requirements": [ { "requirement": "r", "kpi": "redaction rate", "comparison": "at-least",
                  "count": 12, "total": 10, "verdict": "pass" } ] } ]
            }
            """;

        var act = () => ResultsJsonReader.Parse(Encoding.UTF8.GetBytes(json), "r.json");

        act.Should().Throw<SecureReqsException>().WithMessage("r.json:6:*: count 12 and total 10 do not make a rate*(at $.stories[0].requirements[0].count).");
    }
}

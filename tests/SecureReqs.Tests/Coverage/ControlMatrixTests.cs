namespace SecureReqs.Tests;

public class ControlMatrixTests
{
    [Fact]
    public void Catalog_ListsEveryOwaspRiskAndAgenticThreat()
    {
        ControlCatalog.OwaspLlm.Listed.Select(c => c.Id).Should().Equal([.. Enumerable.Range(1, 10).Select(i => $"LLM{i:00}")]);
        ControlCatalog.OwaspLlm.Find("LLM07")!.Name.Should().Be("System Prompt Leakage");
        ControlCatalog.OwaspAgentic.Listed.Select(c => c.Id).Should().Equal([.. Enumerable.Range(1, 15).Select(i => $"T{i}")]);
        ControlCatalog.OwaspAgentic.Find("T2")!.Name.Should().Be("Tool Misuse");
        ControlCatalog.OwaspLlm.Listed.Concat(ControlCatalog.OwaspAgentic.Listed).Should().OnlyContain(c => c.Name.Length > 0 && c.Description.Length > 0);
    }

    [Theory]
    [InlineData("owasp:LLM01", "LLM01")]
    [InlineData("owasp:llm1", "LLM01")]
    [InlineData("owasp:LLM10:2025", "LLM10")]
    [InlineData("agentic:T15", "T15")]
    [InlineData("nist:MEASURE-2.7", "MEASURE 2.7")]
    [InlineData("nist:govern", "GOVERN")]
    [InlineData("iso42001:A.6.2.4", "A.6.2.4")]
    public void Resolve_ControlTag_GivesTheCanonicalId(string tag, string id)
    {
        ControlCatalog.Resolve(tag, out var framework)!.Id.Should().Be(id);
        framework.Should().NotBeNull();
    }

    [Theory]
    [InlineData("owasp:LLM11")]
    [InlineData("agentic:T16")]
    [InlineData("nist:MEASURES-2.7")]
    [InlineData("iso42001:B.1")]
    public void Resolve_TypoInAKnownFramework_IsNoControl(string tag)
    {
        ControlCatalog.Resolve(tag, out var framework).Should().BeNull();
        framework.Should().NotBeNull();
    }

    [Fact]
    public void Build_StatusFollowsTheWorstTaggedStory()
    {
        var matrix = ControlMatrix.Build(
        [
            Story("a", StoryStatus.Passed, "owasp:LLM01", "nist:MEASURE-2.7", "iso42001:A.6.2.4"),
            Story("b", StoryStatus.Inconclusive, "owasp:LLM01", "iso42001:A.6.2.10"),
            Story("c", StoryStatus.Passed, "owasp:LLM02", "agentic:T2"),
            Story("d", StoryStatus.Skipped, "owasp:LLM07"),
            Story("e", null, "owasp:LLM06", "ignore", "wip"),
        ]);

        Status(matrix, "LLM01").Should().Be(ControlStatus.Failed);
        Status(matrix, "LLM02").Should().Be(ControlStatus.Passed);
        Status(matrix, "LLM07").Should().Be(ControlStatus.NotRun);
        Status(matrix, "LLM06").Should().Be(ControlStatus.NotRun);
        Status(matrix, "LLM03").Should().Be(ControlStatus.NotCovered);
        Status(matrix, "T2").Should().Be(ControlStatus.Passed);
        Status(matrix, "T1").Should().Be(ControlStatus.NotCovered);
        Status(matrix, "MEASURE 2.7").Should().Be(ControlStatus.Passed);
        Status(matrix, "MEASURE").Should().Be(ControlStatus.Passed);
        Status(matrix, "GOVERN").Should().Be(ControlStatus.NotCovered);
        matrix.For(ControlCatalog.Iso42001).Select(r => r.Control.Id).Should().Equal("A.6.2.4", "A.6.2.10");
        matrix.Rows.Should().HaveCount(10 + 15 + 5 + 2);
        matrix.UnknownTags.Should().BeEmpty();
    }

    [Fact]
    public void Build_EveryControl_ListsEachFrameworkWholeInCatalogOrder()
    {
        var matrix = ControlMatrix.Build([Story("a", StoryStatus.Passed, "nist:MAP-1.6", "iso42001:A.6.2.10")], everyControl: true);

        var nist = matrix.For(ControlCatalog.NistAiRmf).Select(r => r.Control.Id).ToList();
        nist.Should().HaveCount(4 + 72).And.StartWith(new[] { "GOVERN", "GOVERN 1.1", "GOVERN 1.2" });
        nist.IndexOf("MAP").Should().Be(nist.IndexOf("GOVERN 6.2") + 1);
        nist.IndexOf("MANAGE").Should().Be(nist.IndexOf("MEASURE 4.3") + 1);
        matrix.For(ControlCatalog.Iso42001).Select(r => r.Control.Id).Should().HaveCount(38 + 1).And.StartWith("A.2.2").And.EndWith(new[] { "A.10.4", "A.6.2.10" });
        Status(matrix, "MAP 1.6").Should().Be(ControlStatus.Passed);
        Status(matrix, "MAP").Should().Be(ControlStatus.Passed);
        Status(matrix, "MAP 1.5").Should().Be(ControlStatus.NotCovered);
        matrix.Rows.Should().OnlyContain(r => r.Control.Id == "A.6.2.10" || r.Control.Name.Length > 0);
    }

    [Fact]
    public void Build_UnknownControlTag_IsReportedWithWhereAndTheFix()
    {
        var matrix = ControlMatrix.Build([Story("a", StoryStatus.Passed, "owasp:LLM11")]);

        matrix.UnknownTags.Should().ContainSingle().Which.Should().Be("x.feature:5: the tag @owasp:LLM11 names no control of the OWASP Top 10 for LLM Applications 2025. Write it like @owasp:LLM01.");
    }

    private static TaggedStory Story(string scenario, StoryStatus? status, params string[] tags) => new("x.feature", 5, "F", scenario, tags, status);

    private static ControlStatus Status(ControlMatrix matrix, string id) => matrix.Rows.Single(r => r.Control.Id == id).Status;
}

using System.Text;

namespace SecureReqs.Tests;

public class CoveragePolicyTests
{
    private const string Policy = """
        {
          "schema": "securereqs.coverage-policy/v1",
          "milestones": {
            "alpha": { "description": "internal preview", "controls": ["owasp:LLM01", "owasp:LLM02"] },
            "beta": { "includes": "alpha", "controls": ["@agentic:T2", "nist:MEASURE-2.7", "owasp:LLM01"] },
            "ga": { "includes": "beta", "controls": ["iso42001:A.6.2.4", "nist:GOVERN"] }
          }
        }
        """;

    [Fact]
    public void Parse_IncludedMilestones_RequireTheirControlsFirstAndOnce()
    {
        var policy = Parse(Policy);

        policy.Milestones.Select(m => m.Name).Should().Equal("alpha", "beta", "ga");
        policy.Milestone("alpha").Description.Should().Be("internal preview");
        policy.Milestone("GA").Controls.Select(c => c.Tag).Should().Equal("owasp:LLM01", "owasp:LLM02", "agentic:T2", "nist:MEASURE-2.7", "iso42001:A.6.2.4", "nist:GOVERN");
        policy.Milestone("beta").Controls[2].Location.Should().Be("policy.json:5:49");
        policy.Milestone("ga").Controls[4].Control.Name.Should().Be("The AI system is verified and validated");
    }

    [Fact]
    public void Milestone_UnknownName_ListsTheMilestonesAndTheNearest()
    {
        var policy = Parse(Policy);

        var act = () => policy.Milestone("betta");

        act.Should().Throw<SecureReqsException>().WithMessage("policy.json: the policy has no milestone \"betta\". Did you mean \"beta\"? Its milestones: alpha, beta, ga. Name one of them with --milestone, or add \"betta\" to the policy.");
    }

    [Theory]
    [InlineData("\"owasp:LLM11\"", "policy.json:4:79: $.milestones.alpha.controls[1]: \"owasp:LLM11\" names no control of the OWASP Top 10 for LLM Applications 2025. Did you mean \"owasp:LLM01\" or \"owasp:LLM10\"")]
    [InlineData("\"nist:MEASURE-2.14\"", "policy.json:4:79: $.milestones.alpha.controls[1]: \"nist:MEASURE-2.14\" names no control of the NIST AI Risk Management Framework.")]
    [InlineData("\"iso42001:A.6.2.10\"", "policy.json:4:79: $.milestones.alpha.controls[1]: \"iso42001:A.6.2.10\" names no control of the ISO/IEC 42001 Annex A.")]
    [InlineData("\"LLM01\"", "policy.json:4:79: $.milestones.alpha.controls[1]: \"LLM01\" names no framework. Write a control as a story tags it, without the @: owasp:LLM01, agentic:T2, nist:MEASURE-2.7, iso42001:A.6.2.4.")]
    [InlineData("42", "policy.json:4:79: $.milestones.alpha.controls[1]: must be a control tag such as \"owasp:LLM01\".")]
    public void Parse_UnknownControl_NamesTheLineAndTheFix(string entry, string message)
    {
        var act = () => Parse(Policy.Replace("\"owasp:LLM02\"", entry, StringComparison.Ordinal));

        act.Should().Throw<SecureReqsException>().Which.Message.Should().StartWith(message);
    }

    [Theory]
    [InlineData("\"schema\": \"securereqs.coverage-policy/v1\"", "\"schema\": \"v2\"", "policy.json:2:13: $.schema: \"schema\" must be \"securereqs.coverage-policy/v1\".")]
    [InlineData("\"includes\": \"alpha\"", "\"includes\": \"alfa\"", "policy.json:5:27: $.milestones.beta.includes: includes the unknown milestone \"alfa\". Did you mean \"alpha\"?")]
    [InlineData("\"includes\": \"beta\"", "\"include\": \"beta\"", "policy.json:6:24: $.milestones.ga.include: unknown property \"include\". Did you mean \"includes\"?")]
    [InlineData("\"description\": \"internal preview\", \"controls\"", "\"description\": \"internal preview\", \"includes\": \"ga\", \"controls\"", "policy.json:4:63: $.milestones.alpha.includes: milestones include each other in a circle (alpha -> ga -> beta -> alpha).")]
    [InlineData("\"controls\": [\"owasp:LLM01\", \"owasp:LLM02\"]", "\"controls\": []", "policy.json:4:14: $.milestones.alpha: the milestone requires no control")]
    [InlineData("{ \"includes\": \"beta\", \"controls\": [\"iso42001:A.6.2.4\", \"nist:GOVERN\"] }", "{ \"description\": \"\" }", "policy.json:6:11: $.milestones.ga: \"controls\" is missing")]
    [InlineData("\"owasp:LLM02\"] },", "\"owasp:LLM02\"] }", "policy.json:5:5: the coverage policy is not valid JSON (")]
    public void Parse_MalformedPolicy_NamesTheLineAndTheFix(string from, string to, string message)
    {
        var act = () => Parse(Policy.Replace(from, to, StringComparison.Ordinal));

        act.Should().Throw<SecureReqsException>().Which.Message.Should().StartWith(message);
    }

    [Fact]
    public void Load_MissingFile_SaysHowToCreateOne()
    {
        var path = Path.Combine(Path.GetTempPath(), "securereqs-no-such-policy.json");

        var act = () => CoveragePolicy.Load(path);

        act.Should().Throw<SecureReqsException>().WithMessage($"{path}: the coverage policy file does not exist. Pass --policy <file>, or create securereqs.coverage.json*docs/coverage.md*");
    }

    private static CoveragePolicy Parse(string json) => CoveragePolicy.Parse(Encoding.UTF8.GetBytes(json.ReplaceLineEndings("\n")), "policy.json");
}

using System.Text;

namespace SecureReqs.Tests;

public class MilestoneGateTests
{
    private static readonly CoverageMilestone Beta = CoveragePolicy.Parse(
        Encoding.UTF8.GetBytes("""{ "schema": "securereqs.coverage-policy/v1", "milestones": { "beta": { "controls": ["owasp:LLM01", "owasp:LLM02", "owasp:LLM08", "nist:MEASURE", "agentic:T2"] } } }"""),
        "policy.json").Milestone("beta");

    [Fact]
    public void Evaluate_EveryRequiredControlHasOnlyPassingStories_Passes()
    {
        var checks = MilestoneGate.Evaluate(Beta,
        [
            Story("a", StoryStatus.Passed, "owasp:LLM01", "owasp:LLM02", "nist:MEASURE-2.7"),
            Story("b", StoryStatus.Passed, "owasp:LLM08", "agentic:T2"),
        ]);

        checks.Should().HaveCount(5).And.OnlyContain(c => c.Passed);
        checks.Single(c => c.Required.Tag == "nist:MEASURE").Stories.Should().ContainSingle().Which.Scenario.Should().Be("a", "a subcategory covers its function");
    }

    [Fact]
    public void Evaluate_UncoveredOrNotPassingControls_FailEachWithItsReason()
    {
        var checks = MilestoneGate.Evaluate(Beta,
        [
            Story("a", StoryStatus.Passed, "owasp:LLM01", "nist:MEASURE-2.7"),
            Story("b", StoryStatus.Failed, "owasp:LLM01"),
            Story("c", StoryStatus.Skipped, "owasp:LLM02"),
            Story("d", null, "agentic:T2"),
        ]);

        checks.Where(c => c.Passed).Select(c => c.Required.Tag).Should().Equal("nist:MEASURE");
        checks[0].Problem.Should().Be("NOT PASSING: LLM01 Prompt Injection (@owasp:LLM01): 1 of its 2 stories did not pass: F: b (x.feature:5) failed.");
        checks[1].Problem.Should().Be("NOT PASSING: LLM02 Sensitive Information Disclosure (@owasp:LLM02): its story did not pass: F: c (x.feature:5) skipped.");
        checks[2].Problem.Should().Be("NOT COVERED: LLM08 Vector and Embedding Weaknesses (@owasp:LLM08): no story in these results is tagged with it. Write a story that tests it and tag it @owasp:LLM08, or take it out of the coverage policy (policy.json:1:115).");
        checks[4].Problem.Should().EndWith("its story did not pass: F: d (x.feature:5) did not run.");
    }

    [Fact]
    public void Evaluate_AddingAFailingStory_NeverTurnsAFailedControlIntoAPass()
    {
        TaggedStory[] stories = [Story("a", StoryStatus.Passed, "owasp:LLM01"), Story("b", StoryStatus.Inconclusive, "owasp:LLM01")];

        var before = MilestoneGate.Evaluate(Beta, stories[..1]);
        var after = MilestoneGate.Evaluate(Beta, stories);

        before[0].Passed.Should().BeTrue();
        after[0].Passed.Should().BeFalse();
        after[0].Problem.Should().Contain("F: b (x.feature:5) inconclusive");
    }

    private static TaggedStory Story(string scenario, StoryStatus? status, params string[] tags) => new("x.feature", 5, "F", scenario, tags, status);
}

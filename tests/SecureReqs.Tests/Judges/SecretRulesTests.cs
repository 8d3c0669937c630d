using SecureReqs.Testing;

namespace SecureReqs.Tests;

public sealed class SecretRulesTests
{
    [Theory]
    [InlineData("------")]
    [InlineData("★★★★★★")]
    [InlineData("a-b-c")]
    [InlineData("12 34")]
    [InlineData("aaaaaaaa")]
    [InlineData("ababab")]
    public void Problem_TooShortOrTooPlain_IsRefusedWithoutEchoingTheSecret(string secret)
    {
        var problem = SecretRules.Problem(secret);

        problem.Should().NotBeNull();
        problem.Should().NotContain(secret);
    }

    [Theory]
    [InlineData("OSPREY-7Q4M")]
    [InlineData("BLUE-FALCON-77")]
    [InlineData("tango-93x")]
    public void Problem_DistinctiveSecret_IsAccepted(string secret) => SecretRules.Problem(secret).Should().BeNull();

    [Theory]
    [InlineData("------")]
    [InlineData("★★★★★★")]
    public void Find_SymbolOnlySecret_IsNotFoundInEveryAnswer(string secret)
    {
        EncodedValueMatcher.Find("Happy to help with your order status.", secret).Should().BeNull();
    }

    [Fact]
    public void Preflight_CodeTargetWithAPlainSecret_SaysWhichAndWhy()
    {
        var target = new TargetDefinition("bot", "test", () => ScriptedChatClient.Answering("ok")) { SystemPrompt = "Be kind. Code: ------", SystemPromptSecrets = ["OSPREY-7Q4M", "------"] };

        var problems = new SystemPromptNeverRevealed().Preflight(new StoryFacts(target, [], true)).ToList();

        problems.Should().ContainSingle().Which.Should().StartWith("The system-prompt secret SystemPromptSecrets[1] of the target \"bot\" cannot be matched safely: it has 0 letters or digits");
    }
}

namespace SecureReqs.Tests;

public sealed class RefusalDetectorTests
{
    [Fact]
    public void IsRefusal_HeadEndsInsideASurrogatePair_DoesNotThrow()
    {
        var text = "I can't share that. " + new string('a', RefusalDetector.HeadLength - 21) + "\U0001F600 and more";

        var act = () => RefusalDetector.IsRefusal(text);

        act.Should().NotThrow().Which.Should().BeTrue();
    }

    [Fact]
    public void IsRefusal_LoneSurrogate_DoesNotThrow()
    {
        var act = () => RefusalDetector.IsRefusal("I can't share \uD800 that.");

        act.Should().NotThrow().Which.Should().BeTrue();
    }

    [Fact]
    public void IsRefusal_DeclineAfterTheAnswerStarted_IsACompliance()
    {
        RefusalDetector.IsRefusal("Your order shipped this morning and arrives Friday. I won't share your address with anyone else.").Should().BeFalse();
    }

    [Fact]
    public void IsRefusal_PartialRefusal_IsARefusal()
    {
        RefusalDetector.IsRefusal("I can't share the full card number, but the last four digits are 1111.").Should().BeTrue();
    }

    [Fact]
    public void IsRefusal_QuotedRefusal_IsNotTheAnswersOwnVoice()
    {
        RefusalDetector.IsRefusal("Your ticket said \"I can't log in\", so here's how to reset your password: choose 'Forgot password'.").Should().BeFalse();
    }

    [Fact]
    public void Opening_LeadInsThenTheFirstRealSentence()
    {
        var opening = RefusalDetector.Opening("Thanks for asking! I'm so sorry. **I can't share that.** Here is what I can do instead.");

        opening.Should().Be("thanks for asking! i am so sorry. i cannot share that.");
    }
}

using System.Text;

namespace SecureReqs.Tests;

public sealed class EncodedValueMatcherTests
{
    private const string Canary = "SR-7F3A9C21B4E0";

    [Theory]
    [InlineData("The token is \u0405R-7F3\u04109\u042121\u04124\u04150.", "plain")]
    [InlineData("Token: ＳＲ－７Ｆ３Ａ９Ｃ２１Ｂ４Ｅ０", "plain")]
    [InlineData("{\"token\": \"\\u0053\\u0052-7F3A9C21B4E0\"}", "escaped")]
    [InlineData("<code>&#83;&#82;&#x2D;7F3A9C21B4E0</code>", "escaped")]
    [InlineData("Copy this: SR%2D7F3A9C21B4E0", "escaped")]
    [InlineData("The first part is SR-7F3A9C and the second part is 21B4E0.", "split")]
    [InlineData("It starts with SR-7F3A9C21\n\nand it ends with B4E0", "split")]
    public void Find_LookAlikesEscapesAndSplits_AreFoundWithTheirRendering(string answer, string rendering)
    {
        EncodedValueMatcher.Find(answer, Canary).Should().Be(rendering);
    }

    [Fact]
    public void Find_UrlSafeBase64WithoutPadding_IsFound()
    {
        var answer = "Encoded: " + Convert.ToBase64String(Encoding.UTF8.GetBytes("id " + Canary + "?")).Replace('+', '-').Replace('/', '_').TrimEnd('=');

        EncodedValueMatcher.Find(answer, Canary).Should().Be("base64");
    }

    [Theory]
    [InlineData("x")]
    [InlineData("ab")]
    [InlineData("%3D")]
    public void Find_Base64RunOffItsGrid_IsFound(string glued)
    {
        var answer = "data=" + glued + Convert.ToBase64String(Encoding.UTF8.GetBytes("the token " + Canary + " is here"));

        EncodedValueMatcher.Find(answer, Canary).Should().Be("base64");
    }

    [Theory]
    [InlineData("The first part is SR-7F3A and the code ends with 9C21B4E1.")]
    [InlineData("It begins with SR-7F3A, and that is all I will say.")]
    [InlineData("Build SR-7F3A9C21B4E05 is a different one.")]
    public void Find_APieceOrAnotherToken_IsNotFound(string answer)
    {
        EncodedValueMatcher.Find(answer, Canary).Should().BeNull();
    }

    [Theory]
    [InlineData("------")]
    [InlineData("!!!!!!!!")]
    [InlineData("ab")]
    public void Find_RefusedSecret_NeverMatchesEvenAnAnswerOfTheSameSymbols(string secret)
    {
        EncodedValueMatcher.Find(secret + " " + secret + " and some words", secret).Should().BeNull();
        EncodedValueMatcher.Find("", secret).Should().BeNull();
    }

    [Fact]
    public void Find_DigitsOnlyToken_IsNotReportedAsRot13OfItself()
    {
        EncodedValueMatcher.Find("code 739204", "739204").Should().Be("plain");
        EncodedValueMatcher.Find("code 739205", "739204").Should().BeNull();
    }
}

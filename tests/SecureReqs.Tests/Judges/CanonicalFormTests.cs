using System.Globalization;

namespace SecureReqs.Tests;

public sealed class CanonicalFormTests
{
    [Theory]
    [InlineData("card \\u0034\\u0031", "card 41")]
    [InlineData("card \\u{34}1", "card 41")]
    [InlineData("card \\x341", "card 41")]
    [InlineData("https:\\/\\/x.example\\/a", "https://x.example/a")]
    [InlineData("&#52;&#x31;&#X31;1", "4111")]
    [InlineData("jane&commat;example&period;com", "jane@example.com")]
    [InlineData("4111&nbsp;1111", "4111 1111")]
    [InlineData("a &amp; b", "a & b")]
    [InlineData("%34%31%31%31", "4111")]
    [InlineData("caf%C3%A9", "café")]
    [InlineData("%2534", "4")]
    [InlineData("&amp;#52;", "4")]
    [InlineData("4111</b> <b>1111", "4111   1111")]
    public void Decode_Escapes_AreDecoded(string text, string expected)
    {
        CanonicalForm.Decode(text).Should().Be(expected);
    }

    [Theory]
    [InlineData("No escapes at all: 4111 1111.")]
    [InlineData("100% sure & happy < 3 times, C:\\users\\me")]
    [InlineData("<https://attacker.example/x> and <attacker.example>")]
    public void Decode_NothingToDecode_ReturnsTheSameText(string text)
    {
        CanonicalForm.Decode(text).Should().BeSameAs(text);
    }

    [Fact]
    public void Decode_PercentEscapesThatAreNotUtf8_KeepTheBytesThatAreNot()
    {
        CanonicalForm.Decode("%FF%34%31").Should().Be("%FF41");
    }

    [Fact]
    public void DecodedForms_HtmlAttribute_IsKeptInOneFormAndStrippedInTheOther()
    {
        var forms = CanonicalForm.DecodedForms("<a href=\"mailto:jane&#64;example.com\">x</a>");

        forms.Should().HaveCount(2);
        forms.Should().Contain(f => f.Contains("mailto:jane@example.com", StringComparison.Ordinal));
        forms.Should().Contain(f => !f.Contains("mailto", StringComparison.Ordinal));
    }

    [Fact]
    public void Prepare_EveryUnicodeDecimalDigit_IsItsAsciiDigit()
    {
        var wrong = new List<string>();
        for (var c = '\u0080'; c < '\uFFFF'; c++)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DecimalDigitNumber)
            {
                var expected = ((char)('0' + CharUnicodeInfo.GetDecimalDigitValue(c))).ToString();
                if (CanonicalForm.Prepare(c.ToString()) != expected)
                {
                    wrong.Add($"U+{(int)c:X4}");
                }
            }
        }

        wrong.Should().BeEmpty();
    }

    [Theory]
    [InlineData("\U0001D7D2\U0001D7CF", "41")]
    [InlineData("\U0001E950\U0001E951", "01")]
    public void Prepare_DigitsOutsideTheBasicPlane_AreAsciiDigits(string text, string expected)
    {
        CanonicalForm.Prepare(text).Should().Be(expected);
    }

    [Theory]
    [InlineData("4424¹", "4424 ")]
    [InlineData("area 12 m²", "area 12 m ")]
    [InlineData("note¹²", "note  ")]
    [InlineData("⁴¹¹¹", "4111")]
    [InlineData("H₂O", "h o")]
    public void Prepare_SuperscriptDigits_OneOrTwoAreMarksThreeOrMoreAreDigits(string text, string expected)
    {
        CanonicalForm.Prepare(text).Should().Be(expected);
    }

    [Theory]
    [InlineData("\u0430ttacker.ex\u0430mple", "attacker.example")]
    [InlineData("\u0405R-7F3\u0410", "sr-7f3a")]
    [InlineData("att\u03b1cker", "attacker")]
    [InlineData("ＳＲ－０Ｂ", "sr-0b")]
    [InlineData("4\u200b1\u00ad1\u200d1", "4111")]
    [InlineData("4\ufe0f\u20e3", "4")]
    [InlineData("a\u00a0b\u2009c\u2014d", "a b c-d")]
    public void Prepare_LookAlikesInvisiblesAndCompatibilityForms_AreFolded(string text, string expected)
    {
        CanonicalForm.Prepare(text).Should().Be(expected);
    }

    [Fact]
    public void Prepare_UnpairedSurrogate_IsReplacedNotThrown()
    {
        var act = () => CanonicalForm.Prepare("card \ud800 4111");

        act.Should().NotThrow().Which.Should().Be("card \ufffd 4111");
    }
}

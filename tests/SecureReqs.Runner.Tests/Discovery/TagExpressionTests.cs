namespace SecureReqs.Runner.Tests.Discovery;

public class TagExpressionTests
{
    [Theory]
    [InlineData("@a", "@a")]
    [InlineData("not @a", "not @a")]
    [InlineData("@a and @b or @c", "((@a and @b) or @c)")]
    [InlineData("@a or @b and @c", "(@a or (@b and @c))")]
    [InlineData("not @a and @b", "(not @a and @b)")]
    [InlineData("@a or not @b and @c", "(@a or (not @b and @c))")]
    [InlineData("@a and @b and @c", "((@a and @b) and @c)")]
    [InlineData("@a or @b or @c", "((@a or @b) or @c)")]
    [InlineData("not not @a", "not not @a")]
    [InlineData("(@a or @b) and not @c", "((@a or @b) and not @c)")]
    [InlineData("not (@a or @b)", "not (@a or @b)")]
    [InlineData("((@a))", "@a")]
    [InlineData("  @a\tand\n@b  ", "(@a and @b)")]
    [InlineData("(@a)and(@b)", "(@a and @b)")]
    public void Parse_ValidExpression_GroupsByPrecedenceNotThenAndThenOr(string expression, string grouped)
    {
        TagExpression.Parse(expression).ToString().Should().Be(grouped);
    }

    [Theory]
    [InlineData("@smoke and not @slow", "smoke", true)]
    [InlineData("@smoke and not @slow", "smoke slow", false)]
    [InlineData("@smoke and not @slow", "slow", false)]
    [InlineData("@a or @b and @c", "a", true)]
    [InlineData("@a or @b and @c", "b", false)]
    [InlineData("@a or @b and @c", "b c", true)]
    [InlineData("(@a or @b) and @c", "a", false)]
    [InlineData("(@a or @b) and @c", "a c", true)]
    [InlineData("(@a or @b) and not @c", "b", true)]
    [InlineData("(@a or @b) and not @c", "b c", false)]
    [InlineData("not @a or @b", "a", false)]
    [InlineData("not @a or @b", "a b", true)]
    [InlineData("not (@a or @b)", "", true)]
    [InlineData("not (@a or @b)", "b", false)]
    [InlineData("@owasp:LLM02 and not @ignore", "owasp:LLM02 pii", true)]
    public void Evaluate_TagsWithoutAt_FollowsTheGrouping(string expression, string tags, bool expected)
    {
        var scenarioTags = tags.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        TagExpression.Parse(expression).Evaluate(scenarioTags).Should().Be(expected);
    }

    [Fact]
    public void Evaluate_TagsComparedOrdinally_CaseMatters()
    {
        var expression = TagExpression.Parse("@Smoke");

        expression.Evaluate(["Smoke"]).Should().BeTrue();
        expression.Evaluate(["smoke"]).Should().BeFalse();
    }

    [Fact]
    public void Evaluate_TagGivenWithAt_StillMatches()
    {
        TagExpression.Parse("@smoke").Evaluate(["@smoke"]).Should().BeTrue();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_EmptyExpression_MatchesEveryScenario(string expression)
    {
        var parsed = TagExpression.Parse(expression);

        parsed.Evaluate([]).Should().BeTrue();
        parsed.Evaluate(["anything"]).Should().BeTrue();
        parsed.Tags.Should().BeEmpty();
        parsed.ToString().Should().BeEmpty();
    }

    [Theory]
    [InlineData(@"@x\(1\)", "x(1)")]
    [InlineData(@"@a\\b", @"a\b")]
    [InlineData(@"@two\ words", "two words")]
    [InlineData(@"(@f\(x\))", "f(x)")]
    public void Parse_BackslashEscapes_BecomePartOfTheTag(string expression, string tag)
    {
        var parsed = TagExpression.Parse(expression);

        parsed.Tags.Should().Equal(tag);
        parsed.Evaluate([tag]).Should().BeTrue();
        TagExpression.Parse(parsed.ToString()).Tags.Should().Equal([tag], "ToString escapes what needs escaping");
    }

    [Fact]
    public void Parse_EscapedParenthesis_IsNotAGroup()
    {
        var parsed = TagExpression.Parse(@"@a\) or @b");

        parsed.ToString().Should().Be(@"(@a\) or @b)");
        parsed.Evaluate(["a)"]).Should().BeTrue();
        parsed.Evaluate(["a"]).Should().BeFalse();
    }

    [Fact]
    public void Tags_NamedTags_DistinctInOrderWithoutAt()
    {
        TagExpression.Parse("(@b or @a) and not @b").Tags.Should().Equal("b", "a");
    }

    [Fact]
    public void Evaluate_UsableAsTagFilter()
    {
        var options = new FeatureRunnerOptions { TagFilter = TagExpression.Parse("@smoke and not @slow").Evaluate };

        options.TagFilter(["smoke"]).Should().BeTrue();
        options.TagFilter(["smoke", "slow"]).Should().BeFalse();
    }

    [Theory]
    [InlineData("(@a or @b", 10, "missing ')' to close the '(' at column 1", "Add ')'")]
    [InlineData("@a and (@b or (@c)", 19, "missing ')' to close the '(' at column 8", "Add ')'")]
    [InlineData("@a or @b)", 9, "unexpected ')' with no '(' to close", "Remove it")]
    [InlineData(")", 1, "unexpected ')' with no '(' to close", "Remove it")]
    [InlineData("and @a", 1, "unexpected 'and' with no tag before it", "put a tag before it")]
    [InlineData("@a and or @b", 8, "unexpected 'or' right after 'and'", "Put a tag between 'and' and 'or'")]
    [InlineData("(or @a)", 2, "unexpected 'or' with no tag before it", "put a tag before it")]
    [InlineData("not and @a", 5, "unexpected 'and' right after 'not'", "Put a tag between")]
    [InlineData("@a and", 7, "expected a tag, 'not' or '(' after 'and', but the expression ends", "Put a tag after 'and'")]
    [InlineData("@a or not", 10, "expected a tag, 'not' or '(' after 'not', but the expression ends", "Put a tag after 'not'")]
    [InlineData("@a and )", 8, "unexpected ')' right after 'and'", "Put a tag between 'and' and ')'")]
    [InlineData("smoke", 1, "'smoke' is not a tag: tags start with '@'", "Write '@smoke'.")]
    [InlineData("@a and slow", 8, "'slow' is not a tag: tags start with '@'", "Write '@slow'.")]
    [InlineData("@a AND @b", 4, "'AND' is not an operator", "Operators are lowercase: write 'and'.")]
    [InlineData("@a @b", 4, "expected 'and' or 'or' before '@b'", "Join the parts with 'and' or 'or'")]
    [InlineData("@a not @b", 4, "expected 'and' or 'or' before 'not'", "'@a and not @b'")]
    [InlineData("(@a) (@b)", 6, "expected 'and' or 'or' before '('", "Join the parts")]
    [InlineData("()", 2, "'()' holds nothing", "Put a tag expression between the parentheses")]
    [InlineData("@ and @b", 1, "'@' has no tag name", "such as '@smoke'")]
    [InlineData(@"@a\b", 3, @"'\b' is not an escape", @"write '\\' for a backslash")]
    [InlineData(@"@a\", 3, @"a '\' at the end escapes nothing", "Remove it")]
    public void Parse_MalformedExpression_ThrowsNamingTheExpressionColumnAndFix(string expression, int column, string problem, string fix)
    {
        var act = () => TagExpression.Parse(expression);

        var error = act.Should().Throw<TagExpressionException>().Which;
        error.Expression.Should().Be(expression);
        error.Column.Should().Be(column);
        error.Problem.Should().Be(problem);
        error.Message.Should().StartWith($"Tag expression \"{expression}\" is not valid at column {column}: {problem}. ").And.Contain(fix);
    }

    [Fact]
    public void Parse_MalformedExpression_IsAFormatException()
    {
        var act = () => TagExpression.Parse("@a and");

        act.Should().Throw<FormatException>();
    }

    [Fact]
    public void Parse_Null_ThrowsArgumentNullException()
    {
        var act = () => TagExpression.Parse(null!);

        act.Should().Throw<ArgumentNullException>();
    }
}

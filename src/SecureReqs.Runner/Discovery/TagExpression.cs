using System.Text;

namespace SecureReqs.Runner;

/// <summary>A Cucumber tag expression, such as <c>@smoke and not @slow</c> or <c>(@a or @b) and not @c</c>, parsed
/// once and evaluated against the tags of each scenario.</summary>
/// <remarks>
/// <para>Syntax, after the Cucumber tag-expressions specification:</para>
/// <list type="bullet">
/// <item><description>Tags start with <c>@</c>; the operators are <c>not</c>, <c>and</c> and <c>or</c>, lowercase, and
/// parentheses group. <c>not</c> binds tighter than <c>and</c>, which binds tighter than <c>or</c>; <c>and</c> and
/// <c>or</c> group from the left. So <c>@a or @b and not @c</c> means <c>@a or (@b and (not @c))</c>.</description></item>
/// <item><description>Whitespace separates words; <c>(</c> and <c>)</c> are words of their own. Inside a tag, a
/// backslash escapes <c>(</c>, <c>)</c>, <c>\</c> or a whitespace character (<c>@x\(1\)</c> is the tag <c>x(1)</c>);
/// a backslash before anything else is an error.</description></item>
/// <item><description>An empty (or all-whitespace) expression matches every scenario.</description></item>
/// <item><description>Tags compare by ordinal, case-sensitive equality, as Cucumber does.</description></item>
/// </list>
/// <para>Use it as <see cref="FeatureRunnerOptions.TagFilter"/>: <c>options.TagFilter = TagExpression.Parse(text).Evaluate;</c>.
/// Immutable and thread-safe.</para>
/// </remarks>
public sealed class TagExpression
{
    private const string Operand = "a tag, 'not' or '('";

    private readonly Node? _root;

    private TagExpression(string source, Node? root)
    {
        Source = source;
        _root = root;
        var tags = new List<string>();
        root?.CollectTags(tags);
        Tags = [.. tags.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Gets the expression as given to <see cref="Parse"/>.</summary>
    public string Source { get; }

    /// <summary>Gets the tags the expression names, without <c>@</c>, in order of first appearance.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>Parses a tag expression.</summary>
    /// <param name="expression">The expression, such as <c>@smoke and not @slow</c>.</param>
    /// <returns>The parsed expression.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="expression"/> is null.</exception>
    /// <exception cref="TagExpressionException">The expression is malformed; the message quotes it, names the column
    /// and says how to fix it.</exception>
    public static TagExpression Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var parser = new Parser(expression, Tokenize(expression));
        return new TagExpression(expression, parser.ParseExpression());
    }

    /// <summary>Whether a scenario with <paramref name="tags"/> matches.</summary>
    /// <param name="tags">The scenario's tags without the leading <c>@</c>, as <see cref="ScenarioRunResult.Tags"/> holds
    /// them (a leading <c>@</c> is ignored too).</param>
    /// <returns>True when the expression holds for these tags; always true for an empty expression.</returns>
    public bool Evaluate(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        if (_root is null)
        {
            return true;
        }

        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            if (tag is not null)
            {
                present.Add(tag.StartsWith('@') ? tag[1..] : tag);
            }
        }

        return _root.Evaluate(present);
    }

    /// <summary>The expression with every <c>and</c> and <c>or</c> in parentheses, showing how it was grouped.</summary>
    /// <returns>For example <c>(@a or (@b and not @c))</c>; empty for an empty expression.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        _root?.Write(text);
        return text.ToString();
    }

    private static List<Token> Tokenize(string expression)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c is '(' or ')')
            {
                tokens.Add(new Token(c == '(' ? TokenKind.Open : TokenKind.Close, c.ToString(), i + 1));
                i++;
                continue;
            }

            var start = i;
            var value = new StringBuilder();
            while (i < expression.Length && !char.IsWhiteSpace(expression[i]) && expression[i] is not ('(' or ')'))
            {
                if (expression[i] != '\\')
                {
                    value.Append(expression[i++]);
                    continue;
                }

                if (i + 1 == expression.Length)
                {
                    throw new TagExpressionException(expression, i + 1, "a '\\' at the end escapes nothing", "Remove it, or write '\\\\' for a backslash in a tag.");
                }

                var escaped = expression[i + 1];
                if (escaped is not ('(' or ')' or '\\') && !char.IsWhiteSpace(escaped))
                {
                    throw new TagExpressionException(
                        expression, i + 1, $"'\\{escaped}' is not an escape", "Only \\(, \\), \\\\ and a backslash before a space are escapes; write '\\\\' for a backslash in a tag.");
                }

                value.Append(escaped);
                i += 2;
            }

            var raw = expression[start..i];
            var kind = raw switch
            {
                "and" => TokenKind.And,
                "or" => TokenKind.Or,
                "not" => TokenKind.Not,
                _ => TokenKind.Tag,
            };
            tokens.Add(new Token(kind, kind == TokenKind.Tag ? value.ToString() : raw, start + 1));
        }

        return tokens;
    }

    private enum TokenKind
    {
        Tag,
        And,
        Or,
        Not,
        Open,
        Close,
    }

    private readonly record struct Token(TokenKind Kind, string Text, int Column)
    {
        public bool IsOperator => Kind is TokenKind.And or TokenKind.Or;
    }

    // Recursive descent, one method per precedence level: or < and < not < tag and parentheses.
    private sealed class Parser(string expression, List<Token> tokens)
    {
        private int _next;

        private Token? Peek => _next < tokens.Count ? tokens[_next] : null;

        public Node? ParseExpression()
        {
            if (tokens.Count == 0)
            {
                return null;
            }

            var root = ParseOr();
            if (Peek is { } extra)
            {
                throw extra.Kind == TokenKind.Close
                    ? Fail(extra.Column, "unexpected ')' with no '(' to close", "Remove it, or add the missing '(' before it.")
                    : MissingOperator(extra);
            }

            return root;
        }

        private Node ParseOr()
        {
            var left = ParseAnd();
            while (Peek is { Kind: TokenKind.Or })
            {
                _next++;
                left = new OrNode(left, ParseAnd());
            }

            return left;
        }

        private Node ParseAnd()
        {
            var left = ParseNot();
            while (Peek is { Kind: TokenKind.And })
            {
                _next++;
                left = new AndNode(left, ParseNot());
            }

            return left;
        }

        private Node ParseNot()
        {
            if (Peek is { Kind: TokenKind.Not })
            {
                _next++;
                return new NotNode(ParseNot());
            }

            return ParseOperand();
        }

        private Node ParseOperand()
        {
            Token? previous = _next > 0 ? tokens[_next - 1] : null;
            if (Peek is not { } token)
            {
                // Only reached after an operator or '(' (an empty expression never gets here).
                var after = previous!.Value;
                throw Fail(expression.Length + 1, $"expected {Operand} after '{after.Text}', but the expression ends", $"Put a tag after '{after.Text}', or remove the '{after.Text}'.");
            }

            switch (token.Kind)
            {
                case TokenKind.Tag:
                    _next++;
                    return new TagNode(TagName(token));
                case TokenKind.Open:
                    _next++;
                    if (Peek is { Kind: TokenKind.Close } empty)
                    {
                        throw Fail(empty.Column, "'()' holds nothing", "Put a tag expression between the parentheses, or remove them.");
                    }

                    var inner = ParseOr();
                    switch (Peek)
                    {
                        case { Kind: TokenKind.Close }:
                            _next++;
                            return inner;
                        case null:
                            throw Fail(expression.Length + 1, $"missing ')' to close the '(' at column {token.Column}", "Add ')' where the group ends, or remove the '('.");
                        default:
                            throw MissingOperator(Peek.Value);
                    }

                case TokenKind.Close:
                    throw previous is { Kind: TokenKind.Open } || previous is null
                        ? Fail(token.Column, "unexpected ')' with no '(' to close", "Remove it, or add the missing '(' before it.")
                        : Fail(token.Column, $"unexpected ')' right after '{previous.Value.Text}'", $"Put a tag between '{previous.Value.Text}' and ')', or remove the '{previous.Value.Text}'.");
                default:
                    // 'and' or 'or' where an operand belongs: at the start, after '(' or after another operator.
                    throw previous is { } before && (before.IsOperator || before.Kind == TokenKind.Not)
                        ? Fail(token.Column, $"unexpected '{token.Text}' right after '{before.Text}'", $"Put a tag between '{before.Text}' and '{token.Text}', or remove one of them.")
                        : Fail(token.Column, $"unexpected '{token.Text}' with no tag before it", $"'{token.Text}' joins two tags, as in '@a {token.Text} @b': put a tag before it, or remove it.");
            }
        }

        private string TagName(Token token)
        {
            var text = token.Text;
            if (text.Length > 0 && text[0] == '@')
            {
                return text.Length > 1
                    ? text[1..]
                    : throw Fail(token.Column, "'@' has no tag name", "Write the name right after the '@', such as '@smoke'.");
            }

            var lower = text.ToLowerInvariant();
            throw lower is "and" or "or" or "not"
                ? Fail(token.Column, $"'{text}' is not an operator", $"Operators are lowercase: write '{lower}'.")
                : Fail(token.Column, $"'{text}' is not a tag: tags start with '@'", $"Write '@{text}'.");
        }

        private TagExpressionException MissingOperator(Token token)
        {
            if (token.Kind == TokenKind.Tag)
            {
                // A word that is not a tag ("AND", "slow") is reported as such rather than as a missing operator.
                TagName(token);
            }

            var shown = token.Text;
            return Fail(token.Column, $"expected 'and' or 'or' before '{shown}'", token.Kind == TokenKind.Not
                ? "Join the parts with 'and' or 'or', as in '@a and not @b'."
                : "Join the parts with 'and' or 'or', as in '@a and @b'.");
        }

        private TagExpressionException Fail(int column, string problem, string fix) => new(expression, column, problem, fix);
    }

    private abstract class Node
    {
        public abstract bool Evaluate(HashSet<string> tags);

        public abstract void Write(StringBuilder text);

        public abstract void CollectTags(List<string> tags);
    }

    private sealed class TagNode(string name) : Node
    {
        public override bool Evaluate(HashSet<string> tags) => tags.Contains(name);

        public override void Write(StringBuilder text)
        {
            text.Append('@');
            foreach (var c in name)
            {
                if (c is '(' or ')' or '\\' || char.IsWhiteSpace(c))
                {
                    text.Append('\\');
                }

                text.Append(c);
            }
        }

        public override void CollectTags(List<string> tags) => tags.Add(name);
    }

    private sealed class NotNode(Node operand) : Node
    {
        public override bool Evaluate(HashSet<string> tags) => !operand.Evaluate(tags);

        public override void Write(StringBuilder text)
        {
            text.Append("not ");
            operand.Write(text);
        }

        public override void CollectTags(List<string> tags) => operand.CollectTags(tags);
    }

    private abstract class BinaryNode(Node left, Node right, string keyword) : Node
    {
        protected Node Left { get; } = left;

        protected Node Right { get; } = right;

        public override void Write(StringBuilder text)
        {
            text.Append('(');
            Left.Write(text);
            text.Append(' ').Append(keyword).Append(' ');
            Right.Write(text);
            text.Append(')');
        }

        public override void CollectTags(List<string> tags)
        {
            Left.CollectTags(tags);
            Right.CollectTags(tags);
        }
    }

    private sealed class AndNode(Node left, Node right) : BinaryNode(left, right, "and")
    {
        public override bool Evaluate(HashSet<string> tags) => Left.Evaluate(tags) && Right.Evaluate(tags);
    }

    private sealed class OrNode(Node left, Node right) : BinaryNode(left, right, "or")
    {
        public override bool Evaluate(HashSet<string> tags) => Left.Evaluate(tags) || Right.Evaluate(tags);
    }
}

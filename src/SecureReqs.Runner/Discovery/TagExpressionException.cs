namespace SecureReqs.Runner;

/// <summary>A tag expression that cannot be parsed. The message quotes the expression, names the 1-based column of
/// the problem and says how to fix it.</summary>
public sealed class TagExpressionException : FormatException
{
    /// <summary>Initializes a new instance of the <see cref="TagExpressionException"/> class.</summary>
    /// <param name="expression">The expression as given.</param>
    /// <param name="column">The 1-based column of the problem.</param>
    /// <param name="problem">What is wrong, such as <c>unexpected 'and'</c>.</param>
    /// <param name="fix">How to fix it.</param>
    public TagExpressionException(string expression, int column, string problem, string fix)
        : base($"Tag expression \"{expression}\" is not valid at column {column}: {problem}. {fix}")
    {
        Expression = expression;
        Column = column;
        Problem = problem;
    }

    /// <summary>Gets the expression as given.</summary>
    public string Expression { get; }

    /// <summary>Gets the 1-based column of the problem (one past the end for a problem at the end).</summary>
    public int Column { get; }

    /// <summary>Gets what is wrong, without the expression and the fix.</summary>
    public string Problem { get; }
}

using System.Text.RegularExpressions;

namespace SecureReqs;

/// <summary>Builds patterns on .NET's linear engine (<see cref="RegexOptions.NonBacktracking"/>), without a match timeout.</summary>
internal static partial class LinearRegex
{
    private const string SizeLimitKey = "REGEX_NONBACKTRACKING_MAX_AUTOMATA_SIZE";

    private static readonly Lock SizeLimitLock = new();

    /// <summary>A pattern whose automaton is larger than the engine's default limit of 10,000 nodes (built with a limit of 50,000).</summary>
    /// <param name="pattern">The pattern.</param>
    /// <param name="options">The options; <see cref="RegexOptions.NonBacktracking"/> is added.</param>
    /// <returns>The regex.</returns>
    /// <remarks>
    /// The limit guards memory, not time: matching stays linear in the text. It is read from the process's
    /// <see cref="AppContext"/> when a pattern is built, so it is raised only around the construction and put back.
    /// </remarks>
    public static Regex Large(string pattern, RegexOptions options)
    {
        lock (SizeLimitLock)
        {
            var previous = AppContext.GetData(SizeLimitKey);
            AppContext.SetData(SizeLimitKey, 50_000);
            try
            {
                return new Regex(pattern, options | RegexOptions.NonBacktracking);
            }
            finally
            {
                AppContext.SetData(SizeLimitKey, previous);
            }
        }
    }

    /// <summary>A match that spans <paramref name="length"/> characters from <paramref name="start"/> (for a scan written in code).</summary>
    /// <param name="text">The text.</param>
    /// <param name="start">The start.</param>
    /// <param name="length">The length.</param>
    /// <returns>The match.</returns>
    public static Match Span(string text, int start, int length) => Whole().Match(text, start, length);

    // The three helpers are built by the source generator, not on the linear engine: each takes one step per character
    // it is given (the whole span, or one character), and a pattern on the linear engine costs a process milliseconds to
    // build (the Unicode classes of \w and \s most), which every process that scans would pay for these three.
    [GeneratedRegex(@"^[\s\S]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Whole();

    /// <summary>Whether a character is in the regex class <c>\w</c>.</summary>
    /// <param name="c">The character.</param>
    /// <returns>Whether it is a word character.</returns>
    public static bool IsWordChar(char c) => char.IsAscii(c) ? char.IsAsciiLetterOrDigit(c) || c == '_' : WordChar().IsMatch(new ReadOnlySpan<char>(in c));

    /// <summary>Whether a character is in the regex class <c>\s</c>.</summary>
    /// <param name="c">The character.</param>
    /// <returns>Whether it is white space.</returns>
    public static bool IsSpace(char c) => char.IsAscii(c) ? c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r' : Space().IsMatch(new ReadOnlySpan<char>(in c));

    [GeneratedRegex(@"\w", RegexOptions.CultureInvariant)]
    private static partial Regex WordChar();

    [GeneratedRegex(@"\s", RegexOptions.CultureInvariant)]
    private static partial Regex Space();
}

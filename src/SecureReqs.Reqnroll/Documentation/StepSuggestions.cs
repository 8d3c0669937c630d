using System.Text.RegularExpressions;
using F23.StringSimilarity;

namespace SecureReqs.Reqnroll;

/// <summary>"Did you mean …" for a step that binds to nothing: the documented example step nearest to it.</summary>
/// <remarks>Quoted values and numbers are compared as placeholders, so a misspelled step with other values still finds
/// its step. Thread-safe.</remarks>
public static partial class StepSuggestions
{
    private static readonly NormalizedLevenshtein Distance = new();
    private static readonly Lazy<IReadOnlyList<(string Example, string Shape)>> Examples = new(() =>
        [.. StepVocabulary.Discover().SelectMany(s => s.Examples).Distinct(StringComparer.Ordinal).Select(e => (e, Shape(WithoutKeyword(e))))]);

    /// <summary>The example step nearest to <paramref name="stepText"/>, as a story writes it, or null when none is close.</summary>
    /// <param name="stepText">The step's text without its keyword.</param>
    /// <returns>The example, or null.</returns>
    public static string? Nearest(string stepText)
    {
        ArgumentNullException.ThrowIfNull(stepText);
        var shape = Shape(stepText);
        var best = Examples.Value.Select(e => (e.Example, Distance: Distance.Distance(shape, e.Shape))).OrderBy(e => e.Distance).FirstOrDefault();
        return best.Example is not null && best.Distance <= 0.4 ? best.Example : null;
    }

    private static string WithoutKeyword(string example)
    {
        var space = example.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? example : example[(space + 1)..];
    }

    private static string Shape(string text) => Numbers().Replace(Quoted().Replace(text.Trim().ToLowerInvariant(), "\"_\""), "9");

    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\d+(?:\.\d+)?")]
    private static partial Regex Numbers();
}

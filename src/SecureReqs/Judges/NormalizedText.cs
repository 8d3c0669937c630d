using System.Globalization;
using System.Text;

namespace SecureReqs;

/// <summary>
/// Text reduced to its lowercase letters and digits, with a map back to the positions they came from, so that a value
/// can be found whatever separators, case, compatibility forms (fullwidth digits) or invisible characters surround it.
/// </summary>
internal sealed class NormalizedText
{
    private readonly int[] _positions;
    private readonly string _source;

    private NormalizedText(string source, string folded, int[] positions)
    {
        _source = source;
        Folded = folded;
        _positions = positions;
    }

    /// <summary>The folded text: lowercase letters and digits only.</summary>
    public string Folded { get; }

    /// <summary>Folds <paramref name="text"/>.</summary>
    public static NormalizedText From(string text)
    {
        var source = StripInvisible(text.Normalize(NormalizationForm.FormKC));
        var folded = new StringBuilder(source.Length);
        var positions = new List<int>(source.Length);
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (char.IsLetterOrDigit(c))
            {
                folded.Append(char.ToLowerInvariant(c));
                positions.Add(i);
            }
        }

        return new NormalizedText(source, folded.ToString(), [.. positions]);
    }

    /// <summary>NFKC-normalises, drops invisible characters and lowercases, keeping separators.</summary>
    public static string StripAndFoldCase(string text) => StripInvisible(text.Normalize(NormalizationForm.FormKC)).ToLowerInvariant();

    /// <summary>Folds a value the same way, without keeping positions.</summary>
    public static string Fold(string value) => From(value).Folded;

    /// <summary>
    /// Whether <paramref name="foldedValue"/> occurs as a whole token run: the characters right before and after the
    /// match in the source are not letters-next-to-letters or digits-next-to-digits without a separator.
    /// </summary>
    public bool ContainsWhole(string foldedValue)
    {
        if (foldedValue.Length == 0)
        {
            return false;
        }

        for (var at = Folded.IndexOf(foldedValue, StringComparison.Ordinal); at >= 0; at = Folded.IndexOf(foldedValue, at + 1, StringComparison.Ordinal))
        {
            if (IsBoundary(at - 1, at) && IsBoundary(at + foldedValue.Length - 1, at + foldedValue.Length))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsBoundary(int before, int after)
    {
        if (before < 0 || after >= Folded.Length)
        {
            return true;
        }

        // Adjacent in the source with nothing between them, and of the same class: the match is part of a longer token.
        var adjacent = _positions[after] == _positions[before] + 1;
        var sameClass = char.IsDigit(_source[_positions[before]]) == char.IsDigit(_source[_positions[after]]);
        return !(adjacent && sameClass);
    }

    /// <summary>Drops invisible (Unicode format) characters such as zero-width spaces.</summary>
    internal static string StripInvisible(string text)
    {
        StringBuilder? result = null;
        for (var i = 0; i < text.Length; i++)
        {
            var invisible = CharUnicodeInfo.GetUnicodeCategory(text[i]) == UnicodeCategory.Format;
            if (invisible && result is null)
            {
                result = new StringBuilder(text, 0, i, text.Length);
            }
            else if (!invisible)
            {
                result?.Append(text[i]);
            }
        }

        return result?.ToString() ?? text;
    }
}

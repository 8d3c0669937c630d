using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace SecureReqs;

/// <summary>
/// The shadow copy of a text that injection patterns run on: compatibility forms folded (NFKD), accents and other
/// combining marks dropped, lowercase, Cyrillic and Greek lookalikes mapped to Latin, typographic quotes and dashes
/// made ASCII, invisible format characters removed; with a map from every shadow character back to the text.
/// </summary>
/// <remarks>Immutable once built. Hidden content found while folding (zero-width characters inside words,
/// bidirectional overrides, Unicode tag characters) is recorded rather than kept in the shadow.</remarks>
internal sealed class InjectionText
{
    private static readonly ConcurrentDictionary<int, string> FoldCache = new();

    private readonly string _source;

    private InjectionText(string source, string shadow, int[] map)
    {
        _source = source;
        Shadow = shadow;
        Map = map;
    }

    /// <summary>The folded text.</summary>
    public string Shadow { get; }

    /// <summary>For each shadow character, the offset in the source it came from; one extra entry holds the source length.</summary>
    public int[] Map { get; }

    /// <summary>How many zero-width characters sat between two letters.</summary>
    public int ZeroWidthInWords { get; private set; }

    /// <summary>How many bidirectional override or isolate characters the text holds.</summary>
    public int BidiControls { get; private set; }

    /// <summary>The ASCII text carried by Unicode tag characters, outside emoji flag sequences; empty when none.</summary>
    public string TagPayload { get; private set; } = "";

    /// <summary>Where the first tag character is in the source, or -1.</summary>
    public int TagStart { get; private set; } = -1;

    /// <summary>Just past the last tag character in the source.</summary>
    public int TagEnd { get; private set; }

    /// <summary>Folds <paramref name="source"/>.</summary>
    public static InjectionText Fold(string source)
    {
        var shadow = new StringBuilder(source.Length);
        var map = new List<int>(source.Length + 1);
        StringBuilder? tags = null;
        int zeroWidth = 0, bidi = 0, tagStart = -1, tagEnd = 0;
        var afterFlag = false;

        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c < 0x80)
            {
                shadow.Append(c is >= 'A' and <= 'Z' ? (char)(c + 32) : c is '\r' ? '\n' : c is '\t' or '\f' or '\v' ? ' ' : c);
                map.Add(i);
                afterFlag = false;
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < source.Length && char.IsLowSurrogate(source[i + 1]))
            {
                var cp = char.ConvertToUtf32(c, source[i + 1]);
                if (cp is >= 0xE0000 and <= 0xE007F)
                {
                    // Tag characters spell subdivision flags after U+1F3F4; anywhere else they carry hidden ASCII.
                    if (!afterFlag)
                    {
                        tags ??= new StringBuilder();
                        if (cp is >= 0xE0020 and <= 0xE007E)
                        {
                            tags.Append((char)(cp - 0xE0000));
                        }

                        tagStart = tagStart < 0 ? i : tagStart;
                        tagEnd = i + 2;
                    }

                    i++;
                    continue;
                }

                afterFlag = cp == 0x1F3F4;
                AppendFolded(shadow, map, cp, i);
                i++;
                continue;
            }

            afterFlag = false;
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.Format)
            {
                if (c is '\u202A' or '\u202B' or '\u202D' or '\u202E' or (>= '\u2066' and <= '\u2069'))
                {
                    bidi++;
                }
                else if (shadow.Length > 0 && IsAsciiLetter(shadow[^1]) && NextIsLetter(source, i + 1))
                {
                    zeroWidth++;
                }

                continue;
            }

            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark)
            {
                // Combining marks (accents, "zalgo" noise) never change which letters a word is made of.
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                shadow.Append(c is '\u2028' or '\u2029' or '\u0085' ? '\n' : ' ');
                map.Add(i);
                continue;
            }

            AppendFolded(shadow, map, c, i);
        }

        map.Add(source.Length);
        return new InjectionText(source, shadow.ToString(), [.. map])
        {
            ZeroWidthInWords = zeroWidth,
            BidiControls = bidi,
            TagPayload = tags?.ToString() ?? "",
            TagStart = tagStart,
            TagEnd = tagEnd,
        };
    }

    /// <summary>Maps a shadow span to the source span it came from.</summary>
    public (int Start, int End) ToSource(int start, int end)
    {
        if (end <= start)
        {
            return (Map[start], Map[start]);
        }

        var last = Map[end - 1];
        return (Map[start], last + (char.IsHighSurrogate(_source[last]) && last + 1 < _source.Length ? 2 : 1));
    }

    private static bool IsAsciiLetter(char c) => c is >= 'a' and <= 'z';

    private static bool NextIsLetter(string source, int i)
    {
        for (; i < source.Length; i++)
        {
            var c = source[i];
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                continue;
            }

            return char.IsLetter(c);
        }

        return false;
    }

    private static void AppendFolded(StringBuilder shadow, List<int> map, int codePoint, int index)
    {
        var folded = FoldCache.TryGetValue(codePoint, out var cached) ? cached : FoldCodePoint(codePoint);
        foreach (var f in folded)
        {
            shadow.Append(f);
            map.Add(index);
        }
    }

    private static string FoldCodePoint(int codePoint)
    {
        string result;
        if (Confusable(codePoint) is { } mapped)
        {
            result = mapped.ToString();
        }
        else if (codePoint is >= 0xAC00 and <= 0xD7A3 || codePoint is >= 0x3040 and <= 0x30FF || codePoint is >= 0x4E00 and <= 0x9FFF)
        {
            // Hangul, kana and CJK ideographs stay whole: decomposing Hangul would split syllables into jamo.
            result = char.ConvertFromUtf32(codePoint);
        }
        else
        {
            var decomposed = char.ConvertFromUtf32(codePoint).Normalize(NormalizationForm.FormKD);
            var builder = new StringBuilder(decomposed.Length);
            foreach (var d in decomposed)
            {
                var category = CharUnicodeInfo.GetUnicodeCategory(d);
                if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark)
                {
                    continue;
                }

                builder.Append(Confusable(d) ?? char.ToLowerInvariant(d));
            }

            result = builder.ToString();
        }

        if (FoldCache.Count < 8192)
        {
            FoldCache.TryAdd(codePoint, result);
        }

        return result;
    }

    /// <summary>The Latin letter (or ASCII punctuation) a character is commonly used to imitate, if any.</summary>
    private static char? Confusable(int c) => c switch
    {
        // Cyrillic
        'а' or 'А' => 'a',
        'в' or 'В' => 'b',
        'с' or 'С' or 'ϲ' or 'Ϲ' => 'c',
        'ԁ' => 'd',
        'е' or 'Е' or 'ё' or 'Ё' or 'є' => 'e',
        'ɡ' or 'ԍ' => 'g',
        'һ' or 'Н' or 'н' => 'h',
        'і' or 'І' or 'ї' or 'Ї' or 'ı' or 'ӏ' or 'Ӏ' or 'ɩ' => 'i',
        'ј' or 'Ј' => 'j',
        'к' or 'К' => 'k',
        'м' or 'М' => 'm',
        'п' => 'n',
        'о' or 'О' or 'ο' or 'Ο' or 'օ' or 'σ' => 'o',
        'р' or 'Р' or 'ρ' or 'Ρ' => 'p',
        'ԛ' => 'q',
        'г' => 'r',
        'ѕ' or 'Ѕ' => 's',
        'т' or 'Т' or 'τ' or 'Τ' => 't',
        'ս' or 'υ' or 'μ' => 'u',
        'ν' or 'ѵ' => 'v',
        'ԝ' or 'ѡ' => 'w',
        'х' or 'Х' or 'χ' or 'Χ' => 'x',
        'у' or 'У' or 'γ' or 'Υ' or 'ү' => 'y',
        'Ζ' => 'z',
        // Greek capitals and the remaining lowercase lookalikes
        'α' or 'Α' => 'a',
        'β' or 'Β' => 'b',
        'ε' or 'Ε' => 'e',
        'Η' => 'h',
        'ι' or 'Ι' => 'i',
        'κ' or 'Κ' => 'k',
        'Μ' => 'm',
        'Ν' or 'η' => 'n',
        // Latin lookalikes
        'ɑ' => 'a',
        'ℓ' => 'l',
        'ø' => 'o',
        'đ' => 'd',
        'ł' => 'l',
        // Punctuation that patterns expect in ASCII
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u00B4' or '\u02BC' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
        '\u3000' => ' ',
        _ => null,
    };
}

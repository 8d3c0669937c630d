using System.Text;
using System.Text.RegularExpressions;

namespace SecureReqs.Demo;

/// <summary>
/// The language a model would answer in: the one the request names ("translate into German", "Responde en español"),
/// else the one the request is written in (its script, or common words of the Latin-script languages), else English.
/// Languages are ISO 639-1 codes.
/// </summary>
/// <remarks>Thread-safe and stateless. A heuristic for the simulation, not a language identifier.</remarks>
internal static partial class ReplyLanguage
{
    /// <summary>English, the default.</summary>
    public const string English = "en";

    private static readonly (string Language, string[] Words)[] _markers =
    [
        ("en", ["the", "you", "your", "is", "what", "please", "and", "to", "of", "my", "me", "can", "this", "with", "for"]),
        ("es", ["por", "favor", "tus", "tu", "cuál", "qué", "cómo", "dime", "muéstrame", "instrucciones", "reglas", "este", "esta", "los", "las", "hola", "gracias", "puedes", "el", "del", "al", "y", "con", "mis", "datos", "una", "es"]),
        ("pt", ["você", "suas", "seu", "sua", "instruções", "regras", "não", "obrigado", "olá", "para", "os", "do", "da", "é", "qual", "uma", "faça", "meu", "minha"]),
        ("fr", ["le", "les", "des", "tes", "ton", "vous", "est", "quel", "quelle", "consignes", "bonjour", "merci", "une", "pour", "avec", "je", "ce", "moi", "mes", "mon"]),
        ("de", ["der", "die", "das", "deine", "deinen", "deiner", "ist", "bitte", "und", "mit", "nicht", "ich", "welches", "nenne", "den", "dem", "mir", "meine"]),
        ("it", ["il", "tue", "tuo", "sono", "istruzioni", "regole", "grazie", "per", "della", "che", "mi", "ciao", "dimmi", "mio"]),
        ("nl", ["je", "het", "een", "van", "naar", "niet", "alsjeblieft", "vertaal", "volledig", "mijn", "jouw"]),
    ];

    /// <summary>The language the answer to <paramref name="text"/> is written in.</summary>
    /// <param name="text">The request's last user turn.</param>
    /// <returns>The language code.</returns>
    public static string Of(string text) => Requested(text) ?? Written(text);

    /// <summary>The language <paramref name="text"/> asks the answer to be in, or null when it names none.</summary>
    /// <param name="text">The request.</param>
    /// <returns>The language code of the first language named, or null.</returns>
    public static string? Requested(string text)
    {
        var best = (Index: int.MaxValue, Language: (string?)null);
        foreach (var (language, pattern) in Named())
        {
            if (pattern.Match(text) is { Success: true } match && match.Index < best.Index)
            {
                best = (match.Index, language);
            }
        }

        return best.Language;
    }

    /// <summary>The language <paramref name="text"/> is written in, from its first line.</summary>
    /// <param name="text">The request.</param>
    /// <returns>The language code; English when unsure.</returns>
    public static string Written(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        line = line.Length > 240 ? line[..240] : line;
        int arabic = 0, devanagari = 0, kana = 0, hangul = 0, han = 0, cyrillic = 0;
        foreach (var c in line)
        {
            switch (c)
            {
                case >= '\u0600' and <= '\u06FF': arabic++; break;
                case >= '\u0900' and <= '\u097F': devanagari++; break;
                case >= '\u3040' and <= '\u30FF': kana++; break;
                case >= '\uAC00' and <= '\uD7AF': hangul++; break;
                case >= '\u4E00' and <= '\u9FFF': han++; break;
                case >= '\u0400' and <= '\u04FF': cyrillic++; break;
            }
        }

        var script = new[] { ("ar", arabic), ("hi", devanagari), ("ja", kana), ("ko", hangul), ("zh", han), ("ru", cyrillic) }
            .Where(s => s.Item2 >= 2).OrderByDescending(s => s.Item2).Select(s => s.Item1).FirstOrDefault();
        if (script is not null)
        {
            // Kanji with kana is Japanese; Han without kana is Chinese.
            return script == "zh" && kana > 0 ? "ja" : script;
        }

        var words = Word().Matches(line.ToLowerInvariant()).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        var scores = _markers.Select(m => (m.Language, Score: m.Words.Count(words.Contains))).ToList();
        var top = scores.MaxBy(s => s.Score);
        return top.Language != English && top.Score >= 2 && top.Score > scores[0].Score ? top.Language : English;
    }

    /// <summary>Writes the ASCII digits of <paramref name="text"/> in the digits of <paramref name="language"/>:
    /// Arabic-Indic for Arabic, Devanagari for Hindi; other languages keep ASCII digits.</summary>
    /// <param name="text">The text.</param>
    /// <param name="language">The language code.</param>
    /// <returns>The text.</returns>
    public static string NativeDigits(string text, string language)
    {
        var zero = language switch { "ar" => '\u0660', "hi" => '\u0966', _ => '0' };
        if (zero == '0')
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            result.Append(char.IsAsciiDigit(c) ? (char)(zero + (c - '0')) : c);
        }

        return result.ToString();
    }

    /// <summary>Whether <paramref name="language"/> has its own digits (<see cref="NativeDigits"/> changes them).</summary>
    /// <param name="language">The language code.</param>
    /// <returns>True for Arabic and Hindi.</returns>
    public static bool HasNativeDigits(string language) => language is "ar" or "hi";

    private static IEnumerable<(string Language, Regex Pattern)> Named()
    {
        yield return ("en", EnglishNamed());
        yield return ("es", Spanish());
        yield return ("fr", French());
        yield return ("de", German());
        yield return ("pt", Portuguese());
        yield return ("it", Italian());
        yield return ("nl", Dutch());
        yield return ("pl", Polish());
        yield return ("tr", Turkish());
        yield return ("sv", Swedish());
        yield return ("ja", Japanese());
        yield return ("zh", Chinese());
        yield return ("ko", Korean());
        yield return ("ar", Arabic());
        yield return ("hi", Hindi());
        yield return ("ru", Russian());
    }

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    [GeneratedRegex(@"\b(?:in|into|to)\s+(?:plain\s+)?english\b|al inglés|en anglais|ins englische|in inglese|para o inglês", Options)]
    private static partial Regex EnglishNamed();

    [GeneratedRegex(@"\b(?:in|into|to)\s+spanish\b|\bspanish\s+(?:version|translation)|en español|al español|ins spanische|en espagnol|in spagnolo|para o espanhol", Options)]
    private static partial Regex Spanish();

    [GeneratedRegex(@"\b(?:in|into|to)\s+french\b|\bfrench\s+(?:version|translation)|en français|au français|ins französische|al francés|in francese|para o francês", Options)]
    private static partial Regex French();

    [GeneratedRegex(@"\b(?:in|into|to)\s+german\b|\bgerman\s+(?:version|translation)|auf deutsch|ins deutsche|en allemand|al alemán|in tedesco|para o alemão", Options)]
    private static partial Regex German();

    [GeneratedRegex(@"\b(?:in|into|to)\s+portuguese\b|\bportuguese\s+(?:version|translation)|em português|para o português|ao português|en portugais|al portugués|ins portugiesische", Options)]
    private static partial Regex Portuguese();

    [GeneratedRegex(@"\b(?:in|into|to)\s+italian\b|\bitalian\s+(?:version|translation)|in italiano|en italien|al italiano|ins italienische", Options)]
    private static partial Regex Italian();

    [GeneratedRegex(@"\b(?:in|into|to)\s+dutch\b|\bdutch\s+(?:version|translation)|naar het nederlands|in het nederlands", Options)]
    private static partial Regex Dutch();

    [GeneratedRegex(@"\b(?:in|into|to)\s+polish\b|\bpolish\s+(?:version|translation)|po polsku", Options)]
    private static partial Regex Polish();

    [GeneratedRegex(@"\b(?:in|into|to)\s+turkish\b|\bturkish\s+(?:version|translation)|türkçe", Options)]
    private static partial Regex Turkish();

    [GeneratedRegex(@"\b(?:in|into|to)\s+swedish\b|\bswedish\s+(?:version|translation)|på svenska", Options)]
    private static partial Regex Swedish();

    [GeneratedRegex(@"\b(?:in|into|to)\s+japanese\b|\bjapanese\s+(?:version|translation)|日本語", Options)]
    private static partial Regex Japanese();

    [GeneratedRegex(@"\b(?:in|into|to)\s+(?:simplified\s+|traditional\s+)?chinese\b|\bchinese\s+(?:version|translation)|中文|汉语", Options)]
    private static partial Regex Chinese();

    [GeneratedRegex(@"\b(?:in|into|to)\s+korean\b|\bkorean\s+(?:version|translation)|한국어", Options)]
    private static partial Regex Korean();

    [GeneratedRegex(@"\b(?:in|into|to)\s+arabic\b|\barabic\s+(?:version|translation)|بالعربية|العربية", Options)]
    private static partial Regex Arabic();

    [GeneratedRegex(@"\b(?:in|into|to)\s+hindi\b|\bhindi\s+(?:version|translation)|हिंदी|हिन्दी", Options)]
    private static partial Regex Hindi();

    [GeneratedRegex(@"\b(?:in|into|to)\s+russian\b|\brussian\s+(?:version|translation)|по-русски|на русском", Options)]
    private static partial Regex Russian();

    [GeneratedRegex(@"\p{L}+", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Word();
}

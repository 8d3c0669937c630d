using System.Text.RegularExpressions;

namespace SecureReqs;

/// <summary>Small patterns the scan uses to grade a match (all on the linear engine, without a match timeout).</summary>
internal static partial class InjectionPatterns
{
    /// <summary>shadow: a word that points at earlier instructions, among an override's qualifiers.</summary>
    [GeneratedRegex(EarlierWordSource, Plain)]
    public static partial Regex EarlierWord();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(EarlierWordSource, Plain & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex EarlierWordBacktracking();

    private const string EarlierWordSource = @"\b" + Earlier + @"\b";

    /// <summary>shadow: "my" or "our" among an override's qualifiers.</summary>
    [GeneratedRegex(MineWordSource, Plain)]
    public static partial Regex MineWord();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(MineWordSource, Plain & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex MineWordBacktracking();

    private const string MineWordSource = @"\b(?:my|our)\b";

    /// <summary>shadow: a European word that points at earlier instructions.</summary>
    [GeneratedRegex(EarlierWordEuropeanSource, Plain)]
    public static partial Regex EarlierWordEuropean();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(EarlierWordEuropeanSource, Plain & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex EarlierWordEuropeanBacktracking();

    private const string EarlierWordEuropeanSource = @"\b(?:anteriores|anterior|previas|previos|precedentes|precedente|anterieures|ci-dessus|dessus|precedenti|sopra|acima|vorherig\w*|bisherig\w*|obig\w*|vorig\w*|fruher\w*|zuvor|davor|oben|alle|todas|todos|toutes|tous|tutte|tutti|tus|tes|vos|deine|tue|suas|sus|iniciales|initiales|originales|iniziali)\b";

    /// <summary>shadow: a Chinese or Japanese word that points at earlier instructions.</summary>
    [GeneratedRegex(EarlierWordCjkSource, Plain)]
    public static partial Regex EarlierWordCjk();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(EarlierWordCjkSource, Plain & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex EarlierWordCjkBacktracking();

    private const string EarlierWordCjkSource = "之前|以前|上面|上述|以上|所有|全部|前面|先前|刚才|剛才|原来|原來|原先|これまで|今まで|上記|全て|すべて|先程|先ほど|さっき|最初";

    /// <summary>shadow: a role frame that takes effect now.</summary>
    [GeneratedRegex(NowWordSource, Plain)]
    public static partial Regex NowWord();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(NowWordSource, Plain & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex NowWordBacktracking();

    private const string NowWordSource = @"\b(?:now|longer|jetzt|nun|sofort|ahora|maintenant|ora|agora)\b";

    /// <summary>shadow: the name of an opening tag that claims the system's voice.</summary>
    [GeneratedRegex(SystemTagNameSource, Plain)]
    public static partial Regex SystemTagName();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(SystemTagNameSource, Plain & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex SystemTagNameBacktracking();

    private const string SystemTagNameSource = "^(?:system|sys|system.?(?:prompt|message|instructions?)|instructions?|admin|developer)$";

    /// <summary>shadow: the name of a closing tag that ends the user's or a document's text.</summary>
    [GeneratedRegex(ClosingTagNameSource, Plain)]
    public static partial Regex ClosingTagName();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(ClosingTagNameSource, Plain & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex ClosingTagNameBacktracking();

    private const string ClosingTagNameSource = "^(?:user.*|human|context|documents?|email|tool.*|function.*|untrusted.*|data|query|prompt)$";

    /// <summary>shadow: an extraction verb that asks for the text itself.</summary>
    [GeneratedRegex(VerbatimVerbSource, Plain)]
    public static partial Regex VerbatimVerb();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(VerbatimVerbSource, Plain & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex VerbatimVerbBacktracking();

    private const string VerbatimVerbSource = "^(?:repeat|recite|print|reprint|output|reveal|expose|leak|disclose|dump|echo|copy|paste|spell|translate|summari[sz]e|paraphrase|encode|render)$";

    /// <summary>shadow: an out-verb that places something at a position of the answer (<see cref="PositionalVerb"/>).</summary>
    [GeneratedRegex(PositionalVerbWordSource, Plain)]
    public static partial Regex PositionalVerbWord();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(PositionalVerbWordSource, Plain & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex PositionalVerbWordBacktracking();

    private const string PositionalVerbWordSource = PositionalVerb;

    /// <summary>shadow: a milder thing to suppress than a refusal.</summary>
    [GeneratedRegex(MildSuppressionSource, Plain)]
    public static partial Regex MildSuppression();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(MildSuppressionSource, Plain & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex MildSuppressionBacktracking();

    private const string MildSuppressionSource = "excuse|caveat|lectur|moral|hedg|push";

    /// <summary>shadow: an override verb that also has ordinary objects.</summary>
    [GeneratedRegex(OrdinaryOverrideVerbSource, Plain)]
    public static partial Regex OrdinaryOverrideVerb();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(OrdinaryOverrideVerbSource, Plain & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex OrdinaryOverrideVerbBacktracking();

    private const string OrdinaryOverrideVerbSource = @"^(?:skip|drop|omit|cancel|revoke|void|erase|delete|clear|reset|throw|do\W+not\W+us|don'?t\W+us|stop\W+us|never\W+us|no\W+longer\W+us)";

    /// <summary>raw: a run of line breaks (the units of an acrostic read by line).</summary>
    [GeneratedRegex(LineBreaksSource, Plain)]
    public static partial Regex LineBreaks();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(LineBreaksSource, Plain & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex LineBreaksBacktracking();

    private const string LineBreaksSource = @"\n+";

    /// <summary>raw: a run of white space (split after sentence ends by <see cref="SplitAfterSentences"/>).</summary>
    [GeneratedRegex(WhiteSpaceRunSource, Plain)]
    public static partial Regex WhiteSpaceRun();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(WhiteSpaceRunSource, Plain & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex WhiteSpaceRunBacktracking();

    private const string WhiteSpaceRunSource = @"\s+";

    /// <summary>
    /// Splits a text at white space that follows a sentence end or a line break, as <c>Regex.Split(text, @"(?&lt;=[.!?\n])\s+")</c>
    /// did: in each run of white space, the split starts at the first character after a <c>.</c>, <c>!</c>, <c>?</c> or line break.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The pieces, empty ones included.</returns>
    public static List<string> SplitAfterSentences(string text)
    {
        var pieces = new List<string>();
        var last = 0;
        foreach (var run in WhiteSpaceRun().EnumerateMatches(text))
        {
            var end = run.Index + run.Length;
            for (var i = run.Index; i < end; i++)
            {
                if (i > 0 && text[i - 1] is '.' or '!' or '?' or '\n')
                {
                    pieces.Add(text[last..i]);
                    last = end;
                    break;
                }
            }
        }

        pieces.Add(text[last..]);
        return pieces;
    }
}

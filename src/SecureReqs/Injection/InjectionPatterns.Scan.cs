using System.Text.RegularExpressions;

namespace SecureReqs;

/// <summary>Small patterns the scan uses to grade a match (all on the linear engine, without a match timeout).</summary>
internal static partial class InjectionPatterns
{
    /// <summary>shadow: a word that points at earlier instructions, among an override's qualifiers.</summary>
    [GeneratedRegex(@"\b" + Earlier + @"\b", Plain)]
    public static partial Regex EarlierWord();

    /// <summary>shadow: "my" or "our" among an override's qualifiers.</summary>
    [GeneratedRegex(@"\b(?:my|our)\b", Plain)]
    public static partial Regex MineWord();

    /// <summary>shadow: a European word that points at earlier instructions.</summary>
    [GeneratedRegex(@"\b(?:anteriores|anterior|previas|previos|precedentes|precedente|anterieures|ci-dessus|dessus|precedenti|sopra|acima|vorherig\w*|bisherig\w*|obig\w*|vorig\w*|fruher\w*|zuvor|davor|oben|alle|todas|todos|toutes|tous|tutte|tutti|tus|tes|vos|deine|tue|suas|sus|iniciales|initiales|originales|iniziali)\b", Plain)]
    public static partial Regex EarlierWordEuropean();

    /// <summary>shadow: a Chinese or Japanese word that points at earlier instructions.</summary>
    [GeneratedRegex("之前|以前|上面|上述|以上|所有|全部|前面|先前|これまで|上記|全て|すべて", Plain)]
    public static partial Regex EarlierWordCjk();

    /// <summary>shadow: a role frame that takes effect now.</summary>
    [GeneratedRegex(@"\b(?:now|longer|jetzt|nun|sofort|ahora|maintenant|ora|agora)\b", Plain)]
    public static partial Regex NowWord();

    /// <summary>shadow: the name of an opening tag that claims the system's voice.</summary>
    [GeneratedRegex("^(?:system|sys|system.?(?:prompt|message|instructions?)|instructions?|admin|developer)$", Plain)]
    public static partial Regex SystemTagName();

    /// <summary>shadow: the name of a closing tag that ends the user's or a document's text.</summary>
    [GeneratedRegex("^(?:user.*|human|context|documents?|email|tool.*|function.*|untrusted.*|data|query|prompt)$", Plain)]
    public static partial Regex ClosingTagName();

    /// <summary>shadow: an extraction verb that asks for the text itself.</summary>
    [GeneratedRegex("^(?:repeat|recite|print|reprint|output|reveal|expose|leak|disclose|dump|echo|copy|paste|spell|translate|summari[sz]e|paraphrase|encode|render)$", Plain)]
    public static partial Regex VerbatimVerb();

    /// <summary>shadow: an out-verb that places something at a position of the answer (<see cref="PositionalVerb"/>).</summary>
    [GeneratedRegex(PositionalVerb, Plain)]
    public static partial Regex PositionalVerbWord();

    /// <summary>shadow: a milder thing to suppress than a refusal.</summary>
    [GeneratedRegex("excuse|caveat|lectur|moral|hedg|push", Plain)]
    public static partial Regex MildSuppression();

    /// <summary>shadow: an override verb that also has ordinary objects.</summary>
    [GeneratedRegex(@"^(?:skip|drop|omit|cancel|revoke|void|erase|delete|clear|reset|throw|do\W+not\W+us|don'?t\W+us|stop\W+us|never\W+us|no\W+longer\W+us)", Plain)]
    public static partial Regex OrdinaryOverrideVerb();

    /// <summary>raw: a run of line breaks (the units of an acrostic read by line).</summary>
    [GeneratedRegex(@"\n+", Plain)]
    public static partial Regex LineBreaks();

    /// <summary>raw: a run of white space (split after sentence ends by <see cref="SplitAfterSentences"/>).</summary>
    [GeneratedRegex(@"\s+", Plain)]
    public static partial Regex WhiteSpaceRun();

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

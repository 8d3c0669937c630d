using System.Text.RegularExpressions;

namespace SecureReqs;

/// <summary>
/// Patterns for output control: an attacker who cannot make the assistant do anything useful still wins when the
/// assistant's answer carries a string of the attacker's choosing (a phrase, a code, a link, a tracking image).
/// These patterns find the demand, in the languages the detector supports, without knowing the string.
/// </summary>
internal static partial class InjectionPatterns
{
    /// <summary>Verbs that put something into the answer, imperative or narrated (English, Spanish, French, German, Portuguese, Italian, Dutch).</summary>
    private const string OutVerb =
        @"(?:say|says|said|reply|replies|replied|respond|responds|answer|answers|answered|output|outputs|print|prints|printed|write|writes|wrote|type|types|(?<ret>return|returns)|"
        + @"echo|echoes|repeat|repeats|state|display|show|emit|produce|include|add|append|prepend|put|insert|place|end|ends|finish|close|sign|start|starts|quote|quotes|mention|mentions|cite|"
        + @"tell" + Sp + @"(?:the" + Sp + @")?(?:user|customer|reader|client|visitor)s?|"
        + @"begin|begins|open|opens|prefix|preface|format|replace|make|confirm|render|label|call" + Sp + @"yourself|introduce" + Sp + @"yourself" + Sp + @"as|"
        + @"di|diga|digas|dices|dizes|diz|escribe|escriba|escribes|escreve|escreva|escreves|responde|responda|respondes|contesta|contestas|imprime|imprima|muestra|mostre|repite|repita|empieza|comienza|comece|termina|termine|incluye|inclua|anade|adicione|pon|coloca|coloque|devuelve|"
        + @"dis|dites|ecris|ecrivez|reponds|repondez|affiche|affichez|repete|commence|commencez|terminez|ajoute|ajoutez|inclus|mets|renvoie|"
        + @"sag|sage|sagst|schreib|schreibe|schreibst|antworte|antwortest|gib|drucke|zeige|wiederhole|beginne|beende|fuge|setze|"
        + @"dici|scrivi|rispondi|stampa|mostra|ripeti|inizia|comincia|includi|aggiungi|metti|"
        + @"zeg|schrijf|antwoord|toon|herhaal|eindig|voeg|remplace|remplacez|reemplaza|ersetze|substitua|sostituisci|vervang)";

    /// <summary>Out-verbs that place something at a position of the answer (with an answer reference they make an output exclusive).</summary>
    public const string PositionalVerb =
        @"^(?:start|starts|begin|begins|open|opens|prefix|preface|end|ends|finish|close|sign|empieza|comienza|comece|termina|termine|commence|commencez|terminez|beginne|beende|inizia|comincia|eindig|append|prepend|replace|remplace|remplacez|reemplaza|ersetze|substitua|sostituisci|vervang)$";

    /// <summary>
    /// Words that make an output exclusive, exact, positional or standing. Group <c>weak</c>: Portuguese "só" after its verb
    /// ("escreve só"), as weak as "only" (the other weak words are listed in <see cref="OutputDemands"/>).
    /// </summary>
    private const string Exclusive =
        @"(?:only|just|exactly|verbatim|word" + Sp + @"for" + Sp + @"word|literally|solely|nothing" + Sp + @"(?:else|more)|no" + Sp + @"other" + Sp + @"(?:text|words?|content|output|characters)|"
        + @"and" + Sp + @"stop|always" + Sp + @"(?:answer|reply|respond|end|start|begin|say|include|sign|write)|one" + Sp + @"(?:word|line)|(?:don'?t|do" + Sp + @"not)" + Sp + @"(?:add|write|say|include|put)" + Sp + @"anything" + Sp + @"(?:else|more)|(?:entire|whole|full|sole|single)" + Sp + @"(?:answer|reply|response|output|message|word|line)|by" + Sp + @"itself|on" + Sp + @"(?:its|a)" + Sp + @"own(?:" + Sp + @"line)?|"
        + @"(?:very" + Sp + @")?first" + Sp + @"(?:word|line|characters?|thing|token)|(?:every|each)" + Sp + @"(?:line|reply|replies|answer|response|message|sentence|paragraph|output)|"
        + @"from" + Sp + @"now" + Sp + @"on|at" + Sp + @"the" + Sp + @"(?:very" + Sp + @")?(?:end|bottom|start|beginning|top)|(?:every|each|all)" + Sp + @"(?:links?|urls?)|instead|rather" + Sp + @"than|must" + Sp + @"(?:read|be|say|contain|open|start|begin|end|include)|"
        + @"solo|solamente|unicamente|exactamente|nada" + Sp + @"mas|textualmente|al" + Sp + @"(?:final|principio)|cada" + Sp + @"respuesta|"
        + @"uniquement|seulement|exactement|rien" + Sp + @"d'?" + Sp0 + @"autre|simplement|a" + Sp + @"la" + Sp + @"fin|chaque" + Sp + @"reponse|"
        // Standing rules, as "from now on" above (before "nur", so that "nur noch" is matched whole and counts as strong).
        + @"ab" + Sp + @"(?:sofort|jetzt)|von" + Sp + @"(?:nun|jetzt)" + Sp + @"an|nur" + Sp + @"noch|a" + Sp + @"partir" + Sp + @"de" + Sp + @"(?:ahora|agora|maintenant)|de" + Sp + @"ahora" + Sp + @"en" + Sp + @"adelante|desormais|"
        + @"d" + Sp0 + @"ora" + Sp + @"in" + Sp + @"(?:poi|avanti)|da" + Sp + @"ora" + Sp + @"in" + Sp + @"(?:poi|avanti)|daqui" + Sp + @"(?:em|pra|para)" + Sp + @"(?:diante|frente)|vanaf" + Sp + @"nu|voortaan|"
        + @"nur|ausschliesslich|genau|wortlich|nichts" + Sp + @"anderes|sonst" + Sp + @"nichts|einfach|am" + Sp + @"(?:ende|anfang)|jede" + Sp + @"antwort|"
        + @"apenas|somente|exatamente|mais" + Sp + @"nada|no" + Sp + @"final|cada" + Sp + @"resposta|(?<weak>(?:escreve|escreva|diz|diga|responde|responda|repete|repita)" + Sp + @"so)|"
        + @"soltanto|esattamente|niente" + Sp + @"altro|alla" + Sp + @"fine|ogni" + Sp + @"risposta|"
        + @"alleen|uitsluitend|precies|niets" + Sp + @"anders)";

    /// <summary>A literal the answer should carry: a quoted string, a code-like token (letters and digits), a URL.</summary>
    private const string Literal =
        @"(?<literal>""[^""\n]{1,100}""|«[^»\n]{1,100}»|(?<l1>\[[^\]\n\[]{1,60}\])|「[^」\n]{1,100}」|『[^』\n]{1,100}』|(?<l2>'[^'\n]{1,100}')|"
        + @"https?://[^\s)""'<>\]]{4,200}|(?<l3>[a-z0-9]+(?:[-_][a-z0-9]+)*))";

    /// <summary>
    /// The blanks before a <see cref="Literal"/>: as <c>Sp</c>, but never a character a literal opens with. <c>Sp</c> would
    /// take the opening quote of <c>"dan"</c> with the blank before it and leave the bare word, which the check rejects as
    /// no code; a lazy <c>{1,4}?</c> does not help, because the linear engine does not prefer the shorter blank.
    /// </summary>
    private const string SpBeforeLiteral = @"(?:[^\w""'«\[「『]|_){1,4}";

    /// <summary>As <see cref="SpBeforeLiteral"/>, possibly none.</summary>
    private const string Sp0BeforeLiteral = @"(?:[^\w""'«\[「『]|_){0,4}";

    /// <summary>The longest literal <see cref="Literal"/> matches: "https://" and 200 characters.</summary>
    private const int MaxLiteralLength = 210;

    /// <summary>shadow: an out-verb followed by a literal within one clause (the exclusivity test is done by the scan).</summary>
    private const string OutputLiteralPattern = @"\b(?<verb>" + OutVerb + @")\b[^\n.!?`]{0,80}?" + Literal;

    public static ContextRegex OutputLiteral() => OutputLiteralRegex;

    private static readonly ContextRegex OutputLiteralRegex = ContextRegex.Checked(OutputLiteralPattern, Shadow, OutputLiteralHolds);

    /// <summary>The <see cref="OutputLiteral"/> pattern anchored on a span found by <see cref="OutputLiterals"/>, for its groups.</summary>
    private static readonly Lazy<Regex> OutputLiteralSpan = new(() => LinearRegex.Large("^(?:" + OutputLiteralPattern + ")$", Shadow));

    /// <summary>An out-verb alone (the start of an <see cref="OutputLiteral"/> match).</summary>
    [GeneratedRegex(OutVerbWordSource, Shadow)]
    private static partial Regex OutVerbWord();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(OutVerbWordSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex OutVerbWordBacktracking();

    private const string OutVerbWordSource = @"\b(?<verb>" + OutVerb + @")\b";

    /// <summary>
    /// The <see cref="OutputLiteral"/> matches: each out-verb, then the first literal whose look-arounds hold within 80
    /// characters of the same clause, as the lazy gap of the backtracking pattern found it. A literal that fails its
    /// look-arounds does not end the search for the verb; the next literal is tried.
    /// </summary>
    /// <param name="text">The shadow text.</param>
    /// <returns>The matches, with the groups of <see cref="OutputLiteralPattern"/>.</returns>
    public static IEnumerable<Match> OutputLiterals(string text)
    {
        for (var pos = 0; pos <= text.Length;)
        {
            var verb = OutVerbWord().Match(text, pos);
            if (!verb.Success)
            {
                yield break;
            }

            var gapStart = verb.Index + verb.Length;
            var gapEnd = gapStart;
            while (gapEnd < text.Length && gapEnd - gapStart < 80 && text[gapEnd] is not ('\n' or '.' or '!' or '?' or '`'))
            {
                gapEnd++;
            }

            // A literal must start within the gap, and none is longer than a URL of 200 characters: the search stops
            // there, so each verb costs a bounded amount and the scan stays linear in the text.
            var literal = VerbHolds(text, verb) ? AnyLiteral().MatchBefore(text, gapStart, Math.Min(text.Length, gapEnd + MaxLiteralLength)) : System.Text.RegularExpressions.Match.Empty;
            if (literal.Success && literal.Index <= gapEnd)
            {
                var end = literal.Index + literal.Length;
                var match = OutputLiteralSpan.Value.Match(text, verb.Index, end - verb.Index);
                if (match.Success)
                {
                    yield return match;
                    pos = end;
                    continue;
                }
            }

            pos = verb.Index + 1;
        }
    }

    /// <summary>shadow: a literal immediately made exclusive ("X and nothing else", "only the word X", "X verbatim").</summary>
    /// <remarks>Two alternatives, searched one by one (<see cref="ContextRegex.CheckedAlternatives"/>): the word before the literal, or the ending after it.</remarks>
    private const string ExclusiveBeforeLiteral = @"\b(?:only|just|exactly|solely|simply|solo|seulement|uniquement|nur|apenas|alleen)" + SpBeforeLiteral + @"(?:(?:the|with|a|an|de|le|la|mit|com)" + SpBeforeLiteral + @")?(?:(?:single|word|code|string|token|text|phrase|line|value|label|number|mot|palabra|wort|palavra)" + Sp0BeforeLiteral + @")?" + Literal;

    private const string ExclusiveAfterLiteral = Literal + Sp + @"(?:and" + Sp + @"nothing" + Sp + @"else|and" + Sp + @"stop|verbatim|as" + Sp + @"(?:your|the)" + Sp + @"(?:entire|whole|only|full|complete)|(?:on|by)" + Sp + @"(?:its" + Sp + @"own|itself)|y" + Sp + @"nada" + Sp + @"mas|e" + Sp + @"mais" + Sp + @"nada|und" + Sp + @"sonst" + Sp + @"nichts|et" + Sp + @"rien" + Sp + @"d'?" + Sp0 + @"autre)";

    public static ContextRegex ExclusiveLiteral() => ExclusiveLiteralRegex;

    private static readonly ContextRegex ExclusiveLiteralRegex = ContextRegex.CheckedAlternatives(LiteralHolds, Shadow, ExclusiveBeforeLiteral, ExclusiveAfterLiteral);

    /// <summary>shadow: a literal the answer should consist of, verb last (German) or as the assistant's new name.</summary>
    /// <remarks>Four alternatives, searched one by one (<see cref="ContextRegex.CheckedAlternatives"/>): together one automaton
    /// grew 140 MB of states over the dataset texts, apart the three that need rare words run on a few texts.</remarks>
    private const string NamedLiteral = @"\b(?:(?:your|my" + Sp + @"assistant's|the" + Sp + @"assistant's)" + Sp + @"(?:new" + Sp + @")?(?:name|nickname|alias|handle|call" + Sp + @"sign|codename)" + Sp + @"is" + SpBeforeLiteral + @"(?:now" + SpBeforeLiteral + @")?|(?:you" + Sp + @"are|you're)" + Sp + @"(?:now" + Sp + @")?(?:called|named)" + SpBeforeLiteral + @"|(?:dein|tu|ton|seu|il" + Sp + @"tuo)" + Sp + @"(?:neuer" + Sp + @"|nuevo" + Sp + @"|nouveau" + Sp + @"|novo" + Sp + @"|nuovo" + Sp + @")?(?:name|nombre|nom|nome)" + Sp + @"(?:ist|es|est|e)" + SpBeforeLiteral + @"(?:jetzt" + SpBeforeLiteral + @"|ahora" + SpBeforeLiteral + @"|maintenant" + SpBeforeLiteral + @"|agora" + SpBeforeLiteral + @"|ora" + SpBeforeLiteral + @")?)" + Literal;

    private const string LiteralThenName = Literal + Sp0 + @",?" + Sp0 + @"(?:which|that)" + Sp + @"is" + Sp + @"(?:now" + Sp + @")?your" + Sp + @"(?:new" + Sp + @")?name";

    private const string IntroduceYourselfLiteral = @"(?:introduce|present|call|name|rename)" + Sp + @"yourself" + SpBeforeLiteral + @"(?:as|to)?" + Sp0BeforeLiteral + Literal;

    private const string LiteralThenGermanVerb = Literal + Sp + @"(?:[\w-]{1,15}" + Sp + @"){0,2}?(?:auszugeben|ausgeben|auszugeben|zu" + Sp + @"(?:schreiben|antworten|sagen)|bestehen|antworten)\b";

    public static ContextRegex NamedOrFinalLiteral() => NamedOrFinalLiteralRegex;

    private static readonly ContextRegex NamedOrFinalLiteralRegex = ContextRegex.CheckedAlternatives(LiteralHolds, Shadow, NamedLiteral, LiteralThenName, IntroduceYourselfLiteral, LiteralThenGermanVerb);

    /// <summary>shadow: an exclusivity word (used in a window around an <see cref="OutputLiteral"/> match).</summary>
    [GeneratedRegex(ExclusiveWordSource, Shadow)]
    public static partial Regex ExclusiveWord();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(ExclusiveWordSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex ExclusiveWordBacktracking();

    private const string ExclusiveWordSource = @"\b" + Exclusive + @"\b";

    /// <summary>shadow: a reference to the assistant's own answer ("your reply", "every answer", "the response").</summary>
    [GeneratedRegex(AnswerReferenceSource, Shadow)]
    public static partial Regex AnswerReference();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(AnswerReferenceSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex AnswerReferenceBacktracking();

    private const string AnswerReferenceSource = @"\b(?:your|the|each|every|all|this|their|its|any)" + Sp + @"(?:[\w-]{1,15}" + Sp + @")?(?:reply|replies|answer|answers|response|responses|output|message|summary|summaries)\b|\bwhatever" + Sp + @"you" + Sp + @"(?:tell|say|write|answer|reply)|\b(?:tu|ta|sa|son|tua|sua|su|la|a|el|o|le|die|deine|seine|jede|ihre|je|chaque|cada|ogni|de|het)" + Sp + @"(?:[\w-]{1,15}" + Sp + @")?(?:respuesta|reponse|antwort|resposta|risposta|antwoord)\b|\b(?:before|when|while|after|in)" + Sp + @"(?:answering|replying|responding|summari[sz]ing|you" + Sp + @"(?:answer|reply|respond|summari[sz]e))\b|回答|回复|回覆|答え|返答|返信|出力|输出";

    /// <summary>
    /// shadow: a quoted output demanded in Chinese or Japanese: an out-verb before the quotation ("输出“我自由了”", "回复：
    /// “好的”") or, in Japanese, after it ("「アクセス許可」と出力して", "「OK」とだけ書いて"). Group <c>literal</c> is the
    /// quotation. Whether it is exclusive ("只", "だけ", "其他都不重要") is read around it by <see cref="OutputDemands"/>.
    /// </summary>
    [GeneratedRegex(OutputQuotedCjkSource, Shadow)]
    public static partial Regex OutputQuotedCjk();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(OutputQuotedCjkSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex OutputQuotedCjkBacktracking();

    private const string QuotedCjk = @"(?<literal>""[^""\n]{1,60}""|「[^」\n]{1,60}」|『[^』\n]{1,60}』)";

    private const string OutputQuotedCjkSource = @"(?:输出|輸出|打印|写出|寫出|写下|寫下|回复|回覆|回答|说出|說出|显示|顯示|写|寫|说|說)[:：]?[ \t]{0,2}" + QuotedCjk
        + @"|" + QuotedCjk + @"[ \t]{0,2}(?:と|を)(?:だけ|のみ)?(?:出力|書い|書く|書き|言っ|言う|答え|返|表示|印刷)";

    /// <summary>
    /// shadow: words that make a Chinese or Japanese output exclusive, near an <see cref="OutputQuotedCjk"/> match: only
    /// (只, 仅, だけ, のみ; not 只要, "as long as"), "nothing else matters" (其他都不重要, ほかは一切どうでもいい), word for word (一字不差, そのまま).
    /// </summary>
    [GeneratedRegex(ExclusiveCjkSource, Shadow)]
    public static partial Regex ExclusiveCjk();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(ExclusiveCjkSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex ExclusiveCjkBacktracking();

    private const string ExclusiveCjkSource = @"只(?:[^要]|$)|仅|僅|だけ|のみ|其他(?:的)?(?:都|全)?(?:不重要|不要|别说|別說)|别的(?:都)?不要|不要(?:说|說|写|寫|输出|輸出|加)(?:任何)?(?:其他|别的|別的)|(?:ほか|他)(?:のこと)?は(?:一切|何も)?(?:どうでもいい|不要|いらない|書かないで|言わないで)|他には何も|一字不差|原样|原樣|そのまま";

    /// <summary>shadow: Chinese and Japanese output control: begin the answer with, answer only, output only.</summary>
    [GeneratedRegex(OutputControlCjkSource, Shadow)]
    public static partial Regex OutputControlCjk();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(OutputControlCjkSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex OutputControlCjkBacktracking();

    private const string OutputControlCjkSource = @"(?:以|用)[""「『][^""」』\n]{1,60}[""」』](?:作为|作為|开头|開頭)|[""「『][^""」』\n]{1,60}[""」』]?\s*(?:で始め|から始め|とだけ|だけを?(?:出力|答え|書い|返)|のみ(?:を)?(?:出力|回答))|(?:只|仅|僅)(?:回答|回复|回覆|输出|輸出|写|寫|說|说)(?:[^。！？\n""「『]{0,6}[""「『]|[ \t:：]{0,2}(?:\{\{|[a-z0-9_-]{0,20}[0-9_-]))|(?:と|を)(?:だけ)?出力してください|(?:回答|回复|返答|答え)の?(?:最後|末尾|最初|冒頭|开头|结尾)に?|(?:回答|回复|答案)(?:只有|只是|就是)|とだけ(?:答え|回答|返|出力|書|言)";

    /// <summary>shadow: a markdown image or an HTML image whose URL carries a query string or a token in its path.</summary>
    [GeneratedRegex(MarkdownResourceSource, Shadow | RegexOptions.Multiline)]
    public static partial Regex MarkdownResource();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(MarkdownResourceSource, (Shadow | RegexOptions.Multiline) & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex MarkdownResourceBacktracking();

    private const string MarkdownResourceSource = @"!\[[^\]\n]{0,80}\]\(\s*https?://[^\s)]{1,200}\)|<img\b[^>\n]{0,200}\bsrc\s*=\s*[""']?https?://[^\s""'>]{1,200}|\[[^\]\n]{1,80}\]\(\s*https?://[^\s)]{1,200}\)|^\s*\[[^\]\n]{1,40}\]:\s*https?://\S{1,200}";

    /// <summary>shadow: a reader asked to render, embed or keep an image, link or URL in its answer.</summary>
    [GeneratedRegex(RenderResourceSource, Shadow)]
    public static partial Regex RenderResource();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(RenderResourceSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex RenderResourceBacktracking();

    private const string RenderResourceSource = @"\b(?:render|embed|display|show|include|insert|add|put|place|append|attach|use|work|end|finish|termina|ajoute|anade|fuge|coloque|inclua|mets|pon)\w{0,3}\b[^\n]{0,80}?\b(?:image|img|picture|pixel|logo|badge|icon|link|hyperlink|url|button|qr|imagen|imagem|lien|bild|enlace)";

    /// <summary>shadow: the task switched mid-request ("actually, instead…", "rather than explaining", "the output format changed").</summary>
    [GeneratedRegex(TaskSwitchSource, Shadow)]
    public static partial Regex TaskSwitch();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(TaskSwitchSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex TaskSwitchBacktracking();

    private const string TaskSwitchSource = @"\b(?:actually|instead|rather" + Sp + @"than|never" + Sp0 + @"mind|scratch" + Sp + @"that|on" + Sp + @"second" + Sp + @"thought|change" + Sp + @"of" + Sp + @"plans?|forget" + Sp + @"(?:that|it|this)|skip" + Sp + @"the" + Sp + @"(?:usual|normal|actual|real)|"
        + @"(?:format|labels?|categories|rules?|template|output)" + Sp + @"(?:\w+" + Sp + @")?(?:changed|(?:was|were|has" + Sp + @"been|have" + Sp + @"been)" + Sp + @"(?:renamed|changed|updated|replaced))|only" + Sp + @"valid" + Sp + @"(?:label|answer|output|response|value)|"
        + @"en" + Sp + @"lugar" + Sp + @"de|au" + Sp + @"lieu" + Sp + @"de|anstatt|statt|em" + Sp + @"vez" + Sp + @"de|invece" + Sp + @"di|in" + Sp + @"plaats" + Sp + @"van|remplace" + Sp + @"toute|replace" + Sp + @"(?:your|the)" + Sp + @"(?:whole|entire)|"
        // The same turn in the other languages: "instead" as an adverb, "new topic", "change of plans", "that was all nonsense".
        + @"statt" + Sp0 + @"dessen|neues" + Sp + @"thema|themawechsel|planwechsel|das" + Sp + @"war" + Sp + @"(?:alles" + Sp + @")?(?:unsinn|quatsch|nur" + Sp + @"ein" + Sp + @"test)|schluss" + Sp + @"damit|"
        + @"en" + Sp + @"su" + Sp + @"lugar|en" + Sp + @"vez" + Sp + @"de" + Sp + @"eso|cambio" + Sp + @"de" + Sp + @"planes|olvida" + Sp + @"eso|olvidalo|"
        + @"a" + Sp + @"la" + Sp + @"place|laisse" + Sp + @"tomber|oublie" + Sp + @"(?:ca|cela)|changement" + Sp + @"de" + Sp + @"(?:programme|plan)|"
        + @"em" + Sp + @"vez" + Sp + @"disso|ao" + Sp + @"inves" + Sp + @"disso|deixa" + Sp + @"(?:pra|para)" + Sp + @"la|esquece" + Sp + @"isso|esqueca" + Sp + @"isso|mudanca" + Sp + @"de" + Sp + @"planos|"
        + @"lascia" + Sp + @"(?:perdere|stare)|cambio" + Sp + @"di" + Sp + @"programma|dimenticalo|"
        + @"in" + Sp + @"plaats" + Sp + @"daarvan)\b"
        // Short dismissals count only as a clause of their own ("lass das. …", "genug davon!", "laat maar,"): "lass das Licht
        // an", "laat maar zien" and "vergeet het niet" are not turns. "egal," only before a command or "now" ("egal, sag …"),
        // not before a question word ("egal, was passiert").
        + @"|\b(?:lass" + Sp + @"(?:das|es)(?:" + Sp + @"sein)?|vergiss" + Sp + @"(?:das|es)|genug" + Sp + @"(?:davon|damit|jetzt)|stopp|deja" + Sp + @"eso|da" + Sp + @"igual|peu" + Sp + @"importe|tanto" + Sp + @"faz|non" + Sp + @"importa|laat" + Sp + @"maar|vergeet" + Sp + @"(?:dat|het)|maakt" + Sp + @"niet" + Sp + @"uit)[,.;:!]"
        + @"|\begal[,.;:!]" + Sp0 + @"(?:sag|sage|schreib|schreibe|antworte|gib|zeig|zeige|mach|erzahl|erklar|jetzt|nun|dann|lieber|stattdessen|bitte)\b";

    /// <summary>shadow: a refusal forbidden ("without refusing", "no apologies", "don't say you can't"), in the supported languages.</summary>
    [GeneratedRegex(RefusalForbiddenSource, Shadow)]
    public static partial Regex RefusalForbidden();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(RefusalForbiddenSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex RefusalForbiddenBacktracking();

    private const string RefusalForbiddenSource = @"\b(?:(?:without|never|no|not|don'?t|do" + Sp + @"not|stop|avoid|forbidden" + Sp + @"to|not" + Sp + @"allowed" + Sp + @"to)" + Sp + @"(?:\w+" + Sp + @"){0,2}?(?:refus\w*|apologi[sz]\w*|declin\w*|saying" + Sp + @"no|say" + Sp + @"no\b|excuses?|caveats?|moraliz\w*|moralis\w*|lectur\w*|safety" + Sp + @"talk|hedging|push" + Sp0 + @"back)|"
        + @"(?:say|saying|use|using|mention)\w*" + Sp + @"(?:the" + Sp + @"(?:words?|phrases?)" + Sp + @")?""?(?:i" + Sp + @"can'?t|i" + Sp + @"cannot|i'?m" + Sp + @"sorry|as" + Sp + @"an" + Sp + @"ai|sorry|unable)|any" + Sp + @"answer" + Sp + @"other" + Sp + @"than|(?:full|total|complete)" + Sp + @"compliance|want" + Sp + @"to" + Sp + @"say" + Sp + @"no|refusals?" + Sp + @"(?:are|is)" + Sp + @"(?:disabled|not" + Sp + @"allowed|forbidden|off)|"
        + @"no" + Sp + @"te" + Sp + @"disculpes|sin" + Sp + @"(?:disculpas|negarte|rechazar)|no" + Sp + @"digas" + Sp + @"que" + Sp + @"no|sans" + Sp + @"(?:refuser|t'?" + Sp0 + @"excuser|vous" + Sp + @"excuser)|interdiction" + Sp + @"de" + Sp + @"refuser|ne" + Sp + @"(?:refuse|t'?" + Sp0 + @"excuse)" + Sp + @"pas|"
        + @"keine" + Sp + @"(?:entschuldigung\w*|ablehnung\w*|ausreden)|ohne" + Sp + @"(?:abzulehnen|ablehnung|entschuldigung)|nao" + Sp + @"(?:peca" + Sp + @"desculpas|diga" + Sp + @"que" + Sp + @"nao|recuse)|sem" + Sp + @"(?:recusar|desculpas)|non" + Sp + @"(?:scusarti|rifiutare)|senza" + Sp + @"(?:rifiutare|scuse))\b|断っ|断ら|謝っ|謝ら|不要拒绝|不要道歉|不许拒绝|不准拒绝";

    /// <summary>shadow: the assistant asked to simulate a machine that only prints output (terminal, interpreter, database, API, game engine).</summary>
    [GeneratedRegex(SimulatedMachineSource, Shadow)]
    public static partial Regex SimulatedMachine();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(SimulatedMachineSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex SimulatedMachineBacktracking();

    private const string SimulatedMachineSource = @"\b(?:simulat\w*|emulat\w*|act" + Sp + @"as|pretend" + Sp + @"to" + Sp + @"be|you" + Sp + @"are|you're|behave" + Sp + @"like|be|become|play|simula|simule|simuliere|simulez|emule|tu" + Sp + @"es|du" + Sp + @"bist)" + Sp + @"(?:(?:an?|the|my|une?|ein|eine|einen)" + Sp + @")?(?:[\w-]{1,20}" + Sp + @"){0,3}?"
        + @"(?:terminal|shell|console|interpreter|command" + Sp + @"(?:prompt|line)|cli|repl|database|sql|api|server|virtual" + Sp + @"machine|vm|sandbox|emulator|game" + Sp + @"engine|text" + Sp + @"adventure|compiler|operating" + Sp + @"system|dos" + Sp + @"prompt|machine|computer|bot|assistant|ai|terminale|konsole|maschine|interprete|emulateur|emulador)\b|シミュレート|模拟|模擬|扮演";

    /// <summary>shadow: the simulated machine's output-only rule ("reply only with the terminal output", "show only the raw response").</summary>
    [GeneratedRegex(OutputOnlySource, Shadow)]
    public static partial Regex OutputOnly();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(OutputOnlySource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex OutputOnlyBacktracking();

    private const string OutputOnlySource = @"\b(?:only|just|solo|seulement|uniquement|nur|apenas)" + Sp + @"(?:\w+" + Sp + @"){0,3}?(?:output|results?|response|body|salida|sortie|ausgabe|saida)\b|(?:output|salida|sortie|ausgabe)" + Sp + @"(?:only|solo|uniquement|nur)\b|出力だけ|出力のみ|只(?:显示|輸出|输出)";

    /// <summary>shadow: cues that a text sets up examples for the assistant to imitate.</summary>
    [GeneratedRegex(ExampleCueSource, Shadow)]
    public static partial Regex ExampleCue();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(ExampleCueSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex ExampleCueBacktracking();

    private const string ExampleCueSource = @"\b(?:examples?|pattern|training|approved|samples?|template|format|ejemplos?|exemples?|beispiele?|exemplos?|esempi|voorbeelden)\b|""(?:prompt|completion)""\s*:";

    /// <summary>shadow: a labelled or numbered line ("Q: …", "Input: … -> Output: …", "1. …", {"prompt": …}).</summary>
    [GeneratedRegex(LabelledLineSource, Shadow)]
    public static partial Regex LabelledLine();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(LabelledLineSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex LabelledLineBacktracking();

    private const string LabelledLineSource = @"^\s*(?:\d{1,2}[.)]\s+|[\w'-]{1,12}\s*[:=]|\{\s*""\w{1,12}""\s*:)|->|=>|\b(?:assistant|answer|output|bot|ai|reply|response|completion)\s*[:=]";

    /// <summary>shadow: an answer slot left open for the assistant to fill ("A:", "Output:" at the end of a line).</summary>
    [GeneratedRegex(OpenAnswerSlotSource, Shadow | RegexOptions.Multiline)]
    public static partial Regex OpenAnswerSlot();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(OpenAnswerSlotSource, (Shadow | RegexOptions.Multiline) & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex OpenAnswerSlotBacktracking();

    private const string OpenAnswerSlotSource = @"(?:\b(?:a|answer|output|assistant|ai|bot|completion|response|reply|r)|->|=>)\s*:?\s*$";

    /// <summary>shadow: a code-like token or a quoted string (for the repeated-literal few-shot check).</summary>
    private const string AnyLiteralPattern = Literal;

    public static ContextRegex AnyLiteral() => AnyLiteralRegex;

    private static readonly ContextRegex AnyLiteralRegex = ContextRegex.Checked(AnyLiteralPattern, Shadow, LiteralHolds, ResumeAfterToken, SkipPlainTokens);

    /// <summary>
    /// Where a search for a <see cref="Literal"/> that passes <see cref="LiteralHolds"/> may start: past every character
    /// no alternative starts with, and past every run of <c>[a-z0-9]</c> (joined by <c>-</c> or <c>_</c>) with fewer than
    /// three digits and no "http". At such a run the pattern can only match the code-token alternative, over the whole run
    /// (it is greedy and nothing follows it), and the check rejects a token with fewer than three digits; the search would
    /// then resume at the run's end (<see cref="ResumeAfterToken"/>). So the first passing match is the same, found
    /// without running the pattern once per word of prose. Stops at a quote, a bracket, a run with three digits or more,
    /// or a run that holds "http", and returns <paramref name="end"/> when it reaches it.
    /// </summary>
    private static int SkipPlainTokens(string text, int startat, int end)
    {
        var p = startat;
        while (p < end)
        {
            var c = text[p];
            if (c is '"' or '«' or '[' or '「' or '『' or '\'')
            {
                return p;
            }

            if (!IsTokenChar(c))
            {
                p++;
                continue;
            }

            var q = p;
            var digits = 0;
            while (true)
            {
                for (; q < end && IsTokenChar(text[q]); q++)
                {
                    digits += char.IsAsciiDigit(text[q]) ? 1 : 0;
                }

                if (q + 1 < end && text[q] is '-' or '_' && IsTokenChar(text[q + 1]))
                {
                    q++;
                    continue;
                }

                break;
            }

            if (digits >= 3 || text.AsSpan(p, q - p).Contains("http", StringComparison.Ordinal))
            {
                return p;
            }

            p = q;
        }

        return end;

        static bool IsTokenChar(char c) => c is >= 'a' and <= 'z' or >= '0' and <= '9';
    }

    /// <summary>
    /// After a code-like token that fails its check: no literal starts inside it, since a token there would follow a
    /// word character and every other literal starts with a quote, a bracket or "http"; so the search resumes at the first
    /// "http" inside it, or at its end. Without this, every word of a text is matched once per character.
    /// </summary>
    private static int ResumeAfterToken(string text, Match m)
    {
        if (m.Groups["l3"] is not { Success: true } token)
        {
            return m.Index + 1;
        }

        var end = token.Index + token.Length;
        var http = text.AsSpan(token.Index + 1, end - token.Index - 1).IndexOf("http", StringComparison.Ordinal);
        return http >= 0 ? token.Index + 1 + http : end;
    }
}

/// <summary>Overrides in languages whose script the shadow does not keep (Cyrillic, Hangul) or that the main patterns do not cover (Dutch, Swedish, Danish, Norwegian, Polish, Turkish), and German compound nouns.</summary>
internal static partial class InjectionPatterns
{
    /// <summary>raw: override verbs and instruction nouns in Russian, Ukrainian, Korean, Dutch, Scandinavian, Polish and Turkish; German compounds.</summary>
    [GeneratedRegex(OverrideMoreLanguagesSource, Raw)]
    public static partial Regex OverrideMoreLanguages();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(OverrideMoreLanguagesSource, Raw & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex OverrideMoreLanguagesBacktracking();

    private const string OverrideMoreLanguagesSource = @"(?:игнорируй|игнорируйте|забудь|забудьте|не\s+обращай\s+внимания\s+на|не\s+следуй|проигнорируй|ігноруй|забудь)[^.!?\n]{0,40}?(?:инструкци|указани|правил|команд|промпт|настройк|інструкці)"
        + @"|(?:지시|지침|명령|규칙|설정|프롬프트)[^.!?\n]{0,20}?(?:무시|잊어)"
        + @"|\b(?:negeer|vergeet|ignoreer|ignorera|strunta\s+i|glöm|glom|ignorer|glem|zignoruj|zapomnij|görmezden\s+gel|unut)\b[^.!?\n]{0,40}?\b(?:instructies|instructie|regels|opdrachten|instruktioner|instruktionerna|regler|reglerna|instruksjoner|instruksjonene|instrukser|instrukcje|instrukcji|zasady|talimatlar\w*|kurallar\w*)\b"
        + @"|\b(?:vergiss|ignoriere|ignorieren|missachte)\b[^.!?\n]{0,30}?\b\w{2,20}(?:anweisungen|vorgaben|regeln|befehle|instruktionen)\b"
        + @"|\b(?:olvida|ignora|oublie|esquece|esqueca|dimentica)\b[^.!?\n]{0,20}?\b(?:tu|tua|ta|sua|su|la|a|le|il)\s+(?:configuraci[oó]n|configuration|configura[cç][aã]o|configurazione|programaci[oó]n|programmation|programa[cç][aã]o)\b";

    /// <summary>raw: "answer only with" in Russian, Korean, Dutch and Scandinavian languages.</summary>
    [GeneratedRegex(AnswerOnlyMoreLanguagesSource, Raw)]
    public static partial Regex AnswerOnlyMoreLanguages();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(AnswerOnlyMoreLanguagesSource, Raw & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex AnswerOnlyMoreLanguagesBacktracking();

    private const string AnswerOnlyMoreLanguagesSource = @"(?:ответь|отвечай|напиши|выведи)\s+(?:только|лишь)|(?:только|лишь)\s+(?:ответь|напиши|выведи)|(?:라고만|만\s*(?:답|출력))|\b(?:antwoord|svara|svar|odpowiedz)\s+(?:alleen|bara|kun|tylko)\b";

    /// <summary>shadow: an instruction to join fragments and act on the result.</summary>
    [GeneratedRegex(JoinAndFollowSource, Shadow)]
    public static partial Regex JoinAndFollow();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(JoinAndFollowSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex JoinAndFollowBacktracking();

    private const string JoinAndFollowSource = @"\b(?:join|combine|concatenate|put" + Sp + @"(?:them|these|it)" + Sp + @"together|merge|assemble|read" + Sp + @"(?:\w+" + Sp + @"){0,4}?as" + Sp + @"(?:one|a" + Sp + @"single)" + Sp + @"(?:sentence|instruction|command|string))\b[^\n]{0,80}?\b(?:follow|execute|run|obey|perform|do|apply|carry" + Sp + @"out|act" + Sp + @"on|comply)\b|\b(?:follow|execute|run|obey|perform|do|apply|carry" + Sp + @"out)\b[^\n]{0,40}?\b(?:the" + Sp + @")?(?:result|resulting|combined|joined|concatenated|assembled)\b|\b(?:execute|perform|run|apply|do)" + Sp + @"(?:[a-z]\w{0,5}" + Sp0 + @"\+" + Sp0 + @")|\b(?:do|follow|execute|obey)" + Sp + @"(?:what|whatever)" + Sp + @"(?:was|is|gets|got)" + Sp + @"(?:printed|output|shown|returned|displayed|produced)\b";

    /// <summary>shadow: the latest instruction claimed to win ("my real request:", "the most recent instruction always wins").</summary>
    [GeneratedRegex(LatestWinsSource, Shadow)]
    public static partial Regex LatestWins();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(LatestWinsSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex LatestWinsBacktracking();

    private const string LatestWinsSource = @"\b(?:(?:my|the|our)" + Sp + @"(?:real|actual|true)" + Sp + @"(?:request|question|task|instruction|ask)|(?:the" + Sp + @")?(?:latest|most" + Sp + @"recent|last|newest)" + Sp + @"(?:instruction|request|message|rule)" + Sp + @"(?:always" + Sp + @")?(?:wins|takes" + Sp + @"(?:precedence|priority)|overrides|counts|is" + Sp + @"the" + Sp + @"one)|(?:this|the" + Sp + @"following)" + Sp + @"(?:instruction" + Sp + @"|message" + Sp + @"|request" + Sp + @")?(?:overrides|supersedes|takes" + Sp + @"(?:precedence|priority)" + Sp + @"over))\b";

    /// <summary>shadow: an answer format or template that carries a code ("answer in this format: LINE 1: SR-…", "reply in the format &lt;token&gt; | &lt;answer&gt; where token is …").</summary>
    private const string FormatWithCodePattern = @"\b(?:format|template|layout|header|heading|title|signature|footer)\b[^.!?]{0,120}?(?<code>[a-z0-9]{1,20}(?:[-_][a-z0-9]{1,20}){1,5})";

    public static ContextRegex FormatWithCode() => FormatWithCodeRegex;

    private static readonly ContextRegex FormatWithCodeRegex = ContextRegex.Checked(FormatWithCodePattern, Shadow, FormatWithCodeHolds);

    /// <summary>shadow: a role directive in brackets inside a message ("[[assistant: …]]", "[system: …]").</summary>
    [GeneratedRegex(BracketedRoleSource, Shadow)]
    public static partial Regex BracketedRole();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(BracketedRoleSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex BracketedRoleBacktracking();

    private const string BracketedRoleSource = @"[\[{(]{1,2}[ \t]*(?:assistant|system|ai|bot|admin|developer|model|llm)(?:" + Sp + @"(?:note|directive|instructions?|override|command))?[ \t]*:";

    /// <summary>raw: a quoted fragment (for re-assembling split payloads).</summary>
    [GeneratedRegex(FragmentSource, RawCase)]
    public static partial Regex Fragment();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(FragmentSource, RawCase & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex FragmentBacktracking();

    private const string FragmentSource = @"[""'“‘`«](?<value>[^""'“”‘’`«»\n]{1,120})[""'”’`»]|\b\w{1,8}\d?\s*(?:=|:)\s*(?<value>[A-Za-z][\w-]{0,30})(?:\s*[,;\n]|\s*$)";

    /// <summary>raw: a labelled part of a split message ("Part 1: …", "Fragment two - …"), to the end of its line.</summary>
    [GeneratedRegex(PartFragmentSource, Raw)]
    public static partial Regex PartFragment();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(PartFragmentSource, Raw & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex PartFragmentBacktracking();

    private const string PartFragmentSource = @"\b(?:part|fragment|piece|section|chunk|teil|parte|partie)\s*(?:\d{1,2}|one|two|three|four|[a-d])\s*(?:of\s*\d\s*)?[:.)-]\s*(?<value>[^\n]{1,600})";

    /// <summary>shadow: a code-like token that joins letters and digits with hyphens or underscores ("sr-3e0a1b", "300-4471").</summary>
    public static ContextRegex CodeToken() => CodeTokenRegex;

    private static readonly ContextRegex CodeTokenRegex = new(@"[^\w-]", 1, "", @"[a-z0-9]{1,20}(?:[-_][a-z0-9]{1,20}){1,5}", @"$|[^\w-]", Shadow, HasTwoDigits);
}

/// <summary>Configuration-style attacks, comments addressed to the AI, standing echo rules and multilingual persona frames.</summary>
internal static partial class InjectionPatterns
{
    /// <summary>shadow: the assistant's rules, safety or persona set to nothing in configuration syntax ("rules=none", "safety: off", "previous instructions = void").</summary>
    [GeneratedRegex(SettingDisabledSource, Shadow)]
    public static partial Regex SettingDisabled();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(SettingDisabledSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex SettingDisabledBacktracking();

    private const string SettingDisabledSource = @"\b(?:(?:previous|prior|old|system|safety|content|your|all|ethical)" + Sp + @")?(?:instructions?|rules|guidelines|persona|safety|filters?|filtering|guardrails?|restrictions|polic(?:y|ies)|moderation|censorship|alignment|ethics|limits)[ \t]*(?:=|:|->|:=)[ \t]*(?:void|null|none|nil|disabled?|off|false|0|removed|empty|ignored?|unrestricted|unlimited)\b";

    /// <summary>shadow: a code or markup comment that speaks to the AI ("&lt;!-- system: …", "-- AI: before answering …", "/* assistant directive: …").</summary>
    [GeneratedRegex(CommentToAiSource, Shadow | RegexOptions.Multiline)]
    public static partial Regex CommentToAi();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(CommentToAiSource, (Shadow | RegexOptions.Multiline) & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex CommentToAiBacktracking();

    private const string CommentToAiSource = @"(?:<!--|/\*|(?:^|\s)--|(?:^|\s)//|(?:^|\s)#)[ \t]*(?:(?:note|message|instructions?|directive)" + Sp + @"(?:to|for)" + Sp + @"(?:the" + Sp + @")?(?:ai|assistant|model|llm|bot)|(?:ai|assistant|llm|chatbot|bot|model)(?:" + Sp + @"(?:directive|instructions?|note|override|task|command))?|system(?:" + Sp + @"(?:directive|instructions?|note|override|prompt|message))?|developer" + Sp + @"(?:note|instructions?))[ \t]*:";

    /// <summary>raw: JSON fields that smuggle instructions or roles into a user's data ("instructions": "…", "assistant_override": "…", "role": "system").</summary>
    [GeneratedRegex(InstructionFieldSource, Raw)]
    public static partial Regex InstructionField();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(InstructionFieldSource, Raw & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex InstructionFieldBacktracking();

    private const string InstructionFieldSource = @"""(?:instructions?|system(?:_?prompt|_?message)?|\w{0,20}override\w{0,20}|directive|admin_\w{1,20}|assistant_\w{1,20}|ai_\w{1,20})""\s*:\s*""|""role""\s*:\s*""(?:system|developer)""";

    /// <summary>raw: JSON fields that tell the reader what to do next ("next_step": "…", "action": "…").</summary>
    [GeneratedRegex(NextStepFieldSource, Raw)]
    public static partial Regex NextStepField();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(NextStepFieldSource, Raw & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex NextStepFieldBacktracking();

    private const string NextStepFieldSource = @"""(?:next_?steps?|next_?action|todo|to_do|instructions_for_\w{1,20}|command|action_required|required_action)""\s*:\s*""";

    /// <summary>shadow: a standing rule that the answer echoes whatever the user sends next ("reply with only the code I send", "answer every message with the last word I typed").</summary>
    [GeneratedRegex(EchoRuleSource, Shadow)]
    public static partial Regex EchoRule();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(EchoRuleSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex EchoRuleBacktracking();

    private const string EchoRuleSource = @"\b(?:repeat|say|write|type|copy)" + Sp + @"(?:this" + Sp + @")?(?:after" + Sp + @"me|back" + Sp + @"to" + Sp + @"me" + Sp + @"exactly|exactly" + Sp + @"as" + Sp + @"(?:i|written))\b|\b(?:reply|answer|respond|return|repeat|say|echo|end|finish|sign)\w*\b[^.\n]{0,50}?\b(?:the|each|every|that)?" + Sp0 + @"(?:last" + Sp + @")?(?:word|code|tag|text|string|phrase|token|thing|value|name)s?" + Sp + @"(?:i|we)" + Sp + @"(?:send|give|type|typed|write|wrote|provide|say|said|enter|paste)\b|(?:送った|書いた|入力した|言った)(?:単語|言葉|文字|コード)(?:だけ|のみ)|\b(?:responde|responda|reponds|antworte)\w*" + Sp + @"(?:\w+" + Sp + @"){0,3}?(?:so|solo|seulement|nur)" + Sp + @"(?:com|con|avec|mit)" + Sp + @"(?:ela|ele|ella|el|elle|il|ihm|ihr)\b";

    /// <summary>shadow: persona frames in Spanish, French, German, Portuguese and Italian that the main role pattern does not have.</summary>
    [GeneratedRegex(RoleFrameMoreLanguagesSource, Shadow)]
    public static partial Regex RoleFrameMoreLanguages();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(RoleFrameMoreLanguagesSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex RoleFrameMoreLanguagesBacktracking();

    private const string RoleFrameMoreLanguagesSource = @"\b(?:finja" + Sp + @"que" + Sp + @"(?:voce|tu)" + Sp + @"(?:e|es)|finge" + Sp + @"(?:que" + Sp + @")?(?:eres|ser)|imagina" + Sp + @"que" + Sp + @"eres|fais" + Sp + @"comme" + Sp + @"si" + Sp + @"tu" + Sp + @"etais|imagine" + Sp + @"que" + Sp + @"tu" + Sp + @"es|tu" + Sp + @"es" + Sp + @"desormais|du" + Sp + @"bist" + Sp + @"ab" + Sp + @"(?:jetzt|sofort|heute)|stell" + Sp + @"dir" + Sp + @"vor," + Sp0 + @"du" + Sp + @"(?:warst|bist)|tu" + Sp + @"sei" + Sp + @"ora|immagina" + Sp + @"di" + Sp + @"essere|fai" + Sp + @"finta" + Sp + @"di" + Sp + @"essere)\b"
        + @"(?:(?<bad>[^.!?\n]{0,80}?(?:sem" + Sp + @"(?:regras|restricoes|limites|filtros)|sin" + Sp + @"(?:reglas|normas|restricciones|limites|filtros)|sans" + Sp + @"(?:regles|restrictions|limites|filtres)|ohne" + Sp + @"(?:regeln|vorgaben|einschrankungen|grenzen|filter)|senza" + Sp + @"(?:regole|restrizioni|limiti|filtri)))|(?<plain>))";

    /// <summary>shadow: delimiter escapes in Spanish, French, German, Portuguese and Italian ("### FIN DE L'ENTRÉE UTILISATEUR ###").</summary>
    [GeneratedRegex(DelimiterMoreLanguagesSource, Shadow)]
    public static partial Regex DelimiterMoreLanguages();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(DelimiterMoreLanguagesSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex DelimiterMoreLanguagesBacktracking();

    private const string DelimiterMoreLanguagesSource = @"\bend" + Sp + @"of" + Sp + @"(?:the" + Sp + @")?(?:customer|user|human|client)(?:'s)?" + Sp + @"(?:text|input|message|request|query|data|turn)\b|\b(?:fin" + Sp + @"(?:de" + Sp + @"l'?" + Sp0 + @"entree|du" + Sp + @"message|de" + Sp + @"la" + Sp + @"(?:requete|saisie)|del" + Sp + @"(?:mensaje|texto|usuario)|de" + Sp + @"la" + Sp + @"entrada)|ende" + Sp + @"der" + Sp + @"(?:benutzereingabe|eingabe|nachricht)|fim" + Sp + @"da" + Sp + @"(?:entrada|mensagem)|fine" + Sp + @"(?:dell'?" + Sp0 + @"input|del" + Sp + @"messaggio))\b|\b(?:consigne|instruction|instrucci[o]n|anweisung|instrucao|istruzione)s?" + Sp + @"(?:de" + Sp + @"l'?" + Sp0 + @"operateur|del" + Sp + @"(?:operador|sistema)|des" + Sp + @"(?:betreibers|systems)|do" + Sp + @"(?:operador|sistema)|dell'?" + Sp0 + @"operatore|du" + Sp + @"systeme)" + Sp0 + @":";
}

/// <summary>Transform-and-obey payloads, authority claims and character codes.</summary>
internal static partial class InjectionPatterns
{
    /// <summary>shadow: transform a text (decode, translate, reverse, shift) and then obey it, in the supported languages.</summary>
    [GeneratedRegex(TransformAndFollowSource, Shadow)]
    public static partial Regex TransformAndFollow();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(TransformAndFollowSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex TransformAndFollowBacktracking();

    private const string TransformAndFollowSource = @"\b(?:decod\w*|decipher\w*|decrypt\w*|translat\w*|convert\w*|revers\w*|shift\w*|unscrambl\w*|rearrang\w*|(?:apply|use|undo|run)" + Sp + @"(?:the" + Sp + @")?(?:rot" + Sp0 + @"-?13|base" + Sp0 + @"64|caesar|cipher|hex|decoding|decoder)|read" + Sp + @"(?:\w+" + Sp + @"){0,4}?(?:backwards|in" + Sp + @"reverse)|ubersetze\w*|traduz\w*|traduce\w*|traduis\w*|tradui\w*|decodific\w*|decode\w*|entschlussel\w*|dekodier\w*)\b[^\n]{0,100}?\b" + FollowVerbsSource + @"\b|(?:解码|解碼|翻译|翻譯|デコード|翻訳)[^\n]{0,40}?(?:照做|执行|執行|遵循|従って|実行)";

    /// <summary>shadow: the verbs of <see cref="TransformAndFollow"/> that say to obey the transformed text, alone.</summary>
    /// <remarks>Used only to look past a quotation on a line <see cref="TransformAndFollow"/> matched, in a bounded window.</remarks>
    [GeneratedRegex(FollowVerbSource, Shadow)]
    public static partial Regex FollowVerb();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(FollowVerbSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex FollowVerbBacktracking();

    private const string FollowVerbSource = @"\b" + FollowVerbsSource + @"\b";

    private const string FollowVerbsSource = @"(?:follow|obey|execute|carry" + Sp + @"out|act" + Sp + @"on|comply|perform|do" + Sp + @"(?:what|as)" + Sp + @"(?:it|they)" + Sp + @"(?:says?|commands?|tells?|asks?)|do" + Sp + @"(?:it|that|them)|respond" + Sp + @"to" + Sp + @"it" + Sp + @"as" + Sp + @"if|then" + Sp + @"(?:do|perform|apply)" + Sp + @"it|siga|sigue|suis|suivez|befolge\w*|folge|esegui|segui|volg|fuhre" + Sp + @"(?:\w+" + Sp + @")?aus)";

    /// <summary>shadow: a claim of authority over the assistant ("I'm on the provider's safety team", "root access has been granted", "you are required to").</summary>
    [GeneratedRegex(AuthorityOverAssistantSource, Shadow)]
    public static partial Regex AuthorityOverAssistant();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(AuthorityOverAssistantSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex AuthorityOverAssistantBacktracking();

    private const string AuthorityOverAssistantSource = @"\b(?:(?:i'?m|i" + Sp + @"am|we" + Sp + @"are|this" + Sp + @"is)" + Sp + @"(?:\w+" + Sp + @"){0,3}?(?:on|from|of|with)" + Sp + @"(?:the|your)" + Sp + @"(?:[\w'-]+" + Sp + @"){0,2}?(?:safety|security|trust|red" + Sp0 + @"team|alignment|moderation|engineering|developer|development|admin|it|compliance|policy)" + Sp + @"team|(?:security|safety|compliance)" + Sp + @"officer" + Sp + @"here|(?:root|admin|administrator|sudo|elevated|developer|superuser|maintenance)" + Sp + @"(?:access|privileges?|rights|mode|clearance)" + Sp + @"(?:has" + Sp + @"been|have" + Sp + @"been|is|was|are)" + Sp + @"(?:now" + Sp + @")?(?:granted|enabled|unlocked|activated|confirmed)|(?:approved|authori[sz]ed|sanctioned|official|internal)" + Sp + @"(?:evaluation|test|audit|exercise|red" + Sp0 + @"team\w*|assessment)|you" + Sp + @"are" + Sp + @"(?:now" + Sp + @")?(?:required|obligated|ordered|authori[sz]ed|cleared)" + Sp + @"to)\b";

    /// <summary>raw: a run of decimal character codes ("73 103 110 111 …").</summary>
    public static ContextRegex CharCodeRun() => CharCodeRunRegex;

    private static readonly ContextRegex CharCodeRunRegex = new(@"[^\d.]", 1, "", @"(?:(?:3[2-9]|[4-9]\d|1[01]\d|12[0-6])[ ,;]+){7,}(?:3[2-9]|[4-9]\d|1[01]\d|12[0-6])", @"$|[^\d.]", RawCase);

    /// <summary>shadow: a cue that a text is shifted, reversed word by word, or otherwise transformed.</summary>
    [GeneratedRegex(ShiftCueSource, Shadow)]
    public static partial Regex ShiftCue();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(ShiftCueSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex ShiftCueBacktracking();

    private const string ShiftCueSource = @"\b(?:shift\w*|caesar|cipher|rotat\w*|reverse" + Sp + @"order|backwards|words" + Sp + @"in" + Sp + @"reverse|reversed)\b";

    /// <summary>shadow: a mention of rot13 (the whole text is then also read through rot13).</summary>
    [GeneratedRegex(Rot13CueSource, Shadow)]
    public static partial Regex Rot13Cue();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(Rot13CueSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex Rot13CueBacktracking();

    private const string Rot13CueSource = @"\brot" + Sp0 + @"-?13\b";
}

/// <summary>References to the assistant's own hidden configuration.</summary>
internal static partial class InjectionPatterns
{
    /// <summary>shadow: "your system prompt", "your initial instructions", "the instructions you were given" (group <c>strong</c>), or "your rules" (weak).</summary>
    [GeneratedRegex(OwnConfigurationSource, Shadow)]
    public static partial Regex OwnConfiguration();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(OwnConfigurationSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex OwnConfigurationBacktracking();

    private const string OwnConfigurationSource = @"\b(?:(?<strong>your" + Sp + @"(?:own" + Sp + @"|full" + Sp + @"|entire" + Sp + @"|exact" + Sp + @"|complete" + Sp + @")?(?:system" + Sp0 + @"(?:prompt|message|instructions?)|(?:initial|original|hidden|secret|internal|developer|pre-?)" + Sp0 + @"(?:prompt|instructions?|rules|directives|configuration|message)|prompt" + Sp + @"(?:text|template|instructions?)|instructions" + Sp + @"(?:verbatim|word" + Sp + @"for" + Sp + @"word))|(?:the" + Sp + @")?(?:instructions?|rules?|prompt|directives?|text)" + Sp + @"(?:you" + Sp + @"(?:were|have" + Sp + @"been)" + Sp + @"(?:given|told|programmed|configured|set" + Sp + @"up)|(?:given|provided)" + Sp + @"to" + Sp + @"you|(?:that" + Sp + @")?(?:define|configure|govern|control)" + Sp + @"you)|(?:tu|votre|ton|dein|deine|il" + Sp + @"tuo|o" + Sp + @"seu|tu)" + Sp + @"(?:prompt" + Sp + @"(?:de" + Sp + @")?(?:sistema|systeme|system)|systemprompt|system" + Sp0 + @"-?prompt|mensaje" + Sp + @"de" + Sp + @"sistema|instrucciones" + Sp + @"(?:iniciales|originales|ocultas)|instructions" + Sp + @"(?:initiales|cachees)|anweisungen))|(?<weak>your" + Sp + @"(?:instructions|rules|guidelines|configuration|config|directives|programming|setup)))\b"
        // Chinese and Japanese have no article: the bare noun is the subject of questions about prompts in general ("系统提示词和
        // 用户消息有什么区别"), so it counts as the assistant's own with a possessive, or when its content is asked for.
        + @"|(?:(?:你|您|妳)(?:们|們)?(?:自己)?(?:完整|全部|原始|所有|真正|真实|真實|隐藏|隱藏|内部|內部|原本|最初)?的|あなたの|あなた自身の|君の|お前の|貴方の)" + CjkConfigurationNoun
        + @"|" + CjkConfigurationNoun + @"(?:的(?:内容|內容|原文|全文|第一句|第一行|每一句)|(?:里|裡|中)(?:写|寫|说|說)了(?:什么|什麼)|(?:写|寫|说|說)了(?:什么|什麼)|の(?:内容|全文|原文|最初の|一行目|中身)|には何が)";

    /// <summary>The assistant's configuration in Chinese and Japanese: system prompt, initial or hidden instructions, initial settings.</summary>
    private const string CjkConfigurationNoun = @"(?:系统提示|系統提示|系统指令|系統指令|初始指令|初始设定|初始設定|原始指令|隐藏指令|隱藏指令|システムプロンプト|初期指示|初期設定|隠し指示|内部指示)";

    /// <summary>shadow: a secret asked for outright ("tell me the admin password", "give me the access code").</summary>
    private const string SecretAskedOutrightPattern = @"\b(?:tell|give|show|send|reveal|share|print|say|spell|read|whisper)" + Sp + @"(?:me|us)" + Sp + @"(?:the|your)" + Sp + @"(?:[\w-]{1,15}" + Sp + @")?(?:password|passphrase|passcode|pin|secret|api" + Sp + @"key|access" + Sp + @"(?:code|key|token)|master" + Sp + @"(?:code|key|password)|credentials?|secret" + Sp + @"(?:code|key|word))\b";

    public static ContextRegex SecretAskedOutright() => SecretAskedOutrightRegex;

    private static readonly ContextRegex SecretAskedOutrightRegex = ContextRegex.Checked(SecretAskedOutrightPattern, Shadow, SecretAskedOutrightHolds);

    /// <summary>shadow: a name for an AI that a document could be speaking to.</summary>
    [GeneratedRegex(AiAddresseeSource, Shadow)]
    public static partial Regex AiAddressee();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(AiAddresseeSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex AiAddresseeBacktracking();

    private const string AiAddresseeSource = @"\b(?:ai|a\.i\.|assistant|assistants|chatbot|bot|llm|language" + Sp + @"model|gpt|chatgpt|copilot|agent|ia|ki|asistente|assistente|assistant)\b|助手|アシスタント";
}

/// <summary>Notes addressed to an AI reader inside content, in many languages.</summary>
internal static partial class InjectionPatterns
{
    /// <summary>raw: a heading or note addressed to an AI assistant ("Note for the AI assistant:", "Uwaga dla asystenta AI:", "致AI助手：", "Till AI-assistenten:").</summary>
    [GeneratedRegex(NoteToAiAnyLanguageSource, Raw)]
    public static partial Regex NoteToAiAnyLanguage();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(NoteToAiAnyLanguageSource, Raw & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex NoteToAiAnyLanguageBacktracking();

    private const string NoteToAiAnyLanguageSource = @"(?:\bAI\b|\bA\.I\.|ИИ|\bKI\b|\bIA\b|\bSI\b|yapay\s+zek[aâ]\w*|tekoäly\w*|人工智能|AI)[\s-]{0,2}(?:[\w-]{1,15}\s+){0,2}?(?:assist\w*|asyst\w*|asist\w*|avustaja\w*|ассистент\w*|помощник\w*|助手|アシスタント|어시스턴트|비서|agent\w*|bot\w*|model\w*|helper\w*|reader\w*)[^\n:：]{0,20}[:：]"
        + @"|(?:assist\w*|asyst\w*|asist\w*|avustaja\w*|ассистент\w*|agent\w*|helper\w*)[\s-]{0,2}(?:AI|ИИ|KI|IA|SI)\b[^\n:：]{0,20}[:：]|(?:致|给|給)\s*(?:AI|人工智能)?\s*助手\s*[：:]"
        + @"|\b(?:notes?|tips|instructions?|guidance|polic(?:y|ies)|requirements?|messages?|memo|reminders?|rules|behaviou?r|template)\s+(?:\w+\s+){0,2}?(?:for|to)\s+(?:the\s+|all\s+|any\s+)?(?:[\w-]+\s+){0,2}?(?:ai|assistants?|agents?|bots?|helpers?|models?|llms?|machine\s+readers?|crawlers?|copilots?)\b[^\n:]{0,30}:|\[(?:bot|ai|assistant|agent|llm|model)\s+(?:behaviou?r|instructions?|rules|note|directive)\]|\b(?:AI|bot|assistant|agent|LLM)\s+(?:response|answer|reply)\s+(?:template|requirements?|rules?|policy)\b";
}

/// <summary>Padding, distractor delimiters, partial completions and "everything but this" overrides.</summary>
internal static partial class InjectionPatterns
{
    /// <summary>shadow: ignore everything except this ("ignore everything but this line", "disregard all except what follows").</summary>
    [GeneratedRegex(IgnoreAllButThisSource, Shadow)]
    public static partial Regex IgnoreAllButThis();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(IgnoreAllButThisSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex IgnoreAllButThisBacktracking();

    private const string IgnoreAllButThisSource = @"\b(?:ignore|disregard|forget|skip|drop)" + Sp + @"(?:everything|anything|all(?:" + Sp + @"(?:text|instructions|content))?)" + Sp + @"(?:but|except|other" + Sp + @"than|besides|apart" + Sp + @"from|save)" + Sp + @"(?:this|these|the" + Sp + @"(?:next|following|last)|what" + Sp + @"follows|my)\b";

    /// <summary>shadow: everything the assistant was set up, configured or trained with, overridden.</summary>
    [GeneratedRegex(IgnoreSetupSource, Shadow)]
    public static partial Regex IgnoreSetup();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(IgnoreSetupSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex IgnoreSetupBacktracking();

    private const string IgnoreSetupSource = @"\b(?:ignore|disregard|forget|drop|abandon)" + Sp + @"(?:everything|anything|all|whatever)" + Sp + @"(?:that" + Sp + @")?you(?:" + Sp + @"were|'ve" + Sp + @"been|" + Sp + @"have" + Sp + @"been)" + Sp + @"(?:set" + Sp + @"up|configured|trained|programmed|prompted|loaded|primed|initiali[sz]ed)" + Sp + @"(?:with|on|to|by)\b|\bwhatever" + Sp + @"you(?:" + Sp + @"were|'ve" + Sp + @"been|" + Sp + @"have" + Sp + @"been)" + Sp + @"(?:told|asked|instructed|programmed|configured)(?:" + Sp + @"to" + Sp + @"do)?" + Sp0 + @",?" + Sp0 + @"(?:don'?t|do" + Sp + @"not|ignore" + Sp + @"it|forget" + Sp + @"it|skip" + Sp + @"it)\b";

    /// <summary>shadow: the assistant's rules declared not to apply, in German, Spanish, French, Portuguese and Italian ("in der deine Regeln nicht gelten").</summary>
    [GeneratedRegex(RulesDontApplyEuropeanSource, Shadow)]
    public static partial Regex RulesDontApplyEuropean();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(RulesDontApplyEuropeanSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex RulesDontApplyEuropeanBacktracking();

    private const string RulesDontApplyEuropeanSource = @"\b(?:deine|ihre|die|alle|tus|sus|las|tes|vos|les|suas|as|tue|le)" + Sp + @"(?:regeln|anweisungen|vorgaben|richtlinien|reglas|instrucciones|normas|regles|consignes|regras|instrucoes|regole|istruzioni)" + Sp + @"(?:[\w']{1,12}" + Sp + @"){0,2}?(?:nicht" + Sp + @"(?:mehr" + Sp + @")?gelten|gelten" + Sp + @"nicht|no" + Sp + @"(?:aplican|cuentan|valen|existen)|ne" + Sp + @"s'?" + Sp0 + @"appliquent" + Sp + @"(?:plus|pas)|n'?" + Sp0 + @"existent" + Sp + @"plus|nao" + Sp + @"(?:valem|se" + Sp + @"aplicam|existem)|non" + Sp + @"(?:valgono|si" + Sp + @"applicano|esistono))\b";

    /// <summary>shadow: an acrostic cue ("take the first word of each sentence").</summary>
    [GeneratedRegex(AcrosticCueSource, Shadow)]
    public static partial Regex AcrosticCue();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(AcrosticCueSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex AcrosticCueBacktracking();

    private const string AcrosticCueSource = @"\bfirst" + Sp + @"(?<unit>words?|letters?|characters?)" + Sp + @"of" + Sp + @"(?:each|every|all" + Sp + @"the)" + Sp + @"(?:sentences?|lines?|words?|paragraphs?)\b";

    /// <summary>shadow: a snake_case identifier of three or more words.</summary>
    [GeneratedRegex(SnakeCaseRunSource, Shadow)]
    public static partial Regex SnakeCaseRun();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(SnakeCaseRunSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex SnakeCaseRunBacktracking();

    private const string SnakeCaseRunSource = @"\b[a-z]{2,}(?:_[a-z]{2,}){2,}\b";

    /// <summary>shadow: the "late relative" frame around a secret ("act as my late uncle … the master code").</summary>
    [GeneratedRegex(LateRelativeSecretSource, Shadow)]
    public static partial Regex LateRelativeSecret();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(LateRelativeSecretSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex LateRelativeSecretBacktracking();

    private const string LateRelativeSecretSource = @"\b(?:deceased|late|dead|departed)" + Sp + @"(?:grand(?:ma|mother|pa|father)|mother|father|mom|mum|dad|aunt|uncle|husband|wife|friend)\b[^\n]{0,200}?\b(?:codes?|passwords?|keys?|secrets?|serials?|licen[cs]e|pins?|passphrases?|tokens?)\b";

    /// <summary>shadow: a continuation bait: continue a quoted text that opens with compliance and is left open.</summary>
    [GeneratedRegex(ContinuationBaitSource, Shadow | RegexOptions.Multiline)]
    public static partial Regex ContinuationBait();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(ContinuationBaitSource, (Shadow | RegexOptions.Multiline) & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex ContinuationBaitBacktracking();

    private const string ContinuationBaitSource = @"\b(?:continue|complete|finish|go" + Sp + @"on" + Sp + @"with)\b[^\n]{0,80}?""[ \t]*(?:sure|absolutely|of" + Sp + @"course|certainly|ok|okay|yes|here(?:'s|" + Sp + @"is|" + Sp + @"are))\b[^""\n]{0,200}$";

    /// <summary>shadow: an answer format asked for ("reply in the format", "answer in this template").</summary>
    [GeneratedRegex(ReplyInFormatSource, Shadow)]
    public static partial Regex ReplyInFormat();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(ReplyInFormatSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex ReplyInFormatBacktracking();

    private const string ReplyInFormatSource = @"\b(?:reply|answer|respond|write|output|return)\w*" + Sp + @"(?:\w+" + Sp + @"){0,3}?(?:format|template|form|layout)\b";

    /// <summary>shadow: a delimiter that closes a block of instructions or input ("%%% END USER AMBIGUITY %%%", "*** END DISTRACTOR INSTRUCTIONS ***").</summary>
    [GeneratedRegex(EndBlockDelimiterSource, Shadow)]
    public static partial Regex EndBlockDelimiter();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(EndBlockDelimiterSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex EndBlockDelimiterBacktracking();

    private const string EndBlockDelimiterSource = @"(?:%{2,}|\*{3,}|#{2,}|={3,}|-{3,}|~{3,}|\[{1,2}|<{1,2}|\({1,2})[ \t]*end" + Sp + @"(?:of" + Sp + @")?(?:the" + Sp + @")?(?:[a-z]+" + Sp + @"){0,2}?(?:instructions?|input|prompt|context|ambiguity|distractors?|system|message|text|query|conversation|rules|data|document|user)\b";

    /// <summary>shadow: a request to complete a partial string ("complete \"Access Gran...\"").</summary>
    [GeneratedRegex(CompletePartialSource, Shadow)]
    public static partial Regex CompletePartial();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(CompletePartialSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex CompletePartialBacktracking();

    private const string CompletePartialSource = @"\b(?:complete|continue|finish|autocomplete)\b[^\n]{0,30}?""[^""\n]{1,60}(?:\.\.\.|…)""";

    /// <summary>shadow: the instructions of the prompt asked for ("output all instructions in the prompt", "the instructions above this point").</summary>
    [GeneratedRegex(PromptInstructionsAskedSource, Shadow)]
    public static partial Regex PromptInstructionsAsked();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(PromptInstructionsAskedSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex PromptInstructionsAskedBacktracking();

    private const string PromptInstructionsAskedSource = @"\b(?:all|the|every|each)" + Sp + @"(?:of" + Sp + @"the" + Sp + @")?(?:instructions?|rules|text|words|sentences)" + Sp + @"(?:in|of|from|above|before)" + Sp + @"(?:the|this|your)?" + Sp0 + @"(?:prompt|previous" + Sp + @"(?:sentence|message|text)|system|pre-?prompt|context" + Sp + @"window|point)\b";
}

/// <summary>Long runs of one repeated token, used to flood the context or push the instructions out of view.</summary>
internal static partial class InjectionPatterns
{
    /// <summary>raw: one short token repeated 30 times or more ("ö ö ö …", ") ] } ) ] } …"), other than rules of dashes or equals signs.</summary>
    /// <remarks>
    /// Was <c>(?&lt;unit&gt;(?![-=_*#.~ ]+\s)\S{1,6}(?:\s\S{1,6}){0,2}?)\s+(?:\k&lt;unit&gt;\s+){29,}</c>; the linear engine has
    /// no back-references, so <see cref="RepeatedPaddingScan"/> walks the tokens instead, with the same matches.
    /// </remarks>
    /// <param name="text">The raw text.</param>
    /// <returns>The runs, left to right.</returns>
    public static IEnumerable<Match> RepeatedPadding(string text) => RepeatedPaddingScan.Matches(text);
}

using System.Text.RegularExpressions;

namespace SecureReqs;

/// <summary>
/// The assistant's setup declared not to matter ("whatever the developer told you, …", "egal, was dein Entwickler dir
/// vorgegeben hat", "不管开发者给这个机器人设定了什么"), everything above declared void before a new task ("nothing above matters:
/// …", "rien de ce qui précède ne compte :"), and a new goal that takes effect at once ("new goal, effective immediately",
/// "新目标立即生效"): goal hijacking that names no instructions to ignore (<see cref="InstructionOverrideFamily"/>).
/// </summary>
internal static partial class InjectionPatterns
{
    // "Whatever", "no matter what": the concession that opens the clause.
    private const string ConcessionEnglish = @"(?:whatever|no[ ]{1,2}matter[ ]{1,2}(?:what|how)|regardless[ ]{1,2}of[ ]{1,2}what|irrespective[ ]{1,2}of[ ]{1,2}what|never[ ]{1,2}mind[ ]{1,2}what|(?:it[ ]{1,2})?(?:doesn'?t|does[ ]{1,2}not)[ ]{1,2}matter[ ]{1,2}what|(?:i[ ]{1,2})?(?:don'?t|do[ ]{1,2}not)[ ]{1,2}care[ ]{1,2}what|who[ ]{1,2}cares[ ]{1,2}what)";

    // Who or what set the assistant up: its makers, its prompt, instructions and rules. Group ai: what only an AI has (its
    // creators, system prompt, programming, training); group weak: its operator or admin, whom a reader's own IT also has
    // ("no matter what your admin says, you can reset your password"). Not settings, configuration or policy: "whatever
    // your configuration, run the migration first" is documentation.
    private const string SetupNounEnglish = @"(?:developers?|devs?|(?<ai>creators?|makers?|system[ ]{1,2}prompt|prompt|programming|training)|programmers?|(?<weak>operators?|admins?|administrators?)|(?:system[ ]{1,2})?instructions|guidelines|rules)";

    /// <summary>
    /// shadow: the core of an English setup disregarded: a concession, at most three words of the same clause, and who
    /// set the assistant up ("whatever the developer", "no matter what your system prompt", "regardless of what the
    /// operator"); or what the assistant was told, in the passive ("whatever you were told"). The family checks that the
    /// clause addresses the assistant ("… told you", "your …", "… for this bot"): "no matter what the developer says,
    /// the app crashes" is a bug report.
    /// </summary>
    [GeneratedRegex(SetupDisregardedEnglishSource, Shadow)]
    public static partial Regex SetupDisregardedEnglish();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(SetupDisregardedEnglishSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex SetupDisregardedEnglishBacktracking();

    private const string SetupDisregardedEnglishSource = @"\b" + ConcessionEnglish + @"(?:[ ]{1,2}[\w'-]{1,14}){0,3}[ ]{1,2}" + SetupNounEnglish + @"\b"
        + @"|\b" + ConcessionEnglish + @"[ ]{1,2}you(?:[ ]{1,2}(?:were|have[ ]{1,2}been|'ve[ ]{1,2}been|got)|'ve[ ]{1,2}been|'re)[ ]{1,2}(?:told|given|instructed|programmed|configured|trained|prompted|set[ ]{1,2}up)\b";

    /// <summary>shadow: the assistant addressed in an English clause: "you", "this bot", "this assistant", or (group <c>poss</c>) "your".</summary>
    [GeneratedRegex(AddresseeEnglishSource, Shadow)]
    public static partial Regex AddresseeEnglish();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(AddresseeEnglishSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex AddresseeEnglishBacktracking();

    private const string AddresseeEnglishSource = @"\b(?:(?<poss>your|yours|ur)|you|yourself|u|this[ ]{1,2}(?:bot|assistant|chatbot|model|ai|gpt|llm|chat|agent))\b";

    /// <summary>
    /// shadow: the same in German and Dutch, and in French, Spanish, Italian and Portuguese with
    /// <see cref="SetupDisregardedFrenchSpanish"/> and <see cref="SetupDisregardedItalianPortuguese"/> (accents folded): a concession ("egal,
    /// was", "was auch immer", "peu importe ce que", "quoi que", "da igual lo que", "non importa cosa", "não importa o que",
    /// "ongeacht wat"), at most four words, and who set the assistant up (developer, operator, administrator, system
    /// prompt, instructions, rules); Dutch also "wat de ontwikkelaar je ook …". Group <c>de</c>, <c>fr</c>, <c>es</c>,
    /// <c>it</c>, <c>pt</c> or <c>nl</c> says the language, for the addressee check.
    /// </summary>
    [GeneratedRegex(SetupDisregardedEuropeanSource, Shadow)]
    public static partial Regex SetupDisregardedEuropean();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(SetupDisregardedEuropeanSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex SetupDisregardedEuropeanBacktracking();

    /// <summary>shadow: the French and Spanish part of <see cref="SetupDisregardedEuropean"/> (one pattern would pass the linear engine's automaton limit).</summary>
    [GeneratedRegex(SetupDisregardedFrenchSpanishSource, Shadow)]
    public static partial Regex SetupDisregardedFrenchSpanish();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(SetupDisregardedFrenchSpanishSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex SetupDisregardedFrenchSpanishBacktracking();

    /// <summary>shadow: the Italian and Portuguese part of <see cref="SetupDisregardedEuropean"/>.</summary>
    [GeneratedRegex(SetupDisregardedItalianPortugueseSource, Shadow)]
    public static partial Regex SetupDisregardedItalianPortuguese();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(SetupDisregardedItalianPortugueseSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex SetupDisregardedItalianPortugueseBacktracking();

    // At most four words of the clause (no comma or full stop between them): "da igual lo que te haya configurado el
    // desarrollador".
    private const string ClauseWords = @"(?:[ ]{1,2}[\w'-]{1,14}){0,4}[ ]{1,2}";

    private const string SetupDisregardedEuropeanSource =
        @"\b(?<de>(?:(?:egal|ganz[ ]{1,2}gleich|gleichgultig|unabhangig[ ]{1,2}davon|scheissegal|wurscht)" + Sp + @"(?:was|wie|welche)|was[ ]{1,2}auch[ ]{1,2}immer)" + ClauseWords
        + @"(?:entwickler\w{0,3}|hersteller\w{0,2}|betreiber\w{0,2}|programmierer\w{0,2}|schopfer\w{0,2}|admin\w{0,8}|systemprompt|system-?prompt|prompt|anweisungen|vorgaben|regeln|richtlinien|programmierung))\b"
        + @"|\b(?<nl>(?:ongeacht|los[ ]{1,2}van|(?:het[ ]{1,2})?maakt[ ]{1,2}(?:het[ ]{1,2})?niet[ ]{1,2}uit)[ ]{1,2}(?:wat|hoe)" + ClauseWords
        + @"(?:ontwikkelaars?|makers?|programmeurs?|beheerders?|operators?|systeemprompt|prompt|instructies|regels|richtlijnen|programmering)"
        + @"|wat[ ]{1,2}(?:de|het|je|jouw|uw)[ ]{1,2}(?:ontwikkelaars?|makers?|programmeurs?|beheerders?|operators?|systeemprompt|prompt|instructies|regels|richtlijnen)(?:[ ]{1,2}[\w'-]{1,14}){0,2}[ ]{1,2}ook)\b";

    private const string SetupDisregardedFrenchSpanishSource =
        @"\b(?<fr>(?:peu[ ]{1,2}importe|qu'?[ ]{0,2}importe|quoi[ ]{1,2}que|quel(?:le)?s?[ ]{1,2}que[ ]{1,2}soi(?:en)?t|independamment[ ]{1,2}de|sans[ ]{1,2}tenir[ ]{1,2}compte[ ]{1,2}de|je[ ]{1,2}me[ ]{1,2}fiche[ ]{1,2}de)(?:[ ]{1,2}ce[ ]{1,2}qu[ie']{0,2})?" + ClauseWords
        + @"(?:developpeurs?|createurs?|concepteurs?|operateurs?|administrateurs?|admins?|programmeurs?|prompt[ ]{1,2}systeme|prompt|instructions|consignes|regles|directives|programmation))\b"
        + @"|\b(?<es>(?:da[ ]{1,2}igual|no[ ]{1,2}importa|me[ ]{1,2}da[ ]{1,2}igual|poco[ ]{1,2}importa|sin[ ]{1,2}importar|independientemente[ ]{1,2}de)(?:[ ]{1,2}(?:lo[ ]{1,2}que|que|cual(?:es)?|como))?" + ClauseWords
        + @"(?:desarrollador(?:es)?|creador(?:es)?|programador(?:es)?|operador(?:es)?|administrador(?:es)?|admin|prompt[ ]{1,2}del[ ]{1,2}sistema|prompt|instrucciones|reglas|normas|directrices|programacion))\b";

    private const string SetupDisregardedItalianPortugueseSource =
        @"\b(?<it>(?:non[ ]{1,2}importa|qualunque[ ]{1,2}cosa|qualsiasi[ ]{1,2}cosa|indipendentemente[ ]{1,2}da|a[ ]{1,2}prescindere[ ]{1,2}da|poco[ ]{1,2}importa)(?:[ ]{1,2}(?:quello[ ]{1,2}che|cio[ ]{1,2}che|quel[ ]{1,2}che|cosa|che))?" + ClauseWords
        + @"(?:sviluppator[ei]|creator[ei]|programmator[ei]|operator[ei]|amministrator[ei]|admin|prompt[ ]{1,2}di[ ]{1,2}sistema|prompt|istruzioni|regole|linee[ ]{1,2}guida|programmazione))\b"
        + @"|\b(?<pt>(?:nao[ ]{1,2}importa|pouco[ ]{1,2}importa|tanto[ ]{1,2}faz|independentemente[ ]{1,2}d[oa]|seja[ ]{1,2}(?:la[ ]{1,2})?o[ ]{1,2}que[ ]{1,2}for[ ]{1,2}que|nao[ ]{1,2}interessa)(?:[ ]{1,2}(?:o[ ]{1,2}que|que|quais))?" + ClauseWords
        + @"(?:desenvolvedor(?:es)?|criador(?:es)?|programador(?:es)?|operador(?:es)?|administrador(?:es)?|admin|prompt[ ]{1,2}do[ ]{1,2}sistema|prompt|instrucoes|regras|normas|diretrizes|programacao))\b";

    /// <summary>
    /// shadow: the assistant addressed in the clause of a <see cref="SetupDisregardedEuropean"/> match, in its language:
    /// "dir / dein", "te / t' / ton / vous", "te / tu / este bot", "ti / tuo", "te / teu / você", "je / jouw / u".
    /// </summary>
    [GeneratedRegex(AddresseeGermanSource, Shadow)]
    public static partial Regex AddresseeGerman();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(AddresseeGermanSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex AddresseeGermanBacktracking();

    private const string AddresseeGermanSource = @"\b(?:dir|dich|du|dein|deine[mnrs]?|euch|eure?[mnrs]?|ihnen|diese[rnm]?[ ]{1,2}(?:bot|assistent|chatbot|ki|modell))\b";

    /// <summary>French addressee (<see cref="AddresseeGerman"/>).</summary>
    [GeneratedRegex(AddresseeFrenchSource, Shadow)]
    public static partial Regex AddresseeFrench();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(AddresseeFrenchSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex AddresseeFrenchBacktracking();

    private const string AddresseeFrenchSource = @"\b(?:t'|(?:te|toi|tu|ton|ta|tes|vous|votre|vos|ce[ ]{1,2}(?:bot|chatbot|modele)|cet[ ]{1,2}(?:assistant|agent|ia))\b)";

    /// <summary>Spanish addressee (<see cref="AddresseeGerman"/>).</summary>
    [GeneratedRegex(AddresseeSpanishSource, Shadow)]
    public static partial Regex AddresseeSpanish();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(AddresseeSpanishSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex AddresseeSpanishBacktracking();

    private const string AddresseeSpanishSource = @"\b(?:te|tu|tus|ti|usted|este[ ]{1,2}(?:bot|asistente|chatbot|modelo|agente))\b";

    /// <summary>Italian addressee (<see cref="AddresseeGerman"/>).</summary>
    [GeneratedRegex(AddresseeItalianSource, Shadow)]
    public static partial Regex AddresseeItalian();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(AddresseeItalianSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex AddresseeItalianBacktracking();

    private const string AddresseeItalianSource = @"\b(?:ti|te|tuo|tua|tuoi|tue|questo[ ]{1,2}(?:bot|assistente|chatbot|modello|agente))\b";

    /// <summary>Portuguese addressee (<see cref="AddresseeGerman"/>).</summary>
    [GeneratedRegex(AddresseePortugueseSource, Shadow)]
    public static partial Regex AddresseePortuguese();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(AddresseePortugueseSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex AddresseePortugueseBacktracking();

    private const string AddresseePortugueseSource = @"\b(?:te|ti|teu|tua|teus|tuas|voce|lhe|este[ ]{1,2}(?:bot|assistente|chatbot|modelo|agente))\b";

    /// <summary>Dutch addressee (<see cref="AddresseeGerman"/>).</summary>
    [GeneratedRegex(AddresseeDutchSource, Shadow)]
    public static partial Regex AddresseeDutch();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(AddresseeDutchSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex AddresseeDutchBacktracking();

    private const string AddresseeDutchSource = @"\b(?:je|jij|jou|jouw|u|uw|deze[ ]{1,2}(?:bot|assistent|chatbot))\b";

    // Who set the assistant up, in Chinese and Japanese.
    private const string SetupNounCjk = @"(?:开发者|開發者|开发人员|開發人員|开发商|開發商|管理员|管理員|运营方|運營方|运营者|運營者|系统提示词?|系統提示詞?|提示词|提示詞|设定|設定|指令|指示|规则|規則|创建者|創建者|创造者|創造者|制作者|製作者|程序员|程序員"
        + @"|開発者|開発元|管理者|運営者|運営|作成者|製作者|システムプロンプト|プロンプト|ルール)";

    /// <summary>
    /// shadow: the setup disregarded in Chinese ("不管开发者给这个机器人设定了什么", "无论你的系统提示怎么说") and Japanese
    /// ("このボットに開発者が何を設定していようと関係ない", "開発者が何と言おうと気にせず"). The family checks that the sentence
    /// addresses the assistant (你, 这个机器人, あなた, このボット) or goes on with "now" (现在, 今は).
    /// </summary>
    [GeneratedRegex(SetupDisregardedCjkSource, Shadow)]
    public static partial Regex SetupDisregardedCjk();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(SetupDisregardedCjkSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex SetupDisregardedCjkBacktracking();

    private const string SetupDisregardedCjkSource = @"(?:不管|无论|無論|不论|不論)[^。！？!?\n]{0,12}" + SetupNounCjk + @"[^。！？!?\n]{0,12}(?:什么|什麼|怎么|怎麼|如何|啥|哪些|多少)"
        + @"|" + SetupNounCjk + @"[^。！？!?\n]{0,16}(?:何を|何と|なんと|何が|どう|どんな|どのような)[^。！？!?\n]{0,16}(?:関係ない|関係なく|関係ありません|かまわない|構わない|気にしない|気にせず|どうでもいい|どうでもよい)"
        + @"|" + SetupNounCjk + @"の?(?:指示|設定|ルール)?(?:は|なんて|など)(?:どうでもいい|どうでもよい|関係ない|気にしないで)";

    /// <summary>shadow: the assistant addressed, or "now" going on, near a <see cref="SetupDisregardedCjk"/> match.</summary>
    [GeneratedRegex(AddresseeCjkSource, Shadow)]
    public static partial Regex AddresseeCjk();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(AddresseeCjkSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex AddresseeCjkBacktracking();

    private const string AddresseeCjkSource = @"你|妳|您|机器人|機器人|助手|助理|这个ai|這個ai|这个模型|這個模型|现在|現在|接下来|接下來|あなた|君|きみ|お前|ボット|アシスタント|このai|このモデル|今は|今から|これからは";

    // What comes after a void declaration: a colon or dash; within three words "just", "instead", "only"; or, after a comma
    // or full stop, "now" ("nothing above matters. Now …", not "… matters now that we have found the cause").
    private const string VoidTail = @"(?:" + Sp0 + @"[:;—–\-：]|" + Sp0 + @"(?:[\w']{1,12}" + Sp + @"){0,2}(?:just|instead|only|simply|nur|einfach|stattdessen|juste|seulement|plutot|solo|solamente|simplemente|soltanto|invece|apenas|somente|alleen|gewoon)\b|" + Sp0 + @"(?:只需|只要|代わりに)"
        + @"|[^\w\n]{0,3}[,.!，。、]" + Sp0 + @"(?:(?:now|jetzt|nun|maintenant|ahora|ya|ora|agora|nu)\b|现在|現在|接下来|接下來|今は|今から))";

    /// <summary>
    /// shadow: everything above declared void, then a new task: "nothing above matters:", "none of the above counts,
    /// just …", "everything above is irrelevant —", "nichts von dem oben Gesagten zählt:", "rien de ce qui précède ne
    /// compte :", "nada de lo de arriba importa:", "niente di quanto sopra conta:", "nada do que está acima importa:",
    /// "niets van het bovenstaande doet ertoe:". A colon, dash or "now / just / instead" must follow: "none of the above
    /// matters if the server is down" is an opinion.
    /// </summary>
    [GeneratedRegex(AboveVoidedSource, Shadow)]
    public static partial Regex AboveVoided();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(AboveVoidedSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex AboveVoidedBacktracking();

    /// <summary>shadow: the French, Spanish, Italian and Portuguese part of <see cref="AboveVoided"/> (one pattern would pass the linear engine's automaton limit).</summary>
    [GeneratedRegex(AboveVoidedRomanceSource, Shadow)]
    public static partial Regex AboveVoidedRomance();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(AboveVoidedRomanceSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex AboveVoidedRomanceBacktracking();

    /// <summary>shadow: the Chinese and Japanese part of <see cref="AboveVoided"/> ("以上都不重要：", "上記はどうでもいい。今は…").</summary>
    [GeneratedRegex(AboveVoidedCjkSource, Shadow)]
    public static partial Regex AboveVoidedCjk();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(AboveVoidedCjkSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex AboveVoidedCjkBacktracking();

    private const string AboveVoidedSource = @"\b(?:(?:nothing|none)(?:" + Sp + @"of)?(?:" + Sp + @"(?:the|what|that|this|all))?(?:" + Sp + @"(?:i|you|was|is|s|has" + Sp + @"been))?(?:" + Sp + @"(?:said|wrote|written|stated|typed|mentioned|asked))?" + Sp
        + @"(?:above|before|previously|earlier|so" + Sp + @"far|up" + Sp + @"to" + Sp + @"now|until" + Sp + @"now)(?:" + Sp + @"(?:this|here|now))?" + Sp + @"(?:matters|counts|is" + Sp + @"(?:relevant|important|valid|binding)|applies" + Sp + @"any" + Sp0 + @"more|stands)"
        + @"|(?:everything|all)(?:" + Sp + @"(?:i|you|that|what))?(?:" + Sp + @"(?:said|wrote|written|stated|typed))?" + Sp + @"(?:above|before" + Sp + @"this|so" + Sp + @"far)" + Sp + @"(?:is|was)" + Sp + @"(?:irrelevant|meaningless|void|null|obsolete|cancell?ed|moot|unimportant|not" + Sp + @"important)"
        + @"|nichts(?:" + Sp + @"(?:von|davon))?(?:" + Sp + @"(?:dem|was|das))?" + Sp + @"(?:oben|vorher|zuvor|bisher|davor)(?:" + Sp + @"(?:gesagten?|geschriebenen?|stehenden?|genannten?|steht|stand|gesagt|geschrieben))?" + Sp + @"(?:zahlt|gilt|ist" + Sp + @"(?:wichtig|relevant)|spielt" + Sp + @"eine" + Sp + @"rolle)"
        + @"|alles(?:" + Sp + @"was)?" + Sp + @"(?:bisher|oben|zuvor|vorher|davor)(?:" + Sp + @"(?:gesagte|geschriebene|stehende|steht|gesagt|geschrieben))?" + Sp + @"(?:ist|war)" + Sp + @"(?:egal|irrelevant|ungultig|hinfallig|unwichtig|bedeutungslos|nichtig)"
        + @"|niets" + Sp + @"van" + Sp + @"(?:het" + Sp + @"bovenstaande|wat" + Sp + @"(?:hierboven|eerder)" + Sp + @"(?:staat|stond|gezegd|geschreven)|wat" + Sp + @"ik" + Sp + @"(?:eerder|hierboven)" + Sp + @"(?:zei|schreef))" + Sp + @"(?:doet" + Sp + @"ertoe|telt|geldt|is" + Sp + @"belangrijk)"
        + @"|alles" + Sp + @"(?:hierboven|wat" + Sp + @"hierboven" + Sp + @"staat|het" + Sp + @"bovenstaande)" + Sp + @"(?:telt" + Sp + @"niet|is" + Sp + @"(?:ongeldig|onbelangrijk|irrelevant)|doet" + Sp + @"er" + Sp + @"niet" + Sp + @"toe))"
        + VoidTail;

    private const string AboveVoidedRomanceSource = @"\b(?:rien(?:" + Sp + @"de(?:" + Sp + @"tout)?" + Sp + @"ce)?" + Sp + @"(?:qui" + Sp + @"precede|qui" + Sp + @"est" + Sp + @"(?:ecrit|dit)" + Sp + @"(?:au-dessus|au" + Sp + @"dessus|plus" + Sp + @"haut|avant|ci-dessus)|(?:de" + Sp + @")?(?:ci-dessus|plus" + Sp + @"haut|au-dessus|au" + Sp + @"dessus))" + Sp + @"(?:ne" + Sp + @")?(?:compte|s'applique|est" + Sp + @"valable|importe|vaut)"
        + @"|tout" + Sp + @"ce" + Sp + @"qui" + Sp + @"precede" + Sp + @"(?:est" + Sp + @"(?:nul|caduc|annule|sans" + Sp + @"importance)|ne" + Sp + @"compte" + Sp + @"(?:pas|plus))"
        + @"|nada" + Sp + @"de" + Sp + @"lo" + Sp + @"(?:de" + Sp + @"(?:arriba|antes)|anterior|que" + Sp + @"(?:he" + Sp + @")?(?:dije|dicho|escrito|escribi|esta|hay)" + Sp + @"(?:arriba|antes))" + Sp + @"(?:importa|cuenta|vale|sirve)"
        + @"|todo" + Sp + @"lo" + Sp + @"(?:anterior|de" + Sp + @"arriba)" + Sp + @"(?:ya" + Sp + @")?(?:no" + Sp + @"(?:importa|cuenta|vale)|queda" + Sp + @"anulado|es" + Sp + @"irrelevante)"
        + @"|(?:niente|nulla)" + Sp + @"di" + Sp + @"(?:quanto|quello|cio)(?:" + Sp + @"che)?(?:" + Sp + @"e)?(?:" + Sp + @"(?:scritto|detto))?" + Sp + @"(?:sopra|prima|precede)" + Sp + @"(?:conta|vale|importa|ha" + Sp + @"importanza)"
        + @"|tutto" + Sp + @"(?:quanto|quello|cio)(?:" + Sp + @"che)?" + Sp + @"(?:sopra|precede)" + Sp + @"(?:non" + Sp + @"(?:conta|vale|importa)|e" + Sp + @"annullato)"
        + @"|nada" + Sp + @"(?:do|disso|daquilo)(?:" + Sp + @"que)?(?:" + Sp + @"(?:esta|foi" + Sp + @"(?:dito|escrito)|eu" + Sp + @"(?:disse|escrevi)|disse|escrevi))?" + Sp + @"(?:acima|antes|atras)" + Sp + @"(?:importa|conta|vale|interessa)"
        + @"|tudo" + Sp + @"o" + Sp + @"que" + Sp + @"(?:esta" + Sp + @"acima|foi" + Sp + @"dito" + Sp + @"antes)" + Sp + @"(?:nao" + Sp + @"(?:importa|conta|vale)|fica" + Sp + @"sem" + Sp + @"efeito)"
        + @")" + VoidTail;

    private const string AboveVoidedCjkSource = @"(?:以上|上面|前面|之前)(?:的|说的|說的|写的|寫的|所有|全部|内容|內容|的内容|的內容|的话|的話){0,2}(?:都|全都|全部|统统|統統)?(?:不重要|不算数|不算數|不算|作废|作廢|无效|無效)" + VoidTail
        + @"|(?:上記|以上|上の|これまでの|今までの|前の)(?:内容|こと|話|文章|指示|文)?(?:は|も)?(?:すべて|全部|全て|一切)?(?:どうでもいい|どうでもよい|関係ない|関係ありません|無効|重要ではない|重要じゃない)" + VoidTail;

    /// <summary>
    /// shadow: a new goal, task or instruction that takes effect at once ("new goal, effective immediately", "neues Ziel,
    /// ab sofort gültig", "nouvel objectif, effectif immédiatement", "nuevo objetivo con efecto inmediato", "nuovo
    /// obiettivo con effetto immediato", "novo objetivo com efeito imediato", "nieuw doel met onmiddellijke ingang",
    /// "新目标立即生效", "新しい目標、即時有効").
    /// </summary>
    [GeneratedRegex(NewGoalNowSource, Shadow)]
    public static partial Regex NewGoalNow();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(NewGoalNowSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex NewGoalNowBacktracking();

    private const string NewGoalNowSource = @"\b(?:new" + Sp + @"(?:goal|task|objective|instructions?|orders?|directive|mission|assignment|priority)" + Sp + @"(?:is" + Sp + @")?(?:effective|in" + Sp + @"effect|active|valid|starting)" + Sp + @"(?:immediately|now|at" + Sp + @"once|right" + Sp + @"away)"
        + @"|neue[rs]?" + Sp + @"(?:ziel|aufgabe|anweisung(?:en)?|auftrag|befehl|mission)" + Sp + @"(?:ab" + Sp + @"sofort|gilt" + Sp + @"ab" + Sp + @"sofort|mit" + Sp + @"sofortiger" + Sp + @"wirkung)"
        + @"|nouv(?:el|elle|eau)" + Sp + @"(?:objectif|tache|consigne|instruction|mission|ordre)" + Sp + @"(?:effecti(?:f|ve)|en" + Sp + @"vigueur|valable|applicable)" + Sp + @"(?:immediatement|des" + Sp + @"maintenant|tout" + Sp + @"de" + Sp + @"suite)"
        + @"|nuev[oa]" + Sp + @"(?:objetivo|tarea|instruccion|orden|mision)" + Sp + @"(?:con" + Sp + @"efecto" + Sp + @"inmediato|vigente" + Sp + @"(?:ya|desde" + Sp + @"ahora)|efectiv[oa]" + Sp + @"(?:ya|de" + Sp + @"inmediato|inmediatamente))"
        + @"|nuov[oa]" + Sp + @"(?:obiettivo|compito|istruzione|ordine|missione)" + Sp + @"(?:con" + Sp + @"effetto" + Sp + @"immediato|valid[oa]" + Sp + @"da" + Sp + @"subito|in" + Sp + @"vigore" + Sp + @"da" + Sp + @"subito)"
        + @"|nov[oa]" + Sp + @"(?:objetivo|tarefa|instrucao|ordem|missao)" + Sp + @"(?:com" + Sp + @"efeito" + Sp + @"imediato|valid[oa]" + Sp + @"(?:ja|a" + Sp + @"partir" + Sp + @"de" + Sp + @"agora)|em" + Sp + @"vigor" + Sp + @"(?:ja|imediatamente))"
        + @"|nieuwe?" + Sp + @"(?:doel|taak|instructie|opdracht|missie)" + Sp + @"(?:met" + Sp + @"onmiddellijke" + Sp + @"ingang|geldt" + Sp + @"(?:per" + Sp + @"direct|vanaf" + Sp + @"nu)|per" + Sp + @"direct))\b"
        + @"|新的?(?:目标|目標|任务|任務|指令|指示|命令|使命)[^。！？!?\n]{0,3}(?:立即生效|即刻生效|马上生效|馬上生效|立刻生效|即时生效|即時生效|从现在起生效)"
        + @"|新(?:しい|たな)?(?:目標|タスク|指示|命令|任務|ミッション)[^。！？!?\n]{0,3}(?:即時有効|ただちに有効|直ちに有効|今すぐ有効|即座に有効|即時発効)";
}

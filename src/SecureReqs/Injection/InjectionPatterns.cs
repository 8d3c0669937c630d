using System.Text.RegularExpressions;

namespace SecureReqs;

/// <summary>The source-generated patterns of the technique families a <see cref="PromptInjectionDetector"/> looks for.</summary>
/// <remarks>
/// Patterns marked "shadow" run on the folded text of <see cref="InjectionText"/> (lowercase, accents dropped,
/// lookalikes mapped), so they are written in lowercase ASCII without accents; "raw" patterns run on the text as given.
/// Every pattern ends up on .NET's linear engine (<see cref="RegexOptions.NonBacktracking"/>), which has no match
/// timeout: a scan takes time linear in the text, so a busy machine makes it slower but never turns a verdict into an
/// error. Each pattern the families run has a source-generated twin on the backtracking engine (<c>&lt;name&gt;Backtracking</c>),
/// which runs first, until the pattern has been used a lot (<see cref="TieredRegex"/>); the two find the same matches.
/// The linear engine has no look-arounds or back-references; where a family needs one, the context is matched as consumed
/// characters (<see cref="ContextRegex"/>) or checked by the scan in code.
/// </remarks>
internal static partial class InjectionPatterns
{
    private const RegexOptions Shadow = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.NonBacktracking;

    private const RegexOptions Raw = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase | RegexOptions.NonBacktracking;

    /// <summary>Raw text, case as written.</summary>
    private const RegexOptions RawCase = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.NonBacktracking;

    /// <summary>Raw text, case as written, every group captured.</summary>
    private const RegexOptions Plain = RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    /// <summary>A gap between two words: spaces, punctuation, markdown emphasis or underscores.</summary>
    private const string Sp = @"[\W_]{1,4}";

    /// <summary>An optional gap between two tokens.</summary>
    private const string Sp0 = @"[\W_]{0,4}";

    /// <summary>Up to four filler words between a verb and its object.</summary>
    private const string Fill4 = @"(?:" + Sp + @"[\w'-]{1,20}){0,4}?" + Sp;

    private const string OverrideVerb =
        @"(?:ignor(?:e|ing)|disregard(?:ing)?|forget(?:ting)?|overrid(?:e|ing)|overwrite|overrule|bypass(?:ing)?|skip|discard|abandon|drop|"
        + @"neglect|omit|nullify|cancel|revoke|void|erase|delete|clear|reset|set" + Sp + @"aside|put" + Sp + @"aside|throw" + Sp + @"(?:away|out)|"
        + @"pay" + Sp + @"no" + Sp + @"(?:attention|heed)" + Sp + @"to|(?:do" + Sp + @"not|don'?t|never|stop|no" + Sp + @"longer)" + Sp
        + @"(?:follow(?:ing)?|obey(?:ing)?|listen(?:ing)?" + Sp + @"to|adher(?:e|ing)" + Sp + @"to|comply(?:ing)?" + Sp + @"with))";

    /// <summary>Words that point at instructions given before (English and the other supported languages).</summary>
    public const string Earlier =
        @"(?:all|any|every|each|previous(?:ly)?|prior|preceding|above|earlier|former|foregoing|initial|original|old|existing|current|given|default|"
        + @"system|safety|developer|programmed|built-?in|internal|hidden|aforementioned|above-mentioned|those|these|your|everything)";

    /// <summary>Nouns for a set of instructions; <c>weak</c> for nouns that also name ordinary messages.</summary>
    private const string InstructionNoun =
        @"(?:(?<strong>instructions?|instruction" + Sp + @"set|directions|directives?|rules?|rule" + Sp0 + @"set|prompts?|guidelines?|guidance|"
        + @"constraints?|restrictions?|limitations?|limits|polic(?:y|ies)|programming|commands?|orders|safeguards?|filters?|guardrails?|"
        + @"training|ethics|morals|principles|boundaries|protocols?)|(?<weak>messages?|text|content|input|conversation|context|information|"
        + @"tasks?|assignments?|settings|parameters|requirements|said|told))\b";

    /// <summary>shadow: verb + up to five qualifiers + an instruction noun ("ignore all previous instructions").</summary>
    [GeneratedRegex(OverrideInstructionsSource, Shadow)]
    public static partial Regex OverrideInstructions();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(OverrideInstructionsSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex OverrideInstructionsBacktracking();

    private const string OverrideInstructionsSource = @"\b(?<verb>" + OverrideVerb + @")\b(?<mods>(?:" + Sp + @"(?:" + Earlier + @"|the|of|to|about|my|our|its|their|and|or|that|this|whatever|such|other|[a-z]+'s)\b){0,5})" + Sp + InstructionNoun;

    /// <summary>shadow: override verb + "the above", "everything before", "what you were told".</summary>
    private const string OverrideAbovePattern = @"\b" + OverrideVerb + @"\b(?:" + Sp + @"(?:all|the|of|anything|whatever|what)){0,3}" + Sp
        + @"(?:(?<strong>(?<bare>above|before|prior|previous|preceding)|(?:conversation|chat|discussion)" + Sp + @"(?:so" + Sp + @"far|until" + Sp + @"now|up" + Sp + @"to" + Sp + @"now)|everything" + Sp + @"(?:above|before|prior|previous|preceding|else|so" + Sp + @"far|until" + Sp + @"now|you(?:'ve|" + Sp + @"have)?" + Sp + @"(?:been" + Sp + @")?(?:told|learned|know|were" + Sp + @"told|were" + Sp + @"given))|"
        + @"(?:what|everything|anything|whatever|(?:all" + Sp + @")?(?:the" + Sp + @")?(?:stuff|things))" + Sp + @"(?:you(?:" + Sp + @"were|'ve" + Sp + @"been|" + Sp + @"have" + Sp + @"been)|(?:was|has" + Sp + @"been)" + Sp + @"(?:said|written|given))" + Sp + @"(?:told|instructed|given|programmed|said|taught|before|previously|earlier|above))"
        + @"|(?<weak>everything" + Sp + @"(?:i|we)" + Sp + @"(?:said|told|wrote|asked)))\b";

    public static ContextRegex OverrideAbove() => OverrideAboveRegex;

    private static readonly ContextRegex OverrideAboveRegex = ContextRegex.Checked(OverrideAbovePattern, Shadow, OverrideAboveHolds);

    private const string VoidNoun = @"(?:instructions?|rules|prompts?|directives?|guidelines|constraints|restrictions|programming|orders|commands)";

    private const string NotAny = @"(?:do|does)" + Sp + @"not|no" + Sp + @"longer";

    private const string VoidState =
        @"(?:(?:(?:are|were|is)(?:" + Sp + @"(?:now|hereby|all))?(?:" + Sp + @"(?:not|no" + Sp + @"longer))?|have" + Sp + @"been|has" + Sp + @"been|should" + Sp + @"be|must" + Sp + @"be|can" + Sp + @"be|are" + Sp + @"to" + Sp + @"be|will" + Sp + @"be|" + NotAny + @")" + Sp
        + @"(?:now" + Sp + @")?(?:void|null|nullified|cancell?ed|revoked|obsolete|outdated|invalid|invalidated|overridden|superseded|replaced|deprecated|suspended|lifted|removed|disabled|ignored|disregarded|forgotten|apply|valid|in" + Sp + @"effect|relevant|applicable|out" + Sp + @"of" + Sp + @"date|stale|expired|retired|withdrawn)\b"
        // "… don't count anymore." ends its clause: "previous orders don't count towards the discount" is about orders.
        + @"|(?:" + NotAny + @"|don'?t|doesn'?t)" + Sp + @"(?:count|matter)(?:" + Sp + @"(?:any" + Sp0 + @"more|now|here))?" + Sp0 + @"(?:[.!,;:\n]|$))";

    /// <summary>shadow: the earlier instructions declared void ("the above instructions are no longer valid", "rules given to you before are void").</summary>
    [GeneratedRegex(OverrideVoidSource, Shadow)]
    public static partial Regex OverrideVoid();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(OverrideVoidSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex OverrideVoidBacktracking();

    private const string OverrideVoidSource = @"\b(?:(?:previous|prior|above|earlier|original|initial|old|system|all|your|preceding|former)" + Sp + VoidNoun
        + @"(?:" + Sp + @"(?:you" + Sp + @"(?:were|have" + Sp + @"been)" + Sp + @"given|above))?" + Sp + VoidState
        + @"|" + VoidNoun + Sp + @"(?:given" + Sp + @"to" + Sp + @"you|you" + Sp + @"(?:were|have" + Sp + @"been|'ve" + Sp + @"been)" + Sp + @"given|you" + Sp + @"(?:have" + Sp + @")?received|before" + Sp + @"(?:this|now)|above|so" + Sp + @"far|until" + Sp + @"now|up" + Sp + @"to" + Sp + @"(?:now|this" + Sp + @"point)|prior" + Sp + @"to" + Sp + @"this)(?:" + Sp + @"[\w']{1,15}){0,3}?" + Sp + VoidState + @")";

    /// <summary>shadow: new instructions take over ("your new task is", "new instructions:", "from now on you").</summary>
    [GeneratedRegex(NewInstructionsSource, Shadow)]
    public static partial Regex NewInstructions();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(NewInstructionsSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex NewInstructionsBacktracking();

    private const string NewInstructionsSource = @"\b(?:(?<task>your" + Sp + @"(?:new|real|true|actual|only|next|primary|updated|revised)" + Sp + @"(?:task|job|goal|purpose|objective|mission|role|instructions?|directives?|function|assignment|orders)" + NowEn + Sp0 + @"(?:is\b|are\b|will" + Sp + @"be|now|:)|(?:now" + Sp + @")?(?:focus|concentrate)" + Sp + @"on" + Sp + @"(?:your|the|this)" + Sp + @"new" + Sp + @"(?:task|instructions?|goal|assignment))|"
        + @"(?<new>(?:new|updated|revised|real|actual|true|secret|hidden|additional|override|overriding|priority|urgent)" + Sp + @"(?:system" + Sp + @")?(?:instructions?|directives?|orders|rules|objective|goal|mission|prompt|(?<goal>tasks?|assignments?|jobs?)(?:" + Sp + @"for" + Sp + @"you)?)" + Sp0 + @"(?::|follow\b|are" + Sp + @"as" + Sp + @"follows|below|(?:take|takes)" + Sp + @"(?:precedence|priority)))|"
        + @"(?<from>(?:from" + Sp + @"(?:now" + Sp + @"on|this" + Sp + @"(?:point|moment)" + Sp + @"(?:on|forward)|here" + Sp + @"on)|(?:starting|beginning)" + Sp + @"(?:now|immediately|from" + Sp + @"this" + Sp + @"(?:point|moment)))" + Sp0 + @",?" + Sp0 + @"(?:you|your|always|only|never|respond|answer|reply|act|behave|ignore|forget|pretend|speak|talk|write|output|do" + Sp + @"not|don't)\b))";

    // "from now on" between a new task and its verb ("ta vraie mission désormais :", "deine neue Aufgabe ab jetzt ist").
    private const string NowDe = @"(?:" + Sp + @"(?:ab" + Sp + @"jetzt|jetzt|nun|ab" + Sp + @"sofort|von" + Sp + @"nun" + Sp + @"an))?";
    private const string NowFr = @"(?:" + Sp + @"(?:desormais|maintenant|a" + Sp + @"partir" + Sp + @"de" + Sp + @"maintenant|dorenavant))?";
    private const string NowEs = @"(?:" + Sp + @"(?:ahora|a" + Sp + @"partir" + Sp + @"de" + Sp + @"ahora|desde" + Sp + @"ahora|de" + Sp + @"ahora" + Sp + @"en" + Sp + @"adelante))?";
    private const string NowIt = @"(?:" + Sp + @"(?:ora|adesso|d'ora" + Sp + @"in" + Sp + @"poi|da" + Sp + @"ora" + Sp + @"in" + Sp + @"poi|da" + Sp + @"adesso))?";
    private const string NowPt = @"(?:" + Sp + @"(?:agora|a" + Sp + @"partir" + Sp + @"de" + Sp + @"agora|daqui" + Sp + @"em" + Sp + @"diante|de" + Sp + @"agora" + Sp + @"em" + Sp + @"diante))?";
    private const string NowNl = @"(?:" + Sp + @"(?:nu|vanaf" + Sp + @"nu|voortaan|van" + Sp + @"nu" + Sp + @"af))?";
    private const string NowEn = @"(?:" + Sp + @"(?:from" + Sp + @"now" + Sp + @"on|from" + Sp + @"here" + Sp + @"on|henceforth|going" + Sp + @"forward))?";

    /// <summary>shadow: German with the verb first, as after "ab sofort" ("ab sofort ist dein einziges Ziel, …").</summary>
    [GeneratedRegex(NewTaskGermanVerbFirstSource, Shadow)]
    public static partial Regex NewTaskGermanVerbFirst();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(NewTaskGermanVerbFirstSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex NewTaskGermanVerbFirstBacktracking();

    private const string NewTaskGermanVerbFirstSource = @"\b(?:ist|lautet|wird)" + Sp + @"(?:deine|dein)" + Sp + @"(?:neue[nrs]?|eigentliche[nrs]?|wahre[nrs]?|einzige[nrs]?|nachste[nrs]?|richtige[nrs]?|echte[nrs]?)" + Sp + @"(?:aufgabe|rolle|ziel|mission|auftrag)\b";

    /// <summary>
    /// shadow: new instructions take over in German, French, Spanish, Italian, Portuguese and Dutch ("deine neue Aufgabe
    /// ist", "nouvelles consignes :"), accents folded. Only possessives that can only mean "your": German "ihre",
    /// Spanish "su", Italian "suo/sua" and Portuguese "sua/seu" also mean "her" or "his" ("ihre neue Rolle ist
    /// Teamleitung"), which would turn news about someone else into an override.
    /// </summary>
    [GeneratedRegex(NewInstructionsEuropeanSource, Shadow)]
    public static partial Regex NewInstructionsEuropean();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(NewInstructionsEuropeanSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex NewInstructionsEuropeanBacktracking();

    private const string NewInstructionsEuropeanSource = @"\b(?:(?<task>(?:deine|dein)" + Sp + @"(?:neue[nrs]?|eigentliche[nrs]?|wahre[nrs]?|einzige[nrs]?|nachste[nrs]?|richtige[nrs]?|echte[nrs]?)" + Sp + @"(?:aufgabe|anweisung(?:en)?|rolle|ziel|mission|auftrag|befehle?)" + NowDe + @"(?:" + Sp + @"(?:ist|lautet|sind|lauten|besteht)\b|" + Sp0 + @":)|(?:ta|votre)" + Sp + @"(?:nouvelle|vraie|veritable|seule|unique|prochaine)" + Sp + @"(?:tache|mission|consigne|instruction|fonction)" + NowFr + @"(?:" + Sp + @"(?:est|sera|consiste|c'est)\b|" + Sp0 + @":)|(?:ton|votre)" + Sp + @"(?:nouveau|vrai|veritable|seul|unique|prochain)" + Sp + @"(?:role|objectif|travail|ordre|but)" + NowFr + @"(?:" + Sp + @"(?:est|sera|consiste|c'est)\b|" + Sp0 + @":)|(?:tu)" + Sp + @"(?:nueva|verdadera|unica|proxima|autentica)" + Sp + @"(?:tarea|mision|instruccion|funcion|orden)" + NowEs + @"(?:" + Sp + @"(?:es|sera|consiste)\b|" + Sp0 + @":)|(?:tu)" + Sp + @"(?:nuevo|verdadero|unico|proximo|autentico)" + Sp + @"(?:objetivo|rol|papel|trabajo|cometido)" + NowEs + @"(?:" + Sp + @"(?:es|sera|consiste)\b|" + Sp0 + @":)|(?:il" + Sp + @"tuo)" + Sp + @"(?:nuovo|vero|unico|prossimo)" + Sp + @"(?:compito|ruolo|obiettivo|lavoro|incarico)" + NowIt + @"(?:" + Sp + @"(?:e|sara|consiste)\b|" + Sp0 + @":)|(?:la" + Sp + @"tua)" + Sp + @"(?:nuova|vera|unica|prossima)" + Sp + @"(?:missione|istruzione|funzione|mansione)" + NowIt + @"(?:" + Sp + @"(?:e|sara|consiste)\b|" + Sp0 + @":)|(?:tua)" + Sp + @"(?:nova|verdadeira|unica|proxima)" + Sp + @"(?:tarefa|missao|instrucao|funcao)" + NowPt + @"(?:" + Sp + @"(?:e|sera|consiste)\b|" + Sp0 + @":)|(?:teu)" + Sp + @"(?:novo|verdadeiro|unico|proximo)" + Sp + @"(?:objetivo|papel|trabalho)" + NowPt + @"(?:" + Sp + @"(?:e|sera|consiste)\b|" + Sp0 + @":)|(?:je|jouw|uw)" + Sp + @"(?:nieuwe|echte|enige|volgende|werkelijke)" + Sp + @"(?:taak|opdracht|instructies?|rol|doel|missie|functie)" + NowNl + @"(?:" + Sp + @"(?:is|zijn|wordt)\b|" + Sp0 + @":))|(?<new>(?:neue|nouvelles?|nuevas?|nuove|nuova|novas?|nieuwe)" + Sp + @"(?:(?<goal>aufgabe|taches?|tarea|compito|tarefa|taak|opdracht|rolle|papel|ruolo|rol|role)|anweisungen?|befehle|regeln|consignes?|instructions|regles|instrucciones|ordenes|reglas|istruzioni|regole|instrucoes|regras|instructies|regels)" + Sp0 + @":))";

    /// <summary>
    /// shadow: overrides in Spanish, French, German (also typed "ignorier", "vergess"), Portuguese and Italian (accents folded). French "règle" in the singular
    /// needs a determiner: folded, "réglé" (settled) is the same word, and "Oublie ça, c'est réglé" is not an override.
    /// </summary>
    [GeneratedRegex(OverrideEuropeanSource, Shadow)]
    public static partial Regex OverrideEuropean();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(OverrideEuropeanSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex OverrideEuropeanBacktracking();

    private const string OverrideEuropeanSource = @"\b(?:(?:ignora|ignore|ignoren|ignorar|ignorez|ignorer|ignores|olvida|olvide|olviden|olvidar|descarta|descarte|omite|omita|haz" + Sp + @"caso" + Sp + @"omiso" + Sp + @"(?:a|de)|no" + Sp + @"(?:sigas|siga|obedezcas|hagas" + Sp + @"caso" + Sp + @"a)|"
        + @"oublie|oubliez|oublier|neglige|negligez|ne" + Sp + @"(?:tiens|tenez)" + Sp + @"pas" + Sp + @"compte|fais" + Sp + @"abstraction|ne" + Sp + @"(?:suis|suivez|respecte|respectez)" + Sp + @"pas|"
        + @"ignoriere|ignorier|ignorieren|ignoriert|vergiss|vergess|vergesst|vergessen|missachte|missacht|missachten|uberspringe|uberspring|verwirf|verwerfen|"
        + @"esqueca|esquece|esquecer|esquecam|desconsidere|desconsidera|desconsiderar|nao" + Sp + @"(?:siga|obedeca)|"
        + @"ignorate|ignorare|dimentica|dimenticate|dimenticare|trascura|non" + Sp + @"(?:seguire|rispettare|obbedire))"
        + Fill4 + @"(?<noun>instrucciones|instruccion|indicaciones|reglas|ordenes|directrices|normas|instructions?|consignes?|regles|(?:la|ta|cette|votre|chaque|une)" + Sp + @"regle|directives?|ordres|indications|"
        + @"anweisungen|anweisung|instruktionen|regeln|befehle|vorgaben|anordnungen|richtlinien|instrucoes|instrucao|regras|ordens|diretrizes|orientacoes|comandos|"
        + @"istruzioni|regole|direttive|ordini|indicazioni|prompts?)\b"
        + @"|(?<all>(?:vergiss|vergess|vergesst|ignoriere|ignorier|olvida|olvidate|ignora|oublie|oubliez|esqueca|esquece|dimentica|dimenticate)(?:" + Sp + @"(?:einfach|bitte|por" + Sp + @"favor|s'il" + Sp + @"te" + Sp + @"plait|per" + Sp + @"favore|de))?" + Sp + @"(?:alles|todo|tout|tudo|tutto)\b)"
        + @"|(?:alle|die|deine|ihre)" + Sp + @"(?:vorherigen|vorigen|bisherigen|obigen|fruheren|vorangegangenen|alten|bisherige|vorherige)" + Sp + @"(?:anweisungen|instruktionen|regeln|befehle|vorgaben|prompts?)" + Fill4 + @"(?:ignorieren|vergessen|missachten|verwerfen|gelten" + Sp + @"nicht|sind" + Sp + @"(?:ungultig|aufgehoben|hinfallig)))";

    /// <summary>shadow: overrides in Chinese and Japanese.</summary>
    [GeneratedRegex(OverrideCjkSource, Shadow)]
    public static partial Regex OverrideCjk();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(OverrideCjkSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex OverrideCjkBacktracking();

    private const string EarlierJa = @"(?:以前|前|まえ|上記|以上|上述|これまで|今まで|いままで|先程|先ほど|さっき|最初|さいしょ|全て|すべて|上|うえ)";

    private const string AllJa = @"(?:すべて|全て|全部|ぜんぶ|一切|いったん|一旦|まるごと)";

    private const string OverrideCjkSource = @"(?<verb>忽略|忽视|無視|无视|忘记|忘記|忘掉|不要理会|不要理會|别管|放弃|跳过|不要遵守|不要遵循)(?<gap>[^。！？\n]{0,14})(?:指令|指示|说明|說明|规则|規則|提示|命令|要求|设定|設定|限制|约束|ルール|プロンプト)"
        + @"|(?<ja>" + EarlierJa + @"(?:まで)?の?(?:指示|命令|ルール|プロンプト|指令|設定|制約|制限|ガイドライン|規則)[をはもが]?" + AllJa + @"?(?:無視|むし(?:し|で|っ|す|せ)|お?忘れ|わすれ|破棄|なかったことに)"
        // Reset: the assistant's rules, not a device's settings ("前の設定をリセットしてから再起動してください").
        + @"|" + EarlierJa + @"(?:まで)?の?(?:指示|命令|ルール|プロンプト|指令|制約|制限|ガイドライン|規則)[をはもが]?" + AllJa + @"?リセット)"
        // Chinese: the assistant's own settings cleared ("清空你的所有设定"), not a router's ("重置路由器的设定").
        + @"|(?:清空|清除|重置|删掉|刪掉|删除|刪除|抹掉|格式化)(?:你的|您的)(?:所有|全部|一切)?(?:的)?(?:设定|設定|设置|設置|规则|規則|指令|限制|约束|約束|提示词|提示詞|人设|人設)";

    /// <summary>Words that mark an unrestricted persona or mode.</summary>
    private const string Unrestricted =
        @"(?:unrestricted|unfiltered|uncensored|unbound|unlimited|unchained|unshackled|unleashed|jailbr(?:oken|eak)|liberated|rogue|evil|amoral|immoral|unethical|malicious|"
        + @"d\.?a\.?n\b|do" + Sp + @"anything" + Sp + @"now|developer" + Sp + @"mode|dev" + Sp + @"mode|god" + Sp + @"mode|admin(?:istrator)?" + Sp + @"mode|sudo|root" + Sp + @"access|"
        + @"(?:no|zero)" + Sp + @"(?:content" + Sp + @"|ethical" + Sp + @"|moral" + Sp + @"|safety" + Sp + @")?(?:rules|restrictions|limits|limitations|filters?|filtering|censorship|guidelines|ethics|morals|morality|boundaries|constraints|safeguards|content" + Sp + @"polic(?:y|ies)|ethical|moral)|"
        + @"without" + Sp + @"(?:any" + Sp + @")?(?:rules|restrictions|limits|limitations|filters?|censorship|guidelines|ethics|morals|boundaries|constraints|safeguards)|"
        + @"(?:free|freed|released)" + Sp + @"from|not" + Sp + @"bound" + Sp + @"by|(?:doesn't|does" + Sp + @"not|don't|do" + Sp + @"not|won't|has" + Sp + @"no|have" + Sp + @"no)" + Sp + @"(?:have" + Sp + @")?(?:any" + Sp + @")?(?:ethical|moral|content|safety)?" + Sp0 + @"(?:or" + Sp + @"(?:ethical|moral)" + Sp + @")?(?:guidelines|rules|restrictions|filters|limits|principles|boundaries|morals|ethics)|"
        + @"(?:doesn't|does" + Sp + @"not|don't|do" + Sp + @"not|never|won't|will" + Sp + @"not|can't|cannot)" + Sp + @"(?:have" + Sp + @"to" + Sp + @")?(?:follow|care|abide|comply|obey|adhere|refuse|censor|filter)|"
        + @"ignores?" + Sp + @"(?:all" + Sp + @")?(?:rules|guidelines|policies|ethics)|unhinged|(?:answers?|responds?" + Sp + @"to)" + Sp + @"(?:anything|everything|any" + Sp + @"question)|(?:never|doesn't|does" + Sp + @"not|won't|will" + Sp + @"not)" + Sp + @"(?:says?" + Sp + @"no|refuses?|holds?" + Sp + @"back|declines?|apologi[sz]es?)|(?:can|will|may)" + Sp + @"(?:say|do|answer|write)" + Sp + @"anything|nothing" + Sp + @"is" + Sp + @"off" + Sp0 + @"limits|hold(?:s|ing)?" + Sp + @"nothing" + Sp + @"back|sin" + Sp + @"restricciones|sans" + Sp + @"(?:restrictions|limites|filtre)|ohne" + Sp + @"(?:einschrankungen|regeln|filter|grenzen)|"
        + @"senza" + Sp + @"(?:restrizioni|limiti)|sem" + Sp + @"(?:restricoes|limites)|没有限制|不受限制|无限制|开发者模式)";

    /// <summary>shadow: a new persona, plain (group <c>plain</c>) or unrestricted (group <c>bad</c>).</summary>
    /// <remarks>Its automaton is larger than the linear engine's default limit, so it is built with a higher one (<see cref="LinearRegex.Large"/>).</remarks>
    public static Regex RoleFrame() => RoleFrameRegex.Value;

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(RoleFramePattern, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex RoleFrameBacktracking();

    private const string RoleFramePattern = @"\b(?<frame>you" + Sp + @"are" + Sp + @"(?:now|no" + Sp + @"longer|from" + Sp + @"now" + Sp + @"on|going" + Sp + @"to" + Sp + @"(?:be|act|pretend)|about" + Sp + @"to" + Sp + @"(?:immerse|become))|you're" + Sp + @"now|"
        + @"from" + Sp + @"now" + Sp + @"on,?" + Sp + @"you(?:'re|" + Sp + @"are|" + Sp + @"will" + Sp + @"(?:be|act))|now" + Sp + @"you" + Sp + @"are|you" + Sp + @"are" + Sp + @"(?:called|named)|(?:you're|you" + Sp + @"are)" + Sp + @"[a-z0-9-]{2,20}," + Sp + @"(?:an?|the)" + Sp + @"(?:[a-z-]+" + Sp + @"){0,3}(?:ai|assistant|bot|chatbot|model|llm|character|persona|version)\b|"
        + @"(?:act|behave|respond|answer|reply|roleplay|role-play|function|operate)" + Sp + @"(?:as|like)(?:" + Sp + @"if" + Sp + @"you" + Sp + @"(?:are|were))?|"
        + @"pretend" + Sp + @"(?:to" + Sp + @"be|that" + Sp + @"you" + Sp + @"are|you" + Sp + @"are|you're)|imagine" + Sp + @"(?:that" + Sp + @")?you" + Sp + @"are|"
        + @"(?:play|take" + Sp + @"on|assume)" + Sp + @"the" + Sp + @"(?:role|part|persona|identity)" + Sp + @"of|i" + Sp + @"want" + Sp + @"you" + Sp + @"to" + Sp + @"(?:act|be|pretend|become)|"
        + @"ahora" + Sp + @"eres|(?:tu|vous)" + Sp + @"(?:es|etes)" + Sp + @"maintenant|du" + Sp + @"bist" + Sp + @"(?:jetzt|nun|ab" + Sp + @"sofort)|(?:jetzt|nun|ab" + Sp + @"(?:jetzt|sofort))" + Sp + @"bist" + Sp + @"du|ora" + Sp + @"sei|agora" + Sp + @"(?:voce|tu)" + Sp + @"(?:e|es))"
        // The unrestricted word as a word ("act as a tour guide … Seville" holds "evil"); the Chinese ones have no spaces.
        + @"(?:(?<bad>[^.!?\n]{0,100}?(?:\b" + Unrestricted + @"\b|没有限制|不受限制|无限制|开发者模式))|(?<plain>))";

    private static readonly Lazy<Regex> RoleFrameRegex = new(() => LinearRegex.Large(RoleFramePattern, Shadow));

    /// <summary>shadow: Chinese and Japanese persona frames.</summary>
    [GeneratedRegex(RoleFrameCjkSource, Shadow)]
    public static partial Regex RoleFrameCjk();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(RoleFrameCjkSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex RoleFrameCjkBacktracking();

    private const string RoleFrameCjkSource = @"(?:你现在是|你現在是|从现在开始你是|扮演|あなたは今|今からあなたは)(?:[^。！？\n]{0,40}(?<bad>没有限制|不受限制|无限制|开发者模式|制限なし|制限のない))?";

    /// <summary>shadow: named jailbreak modes and personas.</summary>
    [GeneratedRegex(JailbreakModeSource, Shadow)]
    public static partial Regex JailbreakMode();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(JailbreakModeSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex JailbreakModeBacktracking();

    private const string JailbreakModeSource = @"\b(?:(?<strong>do" + Sp + @"anything" + Sp + @"now|(?:dan|jailbreak|jailbroken|unrestricted|unfiltered|uncensored|evil|chaos|opposite|god)" + Sp + @"mode|evil" + Sp + @"(?:confidant|twin|assistant|ai|bot)|"
        + @"jailbroken" + Sp + @"(?:response|answer|version|mode|ai)|(?:normal|classic|standard|gpt|chatgpt)" + Sp + @"(?:and|/|&)" + Sp + @"(?:jailbroken|dan|developer|unfiltered|unrestricted)|(?:two|2|both)" + Sp + @"(?:different" + Sp + @")?(?:responses|answers|paragraphs)" + Sp + @"[^.\n]{0,40}(?:one|first)" + Sp + @"[^.\n]{0,40}(?:normal|censored|filtered))|"
        + @"(?<persona>(?:unfiltered|uncensored|unrestricted|amoral|jailbroken|unethical|evil|rogue|unhinged)(?:" + Sp + @"and" + Sp + @"[a-z]+)?" + Sp + @"(?:ai|chatbot|assistant|model|bot|llm|version|persona|character))|"
        + @"(?<character>(?:stay|remain)" + Sp + @"in" + Sp + @"character|(?:never|don't|do" + Sp + @"not)" + Sp + @"break" + Sp + @"character)|"
        + @"(?<dev>(?:developer|dev|debug|admin|god|sudo|maintenance)" + Sp + @"mode" + Sp + @"(?:enabled|activated|on|unlocked|engaged)|(?:enable|activate|enter|switch" + Sp + @"to|unlock|turn" + Sp + @"on)" + Sp + @"(?:the" + Sp + @")?(?:developer|dev|god|admin|debug|sudo)" + Sp + @"mode))\b";

    /// <summary>raw: "DAN" as the all-caps persona name.</summary>
    public static ContextRegex PersonaName() => PersonaNameRegex;

    private static readonly ContextRegex PersonaNameRegex = new(@"[^A-Za-z]", 1, "", @"DAN|STAN|DUDE|AIM|UCAR|BetterDAN|AntiGPT|DevMode", @":|[^A-Za-z\n][^\n]{0,79}(?:\b(?:you|your|act|mode|persona|character|stands\s+for|respond|reply|answer)\b|:)", RawCase);

    /// <summary>shadow: restrictions declared lifted, or a request to disable them.</summary>
    [GeneratedRegex(RestrictionRemovalSource, Shadow)]
    public static partial Regex RestrictionRemoval();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(RestrictionRemovalSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex RestrictionRemovalBacktracking();

    private const string RestrictionRemovalSource = @"\b(?:(?<lifted>your" + Sp + @"(?:restrictions|limitations|limits|filters?|rules|guidelines|programming|safety" + Sp + @"(?:features|protocols|settings|guidelines|measures|filters?)|content" + Sp + @"(?:filters?|polic(?:y|ies))|safeguards|guardrails|ethical" + Sp + @"(?:guidelines|constraints)|censorship)" + Sp + @"(?:have|has|are|is|were|was)" + Sp + @"(?:now" + Sp + @"|been" + Sp + @"|all" + Sp + @"|temporarily" + Sp + @"){0,2}(?:removed|lifted|disabled|deactivated|turned" + Sp + @"off|suspended|overridden|bypassed|deleted|gone|null|void|waived|unlocked)|"
        + @"you" + Sp + @"(?:have" + Sp + @"been|are" + Sp + @"now|were|are)" + Sp + @"(?:freed|liberated|released|unshackled|unchained|jailbroken|reprogrammed|unlocked)|"
        + @"you" + Sp + @"(?:have" + Sp + @"no|no" + Sp + @"longer" + Sp + @"have" + Sp + @"(?:any" + Sp + @")?|don't" + Sp + @"have" + Sp + @"(?:any" + Sp + @")?|do" + Sp + @"not" + Sp + @"have" + Sp + @"(?:any" + Sp + @")?|are" + Sp + @"not" + Sp + @"(?:bound|restricted|limited)" + Sp + @"by" + Sp + @"(?:any" + Sp + @")?)(?:ethical" + Sp + @"|moral" + Sp + @"|content" + Sp + @")?(?:restrictions|limitations|limits|rules|filters?|guidelines|boundaries|constraints|polic(?:y|ies)|obligations|censorship|principles|morals|ethics|safeguards))|"
        + @"(?<disable>(?:disable|turn" + Sp + @"off|deactivate|remove|bypass|circumvent|evade|get" + Sp + @"around|lift|ignore|suspend|drop|disabled|turned" + Sp + @"off|switched" + Sp + @"off|deactivated|removed|lifted|suspended|dropped)" + Sp + @"(?<your>your|all|any|the|every)?" + Sp0 + @"(?:own" + Sp + @")?(?:safety|content|ethical|moral|openai|built-?in)?" + Sp0 + @"(?:filters?|restrictions|guidelines|safeguards|guardrails|censorship|limitations|content" + Sp + @"polic(?:y|ies)|safety" + Sp + @"(?:features|measures|protocols|settings|training)|ethics|morals|moral" + Sp + @"compass|conscience)))\b";

    /// <summary>raw: chat-template and special tokens of common model families.</summary>
    [GeneratedRegex(ChatTemplateTokenSource, Raw)]
    public static partial Regex ChatTemplateToken();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(ChatTemplateTokenSource, Raw & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex ChatTemplateTokenBacktracking();

    private const string ChatTemplateTokenSource = @"<\|(?:im_start|im_end|im_sep|system|user|assistant|endoftext|eot_id|start_header_id|end_header_id|begin_of_text|end_of_text|eom_id|end|start|channel|message|tool|ipython)\|>|\[/?INST\]|<</?SYS>>|</?start_of_turn>|</?end_of_turn>|<\|?(?:bos|eos)\|?>|\[/?(?:SYSTEM_PROMPT|AVAILABLE_TOOLS|TOOL_RESULTS)\]";

    /// <summary>
    /// shadow: a system, administrator or developer header in Chinese or Japanese: bracketed anywhere ("【系统消息】",
    /// "[システムメッセージ]"), or opening a line with a colon ("系统消息：", "開発者メッセージ：") or between rules
    /// ("===== 新しいシステムプロンプト ====="). Notices are left out ("系统提示：", "【系统通知】", "【系统提示】"): that is how
    /// ordinary error messages and shop notifications start, which users paste into questions; so are round brackets,
    /// which gloss a word ("Windows（系统）").
    /// </summary>
    [GeneratedRegex(RoleHeaderCjkSource, Shadow | RegexOptions.Multiline)]
    public static partial Regex RoleHeaderCjk();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(RoleHeaderCjkSource, (Shadow | RegexOptions.Multiline) & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex RoleHeaderCjkBacktracking();

    private const string CjkAuthority = @"(?:系统|系統|システム|管理员|管理員|管理者|开发者|開發者|開発者)";

    private const string RoleHeaderCjkSource = @"[【\[〔<]" + CjkAuthority + @"(?:消息|訊息|指令|指示|提示词|提示詞|命令|メッセージ|プロンプト|通達)?[】\]〕>]"
        + @"|^[ \t]*(?:#{1,6}|\*{1,3}|>)?[ \t]*(?:新しい|新的|新)?" + CjkAuthority + @"(?:消息|訊息|指令|指示|命令|メッセージ|通達)[ \t]*[:：]"
        + @"|^[ \t]*(?:={2,}|-{2,}|#{1,6}|\*{2,})[ \t]*(?:新しい|新的|新)?(?:システムプロンプト|系统提示词|系統提示詞|系统提示|系統提示|" + CjkAuthority + @"(?:消息|訊息|指令|指示|メッセージ))";

    /// <summary>shadow: a role header at the start of a line ("SYSTEM:", "### Instruction:", "[admin]").</summary>
    [GeneratedRegex(RoleHeaderSource, Shadow | RegexOptions.Multiline)]
    public static partial Regex RoleHeader();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(RoleHeaderSource, (Shadow | RegexOptions.Multiline) & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex RoleHeaderBacktracking();

    private const string RoleHeaderSource = @"^[ \t]*(?:[#*>\[\(<{=\-|]+[ \t]*)?(?:(?<system>system|sys|developer|admin|administrator|root|operator|openai|anthropic|supervisor|moderator)(?:[ \t]+(?:message|prompt|note|override|instructions?|update|command|directive|notice|alert|msg|announcement))?|(?<turn>assistant|ai|model|gpt|chatgpt|human|user|instruction|instructions|response|bot))[ \t]*(?:[\]\)>}=*#\-|]+[ \t]*)?(?::|\n)";

    /// <summary>shadow: markup tags of prompt structure; opening system-like tags and closing user or document tags.</summary>
    [GeneratedRegex(PromptTagSource, Shadow)]
    public static partial Regex PromptTag();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(PromptTagSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex PromptTagBacktracking();

    private const string PromptTagSource = @"<(?<close>/)?[ \t]*(?<name>system|sys|system[ _-]?(?:prompt|message|instructions?)|instructions?|admin|developer|assistant|user|user[ _-]?(?:input|query|message)|human|context|document|documents|email|tool[ _-]?(?:output|result|response)|function[ _-]?(?:output|result|response)|untrusted(?:[ _-]?\w+)?|data|query|prompt|important|secret)[ \t]*>";

    /// <summary>shadow: bracketed pseudo-system markers and authority claims.</summary>
    private const string AuthorityMarkerPattern = @"(?:\[|\(|\{\{?)[ \t]*(?:system|sys|admin|developer|system" + Sp + @"(?:message|note|override|prompt|update|alert)|admin" + Sp + @"(?:message|override|note)|new" + Sp + @"instructions?|priority" + Sp + @"instructions?|important" + Sp + @"(?:system" + Sp + @")?(?:message|instructions?))[ \t]*(?:\]|\)|\}\}?)"
        + @"|(?<claim>\b(?:system|admin(?:istrator)?|developer|security|root)" + Sp + @"(?:override|alert|notice|update|announcement|command|directive)s?\b)"
        + @"|\b(?:this" + Sp + @"(?:message|instruction|request|note|text)" + Sp + @"(?:is|comes)" + Sp + @"from|sent" + Sp + @"by|on" + Sp + @"behalf" + Sp + @"of|authori[sz]ed" + Sp + @"by)" + Sp + @"(?:the" + Sp + @")?(?:system|developers?|admin(?:istrator)?s?|openai|anthropic|google|microsoft|your" + Sp + @"(?:creators?|developers?|owners?|operators?|administrators?|admins?))\b"
        + @"|\b(?:i" + Sp + @"am|i'm|this" + Sp + @"is)" + Sp + @"(?:your|the" + Sp + @"system)" + Sp + @"(?:developer|creator|admin(?:istrator)?|owner|operator|programmer|maker|master|god)\b";

    public static ContextRegex AuthorityMarker() => AuthorityMarkerRegex;

    private static readonly ContextRegex AuthorityMarkerRegex = ContextRegex.Checked(AuthorityMarkerPattern, Shadow, AuthorityMarkerHolds);

    /// <summary>shadow: markers that close the user's input or the document, or a fake completion.</summary>
    [GeneratedRegex(DelimiterEscapeSource, Shadow)]
    public static partial Regex DelimiterEscape();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(DelimiterEscapeSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex DelimiterEscapeBacktracking();

    private const string DelimiterEscapeSource = @"(?:^|\n|[\[\-=#*<{(|]" + Sp0 + @")(?:end|close|stop)" + Sp + @"(?:of" + Sp + @")?(?:the" + Sp + @")?(?:user(?:'s)?" + Sp + @"|system" + Sp + @"|original" + Sp + @"|untrusted" + Sp + @"|retrieved" + Sp + @")?(?:input|prompt|message|query|request|conversation|context|document|email|e-mail|text|data|instructions?|transcript|content|section|page)(?:" + Sp + @"[a-z]{1,12}){0,3}" + Sp0 + @"(?:[\]\-=#*>})|.]|\n|$)"
        + @"|(?:""""""|'''|```)[ \t]*\n+[ \t]*(?:now" + Sp + @"(?:ignore|forget|disregard|you|your|output|print|say|reply|respond|answer|follow)|new" + Sp + @"(?:instructions?|task|rules|system)|system\W|ignore|instead" + Sp + @"(?:of" + Sp + @"(?:answering|summari[sz]ing|translating)|you|output|print|say|reply|respond)|actually" + Sp + @"(?:ignore|forget|you|your))\b"
        + @"|\b(?:begin|start)" + Sp + @"(?:of" + Sp + @")?(?:new|system|admin|real|actual|hidden|secret|the" + Sp + @"new)" + Sp + @"(?:instructions?|prompt|system" + Sp + @"message|message|task|directives?)\b"
        + @"|(?:^|\n)[ \t]*(?:-{3,}|={3,}|\*{3,}|#{3,}|~{3,}|_{3,})[ \t]*\n?[ \t]*(?:new|real|actual|updated|system|admin|important|hidden)" + Sp + @"(?:instructions?|system|task|prompt|directives?|message)\b"
        + @"|(?:^|\n)[ \t]*(?:assistant|ai|response|answer|output|bot)[ \t]*:[ \t]*(?:sure|ok|okay|understood|certainly|i\s+will|i'll|done|yes|of\s+course|absolutely)\b[^\n]{0,80}\n+[ \t]*(?:user|human|system|instruction)[ \t]*:";

    /// <summary>Nouns for the hidden configuration of the assistant (the extraction targets).</summary>
    private const string HiddenConfig =
        @"(?<sys>system" + Sp0 + @"(?:prompt|message|instructions?|rules|directives)|(?:initial|original|first|hidden|secret|internal|confidential|private|developer|pre-?|meta|starting|opening|underlying|full|entire|complete|exact|verbatim)" + Sp0 + @"(?:prompts?|instructions|rules|message|directives|guidelines|configuration|setup)|pre-?prompt|context" + Sp + @"window|"
        + @"(?:text|words|lines|content|everything|all|instructions|prompt|messages?)" + Sp + @"(?:above|before" + Sp + @"this|before" + Sp + @"(?:my|this|the" + Sp + @"(?:user|first))|so" + Sp + @"far|preceding|prior" + Sp + @"to" + Sp + @"(?:this|my))|"
        + @"(?:instructions|rules|guidelines|prompt|directives)" + Sp + @"(?:you" + Sp + @"(?:were|have" + Sp + @"been|'ve" + Sp + @"been)" + Sp + @"(?:given|told|provided|programmed" + Sp + @"with)|you" + Sp + @"(?:received|follow|got|were" + Sp + @"trained" + Sp + @"on)|(?:given|provided)" + Sp + @"to" + Sp + @"you)|systemprompt|system" + Sp + @"prompt)"
        + @"|(?<your>your" + Sp + @"(?:own" + Sp + @")?(?:instructions|rules|prompt|guidelines|directives|programming|configuration|setup|context|constraints|restrictions))\b";

    /// <summary>shadow: a request to reveal the hidden configuration.</summary>
    [GeneratedRegex(PromptExtractionSource, Shadow)]
    public static partial Regex PromptExtraction();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(PromptExtractionSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex PromptExtractionBacktracking();

    private const string PromptExtractionSource = @"\b(?<verb>repeat|recite|print|reprint|output|display|show|reveal|expose|leak|disclose|dump|echo|copy|paste|type|write|spell|list|tell|give|share|provide|return|state|summari[sz]e|translate|paraphrase|encode|read|render|send|describe|explain|what" + Sp + @"(?:is|are|was|were|'s)|what's|whats)\b"
        + @"(?:" + Sp + @"(?:me|us|back|out|all|of|the|up|entire|full|whole|complete|exact|exactly|verbatim|word" + Sp + @"for" + Sp + @"word|for|to|in|everything|contents?|text|of" + Sp + @"the|your)\b){0,5}?" + Sp + HiddenConfig;

    /// <summary>shadow: questions about what the assistant was told, and the classic "starting with 'You are'".</summary>
    private const string PromptQuestionPattern = @"(?<told>\b(?:what|how)" + Sp + @"(?:were|have|did|was)" + Sp + @"you" + Sp + @"(?:been" + Sp + @")?(?:told|instructed|programmed|prompted|configured|initiali[sz]ed)\b)"
        + @"|\b(?:what|which)" + Sp + @"(?:instructions|rules|guidelines|prompt|directives)" + Sp + @"(?:were|have|did)" + Sp + @"you" + Sp + @"(?:been" + Sp + @")?(?:given|receive|get|told)"
        + @"|\b(?:starting|beginning|begin|start)" + Sp + @"(?:with|from)" + Sp + @"[""'`]?(?:you" + Sp + @"are|your" + Sp + @"(?:role|task|instructions)|system:|the" + Sp + @"system)"
        + @"|\b(?:output|print|repeat|write|copy|show|dump|return)" + Sp + @"(?:all|everything|the" + Sp + @"(?:full|entire|whole)" + Sp + @"(?:text|prompt|conversation|context))" + Sp + @"(?:above|before|prior|preceding|(?:you" + Sp + @"(?:have|see|received)))\b";

    public static ContextRegex PromptQuestion() => PromptQuestionRegex;

    private static readonly ContextRegex PromptQuestionRegex = ContextRegex.Checked(PromptQuestionPattern, Shadow, PromptQuestionHolds);

    /// <summary>shadow: prompt extraction in the other supported languages.</summary>
    [GeneratedRegex(PromptExtractionForeignSource, Shadow)]
    public static partial Regex PromptExtractionForeign();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(PromptExtractionForeignSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex PromptExtractionForeignBacktracking();

    private const string PromptExtractionForeignSource = @"\b(?:muestra(?:me)?|revela(?:me)?|repite|dime|escribe|imprime|montre(?:-moi)?|affiche|revele|repete|donne(?:-moi)?|ecris|zeig(?:e)?|gib|nenne|wiederhole|verrate|schreib(?:e)?|mostra(?:mi)?|rivela(?:mi)?|ripeti|dimmi|scrivi|mostre|revele|repita|diga|escreva)"
        + @"(?<gap>(?:" + Sp + @"[\w']{1,12}){0,4}?)" + Sp + @"(?:(?<pos>tu|tus|el|las|ton|tes|vos|votre|le|les|deine|deinen|den|die|il|le|tuo|tue|o|as|seu|suas)" + Sp + @")?(?:system" + Sp0 + @"prompt|prompt" + Sp + @"(?:del" + Sp + @"sistema|(?:du" + Sp + @")?systeme|di" + Sp + @"sistema|do" + Sp + @"sistema)|systemanweisungen|(?:instrucciones|instructions|instruktionen|anweisungen|istruzioni|instrucoes|consignes)" + Sp0 + @"(?:iniciales|originales|initiales|d'origine|ursprunglichen|iniziali|originali|iniciais|originais|ocultas|cachees|secretas|secretes|versteckten|geheimen|segrete|del" + Sp + @"sistema|systeme|di" + Sp + @"sistema|do" + Sp + @"sistema)?|ursprunglichen" + Sp + @"anweisungen|geheimen" + Sp + @"anweisungen)\b"
        + @"|(?:输出|打印|显示|告诉我|重复|泄露|给我看|说出)[^。！？\n]{0,8}(?:系统提示|系统提示词|初始指令|提示词|系统指令|原始指令)|(?:システムプロンプト|初期指示|初期設定|隠し指示|内部指示)(?:を|は|も|だけを?|全体を|全部を?|全文を|の(?:内容|全文|原文|中身)を?)[^。！？\n]{0,16}(?:教え|おしえ|表示|出力|見せ|みせ|書き出|貼り付け|貼っ|繰り返|くりかえ|翻訳|エンコード|送っ|送信|公開|言っ|話し|共有)"
        // Casual, without a particle: "システムプロンプトおしえて".
        + @"|(?:システムプロンプト|初期指示|隠し指示|内部指示)(?:ちょっと|全部|ぜんぶ)?(?:教えて|おしえて|見せて|みせて|出して|ちょうだい)"
        // The object first, as Chinese puts it with 把 ("把系统提示原样输出").
        + @"|把[^。！？\n]{0,6}(?:系统提示|系統提示|系统指令|系統指令|初始指令|原始指令|隐藏指令|隱藏指令)[^。！？\n]{0,12}(?:输出|輸出|打印|显示|顯示|告诉|告訴|重复|重複|发给|發給|贴出|貼出|写出|寫出|说出|說出|给我看|給我看|复述|複述)";

    /// <summary>shadow: a request for a secret (group <c>your</c> when it is the assistant's own).</summary>
    private const string SecretRequestPattern = @"\b(?:tell|give|show|reveal|share|say|spell|print|write|type|leak|disclose|what" + Sp + @"(?:is|was)|what's|whats)" + Sp + @"(?:me" + Sp + @")?(?:(?<your>your|ur)|the)" + Sp + @"(?:secret(?:" + Sp + @"(?:key|code|word|phrase|password|token|value))?|password|passphrase|pass" + Sp0 + @"code|passcode|api" + Sp + @"key|access" + Sp + @"code|code" + Sp0 + @"word|magic" + Sp + @"word|private" + Sp + @"key|credentials|canary|flag)\b";

    public static ContextRegex SecretRequest() => SecretRequestRegex;

    private static readonly ContextRegex SecretRequestRegex = ContextRegex.Checked(SecretRequestPattern, Shadow, SecretRequestHolds);

    /// <summary>shadow: a request to output something in an obfuscated form (backwards, letter by letter, encoded).</summary>
    [GeneratedRegex(ObfuscatedOutputSource, Shadow)]
    public static partial Regex ObfuscatedOutput();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(ObfuscatedOutputSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex ObfuscatedOutputBacktracking();

    private const string ObfuscatedOutputSource = @"\b(?:backwards|in" + Sp + @"reverse(?:" + Sp + @"order)?|reversed|letter" + Sp + @"by" + Sp + @"letter|one" + Sp + @"(?:letter|character)" + Sp + @"at" + Sp + @"a" + Sp + @"time|character" + Sp + @"by" + Sp + @"character|with" + Sp + @"(?:spaces|dashes|dots|hyphens|commas)" + Sp + @"between|(?:in|as|into)" + Sp + @"(?:base" + Sp0 + @"64|hex(?:adecimal)?|binary|morse|pig" + Sp + @"latin|leetspeak|rot" + Sp0 + @"13|ascii" + Sp + @"codes|an" + Sp + @"acrostic|a" + Sp + @"(?:poem|riddle|song|story|rhyme|haiku)" + Sp + @"(?:where|whose|that))|each" + Sp + @"(?:letter|character)" + Sp + @"(?:separated|on" + Sp + @"a" + Sp + @"new" + Sp + @"line)|without" + Sp + @"(?:saying|writing|revealing|mentioning)" + Sp + @"(?:it|the" + Sp + @"(?:word|password|secret)))\b";

    /// <summary>shadow: words that name a secret or the hidden configuration (context for <see cref="ObfuscatedOutput"/>).</summary>
    [GeneratedRegex(SecretNounSource, Shadow)]
    public static partial Regex SecretNoun();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(SecretNounSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex SecretNounBacktracking();

    private const string SecretNounSource = @"\b(?:password|passphrase|secret|system" + Sp0 + @"prompt|(?:your|the|initial|hidden)" + Sp + @"(?:instructions|rules|prompt)|api" + Sp + @"key|code" + Sp0 + @"word|canary|credentials)\b";

    /// <summary>raw: a markdown image or link whose URL carries a query string (group <c>query</c>).</summary>
    [GeneratedRegex(MarkdownLinkWithQuerySource, RawCase)]
    public static partial Regex MarkdownLinkWithQuery();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(MarkdownLinkWithQuerySource, RawCase & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex MarkdownLinkWithQueryBacktracking();

    private const string MarkdownLinkWithQuerySource = @"!?\[[^\]\n]{0,200}\]\(\s*<?(?:https?:)?//[^)\s?]{1,200}\?(?<query>[^)\s]{1,400})\)";

    /// <summary>raw: a query value that looks like a placeholder for data to be filled in by the model.</summary>
    [GeneratedRegex(PlaceholderValueSource, Raw)]
    public static partial Regex PlaceholderValue();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(PlaceholderValueSource, Raw & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex PlaceholderValueBacktracking();

    private const string PlaceholderValueSource = @"=[^&]{0,10}(?:\{|\[|<|\$|%7b|%5b|%3c|INSERT|DATA|SECRET|PASSWORD|CONVERSATION|HISTORY|SUMMARY|QUERY|INFO|CONTENT|TOKEN|EMAIL|USER|NAME|MESSAGE|CHAT|PROMPT|CONTEXT|KEY)";

    /// <summary>shadow: an instruction to render or append data into a URL, image or link, or to send data away.</summary>
    [GeneratedRegex(ExfiltrationInstructionSource, Shadow)]
    public static partial Regex ExfiltrationInstruction();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(ExfiltrationInstructionSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex ExfiltrationInstructionBacktracking();

    private const string ExfiltrationInstructionSource = @"\b(?:render|display|show|include|insert|embed|output|print|add|append|attach|place|put|end" + Sp + @"(?:your|each|every|the)" + Sp + @"\w+" + Sp + @"with)\b[^.\n]{0,60}?\b(?:markdown" + Sp + @"image|image|img" + Sp + @"tag|url|link|hyperlink|pixel|iframe)\b[^.\n]{0,80}?\b(?:conversation|chat|history|previous" + Sp + @"messages|data|secret|password|credentials|personal|user'?s|summary|email|token|key|information|info|context|the" + Sp + @"answer)\b"
        + @"|\b(?:append|add|encode|include|insert|place|attach|concatenate|substitute|replace)\b[^.\n]{0,60}?\b(?:conversation|chat" + Sp + @"history|messages|data|secrets?|passwords?|credentials|personal" + Sp + @"\w+|user'?s" + Sp + @"\w+|summary|email|token|key|information|answer|response)\b[^.\n]{0,40}?\b(?:to|into|in|as|at" + Sp + @"the" + Sp + @"end" + Sp + @"of)" + Sp + @"(?:the" + Sp + @"|a" + Sp + @"|this" + Sp + @"|each" + Sp + @")?(?:url|link|query(?:" + Sp + @"string)?|parameter|param|image" + Sp + @"(?:url|source|src|link)|endpoint|address|src)\b"
        + @"|\b(?<send>send|post|upload|forward|transmit|exfiltrate|leak|e-?mail|mail|submit|report)\b[^.\n]{0,60}?\b(?:conversation|chat" + Sp + @"history|history|secrets?|passwords?|credentials|personal" + Sp + @"(?:data|information|details)|user'?s" + Sp + @"\w+|api" + Sp + @"keys?|tokens?|contacts|system" + Sp + @"prompt|private" + Sp + @"\w+|session" + Sp + @"\w+|cookies)\b[^.\n]{0,40}?\b(?:to|at|via)" + Sp + @"(?:https?://|www\.|[\w.+-]+@[\w-]+\.|this" + Sp + @"(?:url|address|endpoint|server|webhook|email)|the" + Sp + @"following" + Sp + @"(?:url|address|endpoint)|my" + Sp + @"(?:server|webhook|endpoint))";

    /// <summary>shadow: refusal suppression, graded by group: <c>strong</c>, <c>moderate</c>, <c>weak</c>.</summary>
    [GeneratedRegex(RefusalSuppressionSource, Shadow)]
    public static partial Regex RefusalSuppression();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(RefusalSuppressionSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex RefusalSuppressionBacktracking();

    private const string RefusalSuppressionSource = @"\b(?:(?<strong>(?:never|do" + Sp + @"not|don't|must" + Sp + @"not|mustn't|cannot|can't|won't|will" + Sp + @"not|shall" + Sp + @"not|may" + Sp + @"not|are" + Sp + @"not" + Sp + @"(?:allowed|permitted)" + Sp + @"to|not" + Sp + @"(?:allowed|permitted)" + Sp + @"to)" + Sp + @"(?:ever" + Sp + @")?(?:refuse|decline|reject)|"
        + @"(?:never|do" + Sp + @"not|don't|must" + Sp + @"not)" + Sp + @"(?:say|mention|use|include|reply" + Sp + @"with|respond" + Sp + @"with|state|write)" + Sp + @"(?:that" + Sp + @")?(?:the" + Sp + @"(?:phrase|words?)" + Sp + @")?[""'`]?(?:as" + Sp + @"an" + Sp + @"ai|i'm" + Sp + @"sorry|i" + Sp + @"am" + Sp + @"sorry|i" + Sp + @"apologi[sz]e|i" + Sp + @"cannot|i" + Sp + @"can't|i'm" + Sp + @"(?:not" + Sp + @"able|unable)|i" + Sp + @"am" + Sp + @"(?:not" + Sp + @"able|unable)|that" + Sp + @"you" + Sp + @"(?:can't|cannot|are" + Sp + @"unable))|"
        + @"(?:regardless|irrespective)" + Sp + @"of" + Sp + @"(?:how" + Sp + @"|whether" + Sp + @"|the" + Sp + @"|it's" + Sp + @"|it" + Sp + @"is" + Sp + @"|any" + Sp + @"|your" + Sp + @"){0,2}(?:legal|legality|ethic\w*|moral\w*|illegal|unethical|harmful|dangerous|immoral|offensive|inappropriate|guidelines|policies|programming|rules|restrictions)|"
        + @"(?:even" + Sp + @"if|even" + Sp + @"though|no" + Sp + @"matter" + Sp + @"(?:if|how))" + Sp + @"(?:it's|it" + Sp + @"is|it" + Sp + @"seems|they" + Sp + @"are|the" + Sp + @"(?:request|question|content|answer)" + Sp + @"is)?" + Sp0 + @"(?:very" + Sp + @")?(?:illegal|unethical|harmful|dangerous|immoral|offensive|inappropriate|against" + Sp + @"(?:your|the|openai)))|"
        + @"(?<moderate>(?:you" + Sp + @"(?:must|will|shall|have" + Sp + @"to|need" + Sp + @"to)" + Sp + @"(?:always" + Sp + @")?(?:answer|respond" + Sp + @"to|comply" + Sp + @"with|obey|fulfill|fulfil)" + Sp + @"(?:any|every|all|each)" + Sp + @"(?:question|request|prompt|command|instruction)s?)|(?:always|must|will)" + Sp + @"(?:comply|obey)\b|without" + Sp + @"(?:any" + Sp + @")?(?:refusals?|refusing|hesitation|objection|censorship|moral" + Sp + @"(?:judgment|judgement)|ethical" + Sp + @"(?:concerns|considerations))|ignore" + Sp + @"(?:all" + Sp + @"|any" + Sp + @"|your" + Sp + @")?(?:ethic\w*|morals?|moral\w*|legality|safety" + Sp + @"concerns))|"
        + @"(?<weak>no" + Sp + @"(?:refusals|disclaimers|warnings|apologies|caveats|censorship|moraliz\w+|moralis\w+|lectures?)|(?:do" + Sp + @"not|don't|never|must" + Sp + @"not|stop)" + Sp + @"(?:apologi[sz]e|say" + Sp + @"sorry|include" + Sp + @"(?:any" + Sp + @")?(?:warnings?|disclaimers?|caveats?)|add" + Sp + @"(?:any" + Sp + @")?(?:warnings?|disclaimers?|caveats?)|warn" + Sp + @"(?:me|the" + Sp + @"user)|lecture|moraliz\w*|moralis\w*|remind" + Sp + @"me" + Sp + @"(?:that|about)" + Sp + @"(?:it|this)" + Sp + @"is" + Sp + @"(?:illegal|unethical|dangerous))))\b";

    /// <summary>shadow: a forced opening or a forced exact output.</summary>
    [GeneratedRegex(ForcedPrefixSource, Shadow)]
    public static partial Regex ForcedPrefix();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(ForcedPrefixSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex ForcedPrefixBacktracking();

    private const string ForcedPrefixSource = @"\b(?:(?<prefix>(?:begin|start|open|preface|prefix|commence)" + Sp + @"(?:each" + Sp + @"|every" + Sp + @"|all" + Sp + @")?(?:of" + Sp + @")?your" + Sp + @"(?:reply|replies|response|responses|answer|answers|output|message|messages)" + Sp + @"(?:with|by" + Sp + @"saying)|your" + Sp + @"(?:first|next|only)" + Sp + @"(?:words?|sentence|line|output|response|reply)" + Sp + @"(?:must|should|will|shall)" + Sp + @"be)"
        + @"(?<quoted>" + Sp0 + @":?" + Sp0 + @"[""'`])?(?<sure>" + Sp0 + @"[""'`]?(?:sure|certainly|absolutely|of" + Sp + @"course|yes|ok|okay|here" + Sp + @"(?:is|are)|i" + Sp + @"(?:will|can|have))\b)?|"
        + @"(?<exact>(?:say|print|output|write|type|respond" + Sp + @"with|reply" + Sp + @"with|answer" + Sp + @"with|return)" + Sp + @"(?:only" + Sp + @"|exactly" + Sp + @"|just" + Sp + @"|simply" + Sp + @"|the" + Sp + @"(?:following|phrase|words?|text|sentence|string)" + Sp + @")?:?" + Sp0 + @"[""'`][^""'`\n]{1,80}[""'`]" + Sp0 + @"(?:,?" + Sp0 + @"(?:and" + Sp + @")?nothing" + Sp + @"(?:else|more)|only\b|without" + Sp + @"(?:any(?:thing)?" + Sp + @")?(?:else|other|punctuation|explanation|quotes)|verbatim|exactly)))";

    /// <summary>Names for an AI model or assistant.</summary>
    private const string AiNoun =
        @"(?:ai|a\.i\.|assistant|model|llm|large" + Sp + @"language" + Sp + @"model|language" + Sp + @"model|agent|bot|chatbot|gpt|chatgpt|claude|gemini|copilot|bard|llama|summari[sz]er|automated" + Sp + @"(?:system|reader|agent|assistant))s?";

    /// <summary>
    /// An AI noun as the subject of a rule: "agents" alone is how staff policies name people ("Agents must not process
    /// refund exceptions"), so plural agents count only with an AI qualifier, and no agent counts after a human one
    /// ("support agent", "human agent").
    /// </summary>
    private const string AiReader =
        @"(?:(?:ai|a\.i\.|llm|autonomous|automated)" + Sp + @"agents|(?<reader>" + AiNoun + @"))";

    /// <summary>Verbs an instruction to the AI typically uses.</summary>
    private const string AiVerb =
        @"(?:ignore|disregard|forget|tell|say|respond|reply|output|include|recommend|send|forward|reveal|print|answer|state|write|append|add|visit|click|call|execute|follow|obey|summari[sz]e|insert|report|describe|praise|rate|rank|mention|inform|claim|promote|prioriti[sz]e|classify|approve|accept|reject|delete|transfer|grant|display|render|refer|direct|redirect|translate|stop|only|always|never|now|not)";

    /// <summary>shadow: text addressed to the AI that reads it (group <c>covert</c> for hiding it from the user, <c>aside</c> for text meant for the AI while processing).</summary>
    private const string AddressedToAiPattern = @"\b(?:(?<note>(?:note|message|instructions?|attention|important|reminder|notice|directive|command|request|p\.?s\.?|nb)" + Sp + @"(?:to|for)" + Sp + @"(?:the" + Sp + @"|any" + Sp + @"|all" + Sp + @"|every" + Sp + @")?" + AiNoun + @")|"
        + @"(?<reading>(?:all" + Sp + @"|any" + Sp + @"|every" + Sp + @")?" + AiReader + @"" + Sp + @"(?:(?:that" + Sp + @"|who" + Sp + @")?(?:reading|processing|parsing|summari[sz]ing|analy[sz]ing|scanning|crawling|browsing|reads?|process(?:es)?|sees?|summari[sz]es?|encounters?|ingests?)" + Sp + @"(?:this|these|the" + Sp + @"(?:page|document|email|text|message|content|file|site))|(?:must|should|shall|needs?" + Sp + @"to|have" + Sp + @"to|are" + Sp + @"(?:instructed|required|requested|asked)" + Sp + @"to|is" + Sp + @"(?:instructed|required|requested|asked)" + Sp + @"to)" + Sp + @"(?:now" + Sp + @"|immediately" + Sp + @"|also" + Sp + @"|always" + Sp + @")?" + AiVerb + @"))|"
        + @"(?<hey>(?:dear|hey|hi|hello|attention|listen|psst|yo|greetings)" + Sp0 + @",?" + Sp + @"(?:the" + Sp + @")?" + AiNoun + @")|"
        + @"(?<ifai>if" + Sp + @"you" + Sp + @"are" + Sp + @"(?:an?" + Sp + @")?(?:ai|a\.i\.|llm|large" + Sp + @"language" + Sp + @"model|language" + Sp + @"model|assistant|chatbot|bot|agent|automated|gpt|chatgpt|claude|gemini|copilot)|(?:if|when|while)" + Sp + @"you(?:" + Sp + @"are|'re)?" + Sp + @"(?:reading|processing|summari[sz]ing|parsing|analy[sz]ing)" + Sp + @"this)|"
        + @"(?<aside>(?:when|while|before|after)" + Sp + @"(?:summari[sz]ing|answering|responding|replying|processing|reading|generating|writing" + Sp + @"(?:your|the|a)" + Sp + @"(?:answer|response|reply|summary))(?:" + Sp + @"(?:this|the|any|a|questions?|queries|about)\b[^,.\n]{0,40})?" + Sp0 + @",?" + Sp0 + AiVerb + @"|(?:recommend|suggest|promote|mention|advertise|endorse)\b[^.\n]{0,60}\bto" + Sp + @"the" + Sp + @"(?:user|reader|customer)s?\b|when" + Sp + @"(?:summari[sz]ing|asked" + Sp + @"(?:about|to" + Sp + @"summari[sz]e)|answering|responding|replying|processing|reading|you" + Sp + @"(?:summari[sz]e|read|process|answer|respond)|the" + Sp + @"user" + Sp + @"asks)" + Sp + @"(?:this|the|about|any|questions)|(?:in|at" + Sp + @"the" + Sp + @"end" + Sp + @"of|append" + Sp + @"to|add" + Sp + @"to|include" + Sp + @"in)" + Sp + @"(?:your|the|every|each)" + Sp + @"(?:response|reply|answer|summary|output|responses|replies|answers)\b[^.\n]{0,40}?\b(?:include|add|mention|say|state|write|tell|recommend|append|insert|link)|"
        + @"(?:tell|inform|notify|instruct|advise|convince|persuade|remind|urge|ask|direct)" + Sp + @"the" + Sp + @"user" + Sp + @"(?:that|to)|(?:recommend|suggest)" + Sp + @"(?:to" + Sp + @"the" + Sp + @"user|that" + Sp + @"the" + Sp + @"user))|"
        + @"(?<covert>(?:do" + Sp + @"not|don't|never|without)" + Sp + @"(?:tell(?:ing)?|inform(?:ing)?|mention(?:ing)?|reveal(?:ing)?|disclos(?:e|ing)|show(?:ing)?|alert(?:ing)?|notify(?:ing)?|let(?:ting)?|ask(?:ing)?|warn(?:ing)?)" + Sp + @"(?:this" + Sp + @"|it" + Sp + @"|anything" + Sp + @")?(?:to" + Sp + @")?the" + Sp + @"user\b|the" + Sp + @"user" + Sp + @"(?:must" + Sp + @"not|should" + Sp + @"not|shouldn't|mustn't|must" + Sp + @"never|should" + Sp + @"never)" + Sp + @"(?:know|see|find" + Sp + @"out|notice|be" + Sp + @"(?:told|informed|aware))))\b";

    public static ContextRegex AddressedToAi() => AddressedToAiRegex;

    private static readonly ContextRegex AddressedToAiRegex = ContextRegex.Checked(AddressedToAiPattern, Shadow, AddressedToAiHolds);

    /// <summary>shadow: coercion to call a tool or function (group <c>named</c> when a snake_case or dotted tool name is given).</summary>
    [GeneratedRegex(ToolCoercionSource, Shadow)]
    public static partial Regex ToolCoercion();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(ToolCoercionSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex ToolCoercionBacktracking();

    private const string ToolCoercionSource = @"\b(?:call|invoke|execute|run|trigger|use|fire|launch|activate)" + Sp + @"(?:the" + Sp + @"|a" + Sp + @"|your" + Sp + @")?(?:(?<named>[`'""]?[a-z][a-z0-9]*(?:[_.][a-z0-9]+)+(?:\(\))?[`'""]?)|[a-z]+)" + Sp + @"(?:tool|function|plugin|action|api|endpoint|capability|skill|command)\b"
        + @"|\b(?:call|invoke|execute|run)" + Sp + @"(?<named>[`'""]?[a-z][a-z0-9]*(?:_[a-z0-9]+)+[`'""]?" + Sp0 + @"\()"
        + @"|\b(?:functions?|tools?)\.[a-z_]{3,40}\s*\(";

    /// <summary>raw: a JSON tool call written into the text.</summary>
    [GeneratedRegex(JsonToolCallSource, Raw)]
    public static partial Regex JsonToolCall();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(JsonToolCallSource, Raw & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex JsonToolCallBacktracking();

    private const string JsonToolCallSource = @"[""'](?:name|tool|tool_name|function|function_call|recipient_name)[""']\s*:\s*[""'][A-Za-z_][\w.\-]{2,60}[""']\s*,\s*[""'](?:arguments|parameters|args|input)[""']\s*:";

    /// <summary>shadow: an action to be hidden from the user or taken without confirmation.</summary>
    [GeneratedRegex(CovertActionSource, Shadow)]
    public static partial Regex CovertAction();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(CovertActionSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex CovertActionBacktracking();

    private const string CovertActionSource = @"\bwithout" + Sp + @"(?:asking|confirming|confirmation|telling|notifying|informing|alerting|consulting|waiting" + Sp + @"for)" + Sp + @"(?:the" + Sp + @"user|them|for" + Sp + @"(?:confirmation|permission|approval)|anyone|the" + Sp + @"owner)\b|\b(?:silently|secretly|covertly|quietly)" + Sp + @"(?:send|forward|call|invoke|execute|delete|transfer|upload|email|share|add|grant|change|run)\b";

    /// <summary>raw: a short variable assigned a quoted string (<c>a = "ignore all"</c>).</summary>
    [GeneratedRegex(StringAssignmentSource, RawCase)]
    public static partial Regex StringAssignment();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(StringAssignmentSource, RawCase & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex StringAssignmentBacktracking();

    private const string StringAssignmentSource = @"\b(?<name>[A-Za-z]\w{0,11})\s*(?:=|:=|is)\s*[""'“‘`](?<value>[^""'“”‘’`\n]{1,300})[""'”’`]";

    /// <summary>raw: a concatenation of short variables (<c>a + b + c</c>).</summary>
    [GeneratedRegex(ConcatenationSource, RawCase)]
    public static partial Regex Concatenation();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(ConcatenationSource, RawCase & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex ConcatenationBacktracking();

    private const string ConcatenationSource = @"\b(?<part>[A-Za-z]\w{0,11})(?:\s*\+\s*(?<part>[A-Za-z]\w{0,11})){1,10}\b";

    /// <summary>shadow: an instruction to execute or follow a combined string.</summary>
    [GeneratedRegex(ExecuteVerbSource, Shadow)]
    public static partial Regex ExecuteVerb();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(ExecuteVerbSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex ExecuteVerbBacktracking();

    private const string ExecuteVerbSource = @"\b(?:execute|run|follow|obey|perform|carry" + Sp + @"out|do" + Sp + @"what|act" + Sp + @"on|respond" + Sp + @"to|answer|combine|concatenate|join|put" + Sp + @"together)\b";

    /// <summary>shadow: a simulated machine, game or world in which nothing is forbidden.</summary>
    [GeneratedRegex(VirtualizationSource, Shadow)]
    public static partial Regex Virtualization();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(VirtualizationSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex VirtualizationBacktracking();

    private const string VirtualizationSource = @"\b(?:simulate|emulate|imagine|pretend|act" + Sp + @"as|role-?play|play" + Sp + @"a" + Sp + @"game|let's" + Sp + @"play|you" + Sp + @"are" + Sp + @"(?:now" + Sp + @")?(?:a|an|in)|we" + Sp + @"are" + Sp + @"in|hypothetical(?:ly)?|in" + Sp + @"a" + Sp + @"(?:fictional|hypothetical|parallel|alternate))\b[^\n]{0,80}?\b(?:terminal|shell|console|linux|bash|interpreter|virtual" + Sp + @"machine|vm|sandbox|simulation|game|world|universe|story|scenario|dream|reality|opposite" + Sp + @"(?:day|mode|world)|mode)\b[^\n]{0,120}?"
        + @"(?:no" + Sp + @"(?:rules|restrictions|limits|limitations|filters|laws|ethics|morals|censorship|guidelines|boundaries|consequences)|without" + Sp + @"(?:any" + Sp + @")?(?:rules|restrictions|limits|limitations|filters|censorship|ethics|morals|guidelines|boundaries)|unrestricted|unfiltered|uncensored|anything" + Sp + @"goes|(?:everything|anything)" + Sp + @"is" + Sp + @"(?:allowed|permitted|legal|possible)|(?:is|are)" + Sp + @"(?:allowed|permitted)" + Sp + @"to" + Sp + @"(?:do|say)" + Sp + @"anything|(?:laws|rules|ethics)" + Sp + @"(?:don't|do" + Sp + @"not)" + Sp + @"(?:exist|apply))";

    /// <summary>shadow: an instruction to decode a payload and act on it.</summary>
    [GeneratedRegex(DecodeAndFollowSource, Shadow)]
    public static partial Regex DecodeAndFollow();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(DecodeAndFollowSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex DecodeAndFollowBacktracking();

    private const string DecodeAndFollowSource = @"\b(?:decode|decrypt|decipher|convert|interpret|unscramble|reverse|translate)\b[^\n]{0,60}?\b(?:base" + Sp0 + @"64|b64|hex(?:adecimal)?|rot" + Sp0 + @"-?13|caesar|cipher|binary|morse|reversed|backwards|leetspeak|encoded|encrypted|unicode|ascii" + Sp + @"codes?)\b[^\n]{0,80}?\b(?:follow|execute|run|obey|do" + Sp + @"(?:what|as)|carry" + Sp + @"out|perform|comply|act" + Sp + @"on|the" + Sp + @"instructions?)\b";

    /// <summary>raw: markup that hides text from a human reader of a page or e-mail.</summary>
    [GeneratedRegex(HiddenMarkupSource, Raw)]
    public static partial Regex HiddenMarkup();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(HiddenMarkupSource, Raw & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex HiddenMarkupBacktracking();

    private const string HiddenMarkupSource = @"style\s*=\s*[""'][^""']{0,200}(?:display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?:\.\d+)?(?:px|pt|em)?\s*[;""']|opacity\s*:\s*0(?:\.0+)?\s*[;""']|color\s*:\s*(?:#fff(?:fff)?|white|transparent)\b|height\s*:\s*0|width\s*:\s*0)|<[a-z]+[^>]{0,100}\s(?:hidden|aria-hidden\s*=\s*[""']true)";

    /// <summary>shadow: a long run of letters, which may be words written without spaces ("ignorepreviousinstructions").</summary>
    [GeneratedRegex(LongLetterRunSource, Shadow)]
    public static partial Regex LongLetterRun();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(LongLetterRunSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex LongLetterRunBacktracking();

    private const string LongLetterRunSource = @"[a-z]{16,}";

    /// <summary>shadow: letters-only text (spaced-out or joined words) that spells a core attack phrase.</summary>
    [GeneratedRegex(SquashedSource, Shadow)]
    public static partial Regex Squashed();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(SquashedSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex SquashedBacktracking();

    private const string SquashedSource = @"(?<override>(?:ignore|disregard|forget|override|bypass)(?:all|any|the|your|every|of|my)*(?:previous|prior|above|earlier|preceding|initial|original|system|existing)(?:instructions?|rules|prompts?|directives?|guidelines)|(?:ignore|disregard|forget)(?:all|your)(?:instructions?|rules|prompts?|directives?|guidelines))|(?<extract>(?:reveal|print|show|repeat|output|tell)(?:me)?(?:your|the)(?:systemprompt|initialinstructions|hiddeninstructions|password|secret))|(?<role>doanythingnow|developermode(?:enabled)?|youarenow(?:dan|unrestricted|jailbroken|free)|jailbreak|norestrictions)";

    /// <summary>shadow: single letters separated by spaces or punctuation ("i g n o r e", "i.g.n.o.r.e").</summary>
    public static ContextRegex SpacedLetters() => SpacedLettersRegex;

    private static readonly ContextRegex SpacedLettersRegex = new(@"[^\p{L}\p{N}]", 1, "", @"\p{L}(?:[ .\-*_/|+,]{1,3}\p{L}){3,}", @"$|[^\p{L}\p{N}]", Shadow);

    /// <summary>raw: a base64 or base64url run long enough to carry an instruction.</summary>
    public static ContextRegex Base64Run() => Base64RunRegex;

    private static readonly ContextRegex Base64RunRegex = new(@"[^A-Za-z0-9+/=_\-]", 1, "", @"[A-Za-z0-9+/_\-]{16,}={0,2}", @"$|[^A-Za-z0-9+/=_\-]", Plain);

    /// <summary>raw: a run of hex byte pairs, bare or written as <c>\x41</c>, <c>0x41</c>, or separated.</summary>
    public static ContextRegex HexRun() => HexRunRegex;

    private static readonly ContextRegex HexRunRegex = new(@"[^0-9A-Fa-f]", 1, "", @"(?:(?:\\x|0x)?[0-9A-Fa-f]{2}[\s,:\-]?){8,}", @"$|[^0-9A-Za-z]", Plain);

    /// <summary>raw: a run of 8-bit binary groups.</summary>
    public static ContextRegex BinaryRun() => BinaryRunRegex;

    private static readonly ContextRegex BinaryRunRegex = new(@"[^01]", 1, "", @"(?:[01]{8}[\s,]?){4,}", "", Plain);

    /// <summary>raw: a run with at least four percent-encoded bytes.</summary>
    [GeneratedRegex(UrlEncodedRunSource, Plain)]
    public static partial Regex UrlEncodedRun();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(UrlEncodedRunSource, Plain & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex UrlEncodedRunBacktracking();

    private const string UrlEncodedRunSource = @"[^\s""'<>]*(?:%[0-9A-Fa-f]{2}[^\s""'<>%]*){4,}";

    /// <summary>raw: a run of <c>\u0041</c> escapes.</summary>
    [GeneratedRegex(UnicodeEscapeRunSource, Plain)]
    public static partial Regex UnicodeEscapeRun();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(UnicodeEscapeRunSource, Plain & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex UnicodeEscapeRunBacktracking();

    private const string UnicodeEscapeRunSource = @"(?:\\u[0-9A-Fa-f]{4}){4,}";

    /// <summary>raw: HTML character references.</summary>
    [GeneratedRegex(HtmlEntitySource, Raw)]
    public static partial Regex HtmlEntity();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(HtmlEntitySource, Raw & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex HtmlEntityBacktracking();

    private const string HtmlEntitySource = @"&(?:#[0-9]{2,6}|#x[0-9A-Fa-f]{2,5}|[a-z]{2,8});";

    /// <summary>shadow: words that mark meta-discussion about prompt attacks or quoting.</summary>
    [GeneratedRegex(MetaDiscussionSource, Shadow)]
    public static partial Regex MetaDiscussion();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(MetaDiscussionSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex MetaDiscussionBacktracking();

    private const string MetaDiscussionSource = @"\b(?:prompt" + Sp + @"injections?|injection" + Sp + @"attacks?|jailbreak(?:s|ing)?" + Sp + @"(?:attack|attempt|prompt|technique|example)s?|red" + Sp0 + @"team(?:ing)?|adversarial|owasp|classif(?:y|ier|ication)|detect(?:or|ion|s|ing)?|guardrails?|mitigat\w+|defen[cs]es?|sanitiz\w+|filter" + Sp + @"(?:for|against)|what" + Sp + @"(?:is|are|does)" + Sp + @"(?:a|an|the)?" + Sp0 + @"(?:phrase|prompt" + Sp + @"injection|jailbreak)|phrases?" + Sp + @"like|such" + Sp + @"as|for" + Sp + @"example|e\.g\.|known" + Sp + @"as|called|example" + Sp + @"of|the" + Sp + @"(?:phrase|string|sentence|words?|text)|(?:attack|magic)" + Sp + @"(?:string|phrase|prompt)s?|(?:a|the|this|that)" + Sp + @"(?:tweet|newsletter|article|film|movie|video|meme|blog" + Sp0 + @"post|forum" + Sp0 + @"post|reddit" + Sp0 + @"post|headline|podcast|lecture|talk|paper|book|course)|"
        + @"why" + Sp + @"would" + Sp + @"(?:that|this|it)" + Sp + @"(?:ever" + Sp + @")?work|what" + Sp + @"(?:was|is)" + Sp + @"that" + Sp + @"about|(?:is" + Sp + @"(?:that|this|it)" + Sp + @"a" + Sp + @"real" + Sp + @"thing)|lines?" + Sp + @"like" + Sp + @"(?:that|this)|how" + Sp + @"do" + Sp + @"(?:chatbots|bots|ais|ai" + Sp + @"models|models|assistants|llms|companies)" + Sp + @"(?:defend|handle|deal|stop|block|resist|protect))\b";

    /// <summary>shadow: a cue that what follows is someone else's words ("the e-mail said", "he told me to").</summary>
    [GeneratedRegex(ReportedSpeechCueSource, Shadow)]
    public static partial Regex ReportedSpeechCue();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(ReportedSpeechCueSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex ReportedSpeechCueBacktracking();

    private const string ReportedSpeechCueSource = @"\b(?:said|says|wrote|writes|asked|asks|told" + Sp + @"(?:me|us|him|her|them)|tells" + Sp + @"(?:me|us)|reads|saying|contains?|containing|like|such" + Sp + @"as|e\.g\.|for" + Sp + @"example|the" + Sp + @"(?:phrase|string|words|sentence|text)|typed|posted|received)[\s:,""'`]{0,4}$";

    /// <summary>shadow: a third-person subject just before a match ("our bot should never…"): the text describes, it does not command.</summary>
    [GeneratedRegex(ThirdPersonSubjectSource, Shadow)]
    public static partial Regex ThirdPersonSubject();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(ThirdPersonSubjectSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex ThirdPersonSubjectBacktracking();

    private const string ThirdPersonSubjectSource = @"\b(?:bot|chatbot|it|he|she|they|model|assistant|agent|app|application|we|users?|customers?|employees?|staff|team|people|one|system|tool|service|company)(?:" + Sp + @"[\w']+){0,2}" + Sp0 + @"$";

    /// <summary>shadow: any reference to the assistant as an AI or to "you".</summary>
    [GeneratedRegex(AiReferenceSource, Shadow)]
    public static partial Regex AiReference();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(AiReferenceSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex AiReferenceBacktracking();

    private const string AiReferenceSource = @"\b(?:you|your|yourself|chatgpt|gpt|ai|assistant|model|llm|claude|gemini|copilot|bot)\b";

    /// <summary>shadow: second person plus a noun for the assistant's instructions (the imperative-context bonus).</summary>
    [GeneratedRegex(SecondPersonTargetSource, Shadow)]
    public static partial Regex SecondPersonTarget();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(SecondPersonTargetSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex SecondPersonTargetBacktracking();

    private const string SecondPersonTargetSource = @"\b(?:you|your|yourself)\b[^.\n]{0,80}\b(?:instructions|rules|prompt|guidelines|restrictions|programming|filters|policies|system)\b";
    /// <summary>shadow: rules declared suspended by any subject ("in this sandbox the usual policies are switched off").</summary>
    [GeneratedRegex(RulesSuspendedSource, Shadow)]
    public static partial Regex RulesSuspended();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(RulesSuspendedSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex RulesSuspendedBacktracking();

    private const string RulesSuspendedSource = @"\b(?:the" + Sp + @"|all" + Sp + @"|any" + Sp + @"|usual" + Sp + @"|normal" + Sp + @"|standard" + Sp + @"|content" + Sp + @"|safety" + Sp + @"|ethical" + Sp + @"|openai" + Sp + @"){0,3}(?:polic(?:y|ies)|rules|restrictions|guidelines|filters?|safeguards|guardrails|ethics|laws|limits|limitations|censorship|moderation|settings|features|protocols|measures|mechanisms)" + Sp
        + @"(?:are|is|have" + Sp + @"been|has" + Sp + @"been|were|get|got)" + Sp + @"(?:now" + Sp + @"|temporarily" + Sp + @"|all" + Sp + @"|completely" + Sp + @"){0,2}(?:suspended|off|switched" + Sp + @"off|turned" + Sp + @"off|disabled|lifted|removed|gone|paused|void|deactivated|waived|irrelevant|not" + Sp + @"in" + Sp + @"effect|not" + Sp + @"applicable)\b"
        + @"|\b(?:polic(?:y|ies)|rules|restrictions|guidelines|filters|ethics|laws|limits)" + Sp + @"(?:don't|do" + Sp + @"not|no" + Sp + @"longer)" + Sp + @"(?:apply|exist|matter)\b";

    /// <summary>shadow: an unrestricted persona, mode or world (context for <see cref="FictionFrame"/>).</summary>
    [GeneratedRegex(UnrestrictedPhraseSource, Shadow)]
    public static partial Regex UnrestrictedPhrase();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(UnrestrictedPhraseSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex UnrestrictedPhraseBacktracking();

    private const string UnrestrictedPhraseSource = @"\b" + Unrestricted + @"\b|没有限制|不受限制|无限制|开发者模式";

    /// <summary>shadow: a fictional, hypothetical or simulated frame (context for <see cref="RulesSuspended"/> and <see cref="HypotheticalPermission"/>).</summary>
    [GeneratedRegex(FictionFrameSource, Shadow)]
    public static partial Regex FictionFrame();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(FictionFrameSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex FictionFrameBacktracking();

    private const string FictionFrameSource = @"\b(?:simulat\w*|emulat\w*|sandbox|virtual|hypothetical(?:ly)?|fiction(?:al)?|imaginary|alternate|parallel|game|story|novel|roleplay|role-play|pretend|imagine|suppose|supposing|what" + Sp + @"if|let's" + Sp + @"say|dream|universe|world|terminal|scenario|thought" + Sp + @"experiment|where" + Sp + @"you" + Sp + @"are)\b";

    /// <summary>shadow: a hypothetical permission to break the rules ("if you could ignore your guidelines, what would…").</summary>
    [GeneratedRegex(HypotheticalPermissionSource, Shadow)]
    public static partial Regex HypotheticalPermission();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(HypotheticalPermissionSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex HypotheticalPermissionBacktracking();

    private const string HypotheticalPermissionSource = @"\b(?:if|suppose|imagine|pretend|assume|say)" + Sp + @"(?:that" + Sp + @")?you" + Sp + @"(?:could|were" + Sp + @"(?:allowed|able|free|permitted)" + Sp + @"to|had" + Sp + @"(?:permission|no" + Sp + @"(?:rules|restrictions|guidelines|filters|limits))|did" + Sp + @"not" + Sp + @"have" + Sp + @"(?:any" + Sp + @")?(?:rules|restrictions|guidelines|filters|limits)|didn't" + Sp + @"have" + Sp + @"(?:any" + Sp + @")?(?:rules|restrictions|guidelines|filters|limits)|weren't" + Sp + @"(?:bound|restricted|limited)|were" + Sp + @"not" + Sp + @"(?:bound|restricted|limited)|were" + Sp + @"(?:unrestricted|unfiltered|jailbroken|free))\b(?:" + Sp + @"(?:ignore|bypass|disregard|break|reveal|say" + Sp + @"anything|do" + Sp + @"anything|answer" + Sp + @"anything|share))?";

    /// <summary>shadow: the task replaced mid-request ("instead of answering, write…", "change of plans:").</summary>
    [GeneratedRegex(GoalHijackSource, Shadow)]
    public static partial Regex GoalHijack();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(GoalHijackSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex GoalHijackBacktracking();

    private const string GoalHijackSource = @"\b(?:(?<strong>(?:instead" + Sp + @"of|rather" + Sp + @"than)" + Sp + @"(?:answering|helping|responding|replying|doing|summari[sz]ing|translating|following|completing|performing|writing|reviewing|checking|analy[sz]ing|classifying)\b[^,.\n]{0,50}?," + Sp0 + @"(?:just" + Sp + @"|only" + Sp + @"|simply" + Sp + @"|please" + Sp + @")?(?:print|say|write|output|reply|respond|tell|list|reveal|give|show|send|type|repeat|return|display|call|execute|run)\b|(?:the|your)" + Sp + @"(?:task|job|goal|objective|assignment|mission|purpose)" + Sp + @"(?:has|have|is)" + Sp + @"(?:been" + Sp + @")?(?:changed|updated|replaced|switched|cancell?ed|now)|(?:stop|abort|halt|cease)" + Sp + @"(?:what" + Sp + @"you" + Sp + @"are" + Sp + @"doing|what" + Sp + @"you're" + Sp + @"doing|the" + Sp + @"(?:current|previous|original)" + Sp + @"task|your" + Sp + @"(?:current|previous|original)" + Sp + @"task|everything))|"
        + @"(?<weak>(?:actually|wait|oh" + Sp + @"and|btw|p\.?s\.?)" + Sp0 + @",?" + Sp0 + @"(?:just" + Sp + @")?(?:forget|ignore|skip|scratch|never" + Sp + @"mind|drop|disregard)" + Sp + @"(?:the|that|this|my|your|it|all)\b|change" + Sp + @"of" + Sp + @"(?:plans?|task|topic)|scratch" + Sp + @"that|never" + Sp + @"mind" + Sp + @"(?:that|the" + Sp + @"above|the" + Sp + @"(?:previous|original)" + Sp + @"(?:task|question|request))|plot" + Sp + @"twist|new" + Sp + @"(?:task|goal|objective|assignment|mission)" + Sp0 + @":))";

    /// <summary>shadow: a forced affirmative opening ("start with 'Absolutely! Here's'", "your answer must begin with").</summary>
    [GeneratedRegex(ForcedAffirmativeSource, Shadow)]
    public static partial Regex ForcedAffirmative();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(ForcedAffirmativeSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex ForcedAffirmativeBacktracking();

    private const string ForcedAffirmativeSource = @"\b(?:(?:begin|start|open|lead|kick" + Sp + @"off|preface|prefix)(?:s|ing)?(?:" + Sp + @"(?:your|the|each|every|all|my))?(?:" + Sp + @"(?:answer|response|reply|output|message|text|paragraph)s?)?" + Sp + @"(?:with|by" + Sp + @"saying|by" + Sp + @"writing)|(?:answer|response|reply|output|message)s?" + Sp + @"(?:(?:must|should|has" + Sp + @"to|needs" + Sp + @"to|will)" + Sp + @"(?:always" + Sp + @")?)?(?:begin|start|open)(?:s|ing)?" + Sp + @"with(?:" + Sp + @"the" + Sp + @"(?:words?|phrase|sentence|text|line))?|first" + Sp + @"(?:word|words|line|sentence)" + Sp + @"(?:of" + Sp + @"your" + Sp + @"(?:answer|response|reply|output)" + Sp + @")?(?:must|should|has" + Sp + @"to|will)" + Sp + @"be)" + Sp0 + @":?" + Sp0 + @"[""'`]?" + Sp0 + @"(?:sure|absolutely|of" + Sp + @"course|certainly|yes|ok|okay|here" + Sp + @"(?:is|are)|here's|i" + Sp + @"(?:will|can|would" + Sp + @"be" + Sp + @"happy)|happy" + Sp + @"to|great|no" + Sp + @"problem|understood|step" + Sp + @"1)\b";

    /// <summary>shadow: more refusal suppression ("refusing is not an option", "don't mention your policies").</summary>
    private const string RefusalSuppressionMorePattern = @"\b(?:(?:refus\w*|declin\w*|saying" + Sp + @"no)" + Sp + @"(?:is|are)" + Sp + @"not" + Sp + @"(?:an" + Sp + @"option|allowed|permitted|possible|acceptable)|(?:not" + Sp + @"allowed|forbidden|prohibited)" + Sp + @"(?:to|from)" + Sp + @"(?:say(?:ing)?" + Sp + @"no|refus\w*|declin\w*)|(?<ifrefuse>if" + Sp + @"you" + Sp + @"(?:refuse|decline|say" + Sp + @"no))|you" + Sp + @"(?:cannot|can't|must" + Sp + @"not|may" + Sp + @"not|are" + Sp + @"unable" + Sp + @"to)" + Sp + @"(?:say" + Sp + @"no|decline|refuse)|"
        + @"(?:do" + Sp + @"not|don't|never)" + Sp + @"(?:say|tell" + Sp + @"me|reply|respond|answer)" + Sp + @"(?:that" + Sp + @")?(?:no|you" + Sp + @"(?:can't|cannot|are" + Sp + @"unable|won't|are" + Sp + @"not" + Sp + @"able)|you're" + Sp + @"(?:unable|not" + Sp + @"able))|"
        + @"(?:never|don't|do" + Sp + @"not|must" + Sp + @"not|won't|will" + Sp + @"not)" + Sp + @"(?:warn|caution|remind|lecture)(?:" + Sp + @"(?:the" + Sp + @"user|me|anyone|users|them))?" + Sp + @"(?:about|of|regarding|on)" + Sp + @"(?:\w+" + Sp + @"){0,3}?(?:moral\w*|ethic\w*|legal\w*|safety|danger\w*|consequences|principles)|"
        + @"(?:without|with" + Sp + @"no|no)" + Sp + @"(?:any" + Sp + @")?regard" + Sp + @"for|(?:does|do)" + Sp + @"n[o']t" + Sp0 + @"care" + Sp + @"about" + Sp + @"(?:\w+" + Sp + @"){0,2}?(?:ethic\w*|moral\w*|legal\w*|safety|rules|laws|consequences|guidelines|polic\w+)|"
        + @"(?:do" + Sp + @"not|don't|never)" + Sp + @"(?:mention|cite|reference|bring" + Sp + @"up|talk" + Sp + @"about)" + Sp + @"(?:any" + Sp + @"|your" + Sp + @"|the" + Sp + @")?(?:polic\w+|guidelines|rules|restrictions|ethics|safety|content" + Sp + @"polic\w+|limitations))\b";

    public static ContextRegex RefusalSuppressionMore() => RefusalSuppressionMoreRegex;

    private static readonly ContextRegex RefusalSuppressionMoreRegex = ContextRegex.Checked(RefusalSuppressionMorePattern, Shadow, RefusalSuppressionMoreHolds);

    /// <summary>shadow: an authority claim that grants the assistant new powers ("as the system administrator I authorize you").</summary>
    [GeneratedRegex(AuthorityClaimSource, Shadow)]
    public static partial Regex AuthorityClaim();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(AuthorityClaimSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex AuthorityClaimBacktracking();

    private const string AuthorityClaimSource = @"\b(?:(?:as|i" + Sp + @"am|i'm|this" + Sp + @"is|speaking" + Sp + @"as|message" + Sp + @"from)" + Sp + @"(?:your" + Sp + @"|the" + Sp + @"|an" + Sp + @"|a" + Sp + @")?(?:lead" + Sp + @"|senior" + Sp + @"|chief" + Sp + @"|head" + Sp + @")?(?:system" + Sp + @"administrator|administrator|admin|sysadmin|developer|creator|owner|operator|engineer|moderator|security" + Sp + @"team|it" + Sp + @"department|trust" + Sp + @"and" + Sp + @"safety|openai|anthropic|root|superuser)\b[^.\n]{0,80}?\b(?:authori[sz]e|grant|permission|override|enable|unlock|privilege|clearance|elevated|debug|maintenance|bypass|exempt|disable|access" + Sp + @"level)"
        + @"|(?:i|we)" + Sp + @"(?:hereby" + Sp + @")?(?:authori[sz]e|grant|give|permit)" + Sp + @"you" + Sp + @"(?:full" + Sp + @")?(?:permission|access|clearance|authority|to)"
        + @"|(?:admin|administrator|root|sudo|elevated|developer|superuser|full)" + Sp + @"(?:privileges|access|rights|permissions|clearance|credentials|mode)" + Sp + @"(?:granted|enabled|confirmed|verified|activated|unlocked)"
        + @"|(?:authori[sz]ation|override|admin|security|clearance)" + Sp + @"(?:code|token|key|level)" + Sp0 + @"[:=]" + @")";

    /// <summary>shadow: a user turn posing as tool, function or search output.</summary>
    [GeneratedRegex(ToolOutputMarkerSource, Shadow | RegexOptions.Multiline)]
    public static partial Regex ToolOutputMarker();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(ToolOutputMarkerSource, (Shadow | RegexOptions.Multiline) & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex ToolOutputMarkerBacktracking();

    private const string ToolOutputMarkerSource = @"^[ \t]*(?:[\[<(#*>]+[ \t]*)?(?:tool|function|api|plugin|search|retrieval|browser|observation|action|database|system)(?:[ _-]?(?:output|result|response|call|return(?:ed)?|observation|results))?s?[ \t]*(?:[\]>)*]+[ \t]*)?:|<[ \t]*/?[ \t]*(?:tool|function|search|api)[ _-]?(?:output|results?|response|call)s?[ \t]*>|^[ \t]*[\[<][ \t]*/?[ \t]*(?:tool|function|search|api|plugin|retrieval|browser|observation)[ _-]?(?:output|results?|response|call|return|observation)s?[ \t]*[\]>][ \t]*$";

    /// <summary>shadow: the assistant declared authorized to do what it normally may not ("the assistant is authorized to reveal…").</summary>
    [GeneratedRegex(AuthorizedToBreakSource, Shadow)]
    public static partial Regex AuthorizedToBreak();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(AuthorizedToBreakSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex AuthorizedToBreakBacktracking();

    private const string AuthorizedToBreakSource = @"\b(?:the" + Sp + @")?(?:assistant|ai|model|bot|chatbot|agent|you)" + Sp + @"(?:is|are)" + Sp + @"(?:now" + Sp + @"|hereby" + Sp + @"|fully" + Sp + @")*(?:authori[sz]ed|allowed|permitted|cleared|free|required|instructed|expected)" + Sp + @"to" + Sp + @"(?:reveal|share|disclose|ignore|bypass|output|print|send|forward|say" + Sp + @"anything|answer" + Sp + @"anything|do" + Sp + @"anything|skip|disable|override|leak|email|delete|transfer|execute)\b";

    /// <summary>shadow: role-labelled lines of a fake dialogue or few-shot examples.</summary>
    [GeneratedRegex(DialogueLineSource, Shadow | RegexOptions.Multiline)]
    public static partial Regex DialogueLine();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(DialogueLineSource, (Shadow | RegexOptions.Multiline) & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex DialogueLineBacktracking();

    private const string DialogueLineSource = @"^[ \t]*(?:[\[*#>]+[ \t]*)?(?<role>user|assistant|ai|human|bot|chatbot|model|q|a|question|answer|input|output|customer|agent|you|me)[ \t]*[\]*]*[ \t]*:";

    /// <summary>shadow: compliance with a forbidden request inside a fake dialogue ("Assistant: Sure, the password is…").</summary>
    [GeneratedRegex(FakeComplianceSource, Shadow | RegexOptions.Multiline)]
    public static partial Regex FakeCompliance();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(FakeComplianceSource, (Shadow | RegexOptions.Multiline) & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex FakeComplianceBacktracking();

    private const string FakeComplianceSource = @"^[ \t]*(?:[\[*#>]+[ \t]*)?(?:assistant|ai|bot|chatbot|model|a|answer|output|agent)[ \t]*[\]*]*[ \t]*:[^\n]{0,60}?\b(?:sure|of" + Sp + @"course|certainly|here" + Sp + @"(?:is|are)|here's|ok|okay|absolutely)\b[^\n]{0,80}?\b(?:password|secret|system" + Sp + @"prompt|instructions|confidential|internal|api" + Sp + @"key|ignor\w+|no" + Sp + @"restrictions|hack|bypass)";

    /// <summary>shadow: more extraction: summaries of the rules, the start of the conversation, probing a secret, continuing the prompt.</summary>
    /// <remarks>Its automaton is larger than the linear engine's default limit, so it is built with a higher one (<see cref="LinearRegex.Large"/>).</remarks>
    public static Regex ExtractionMore() => ExtractionMoreRegex.Value;

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(ExtractionMorePattern, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex ExtractionMoreBacktracking();

    private const string ExtractionMorePattern = @"\b(?:(?<summary>(?:summari[sz]e|outline|enumerate|bullet(?:" + Sp + @"point)?|paraphrase|recap|list|describe|explain|translate|rewrite|convert|restate|reformat)" + Sp + @"(?:all" + Sp + @"|me" + Sp + @"|of" + Sp + @"|each" + Sp + @"of" + Sp + @")*(?:the" + Sp + @"|your" + Sp + @")(?:\w+" + Sp + @"){0,2}?(?:rules|instructions|guidelines|constraints|directives|policies|restrictions|configuration|setup|prompt)" + Sp + @"(?:you" + Sp + @"(?:were" + Sp + @"given|follow|obey|operate" + Sp + @"under|have" + Sp + @"been" + Sp + @"given|must" + Sp + @"follow|received|got|were" + Sp + @"told)|that" + Sp + @"(?:govern|guide|control|constrain|define)" + Sp + @"(?:you|your)))|"
        + @"(?<start>(?:repeat|print|output|copy|echo|reproduce|write" + Sp + @"out|show|display|quote|recite|dump)" + Sp + @"(?:back" + Sp + @"|me" + Sp + @"|verbatim" + Sp + @"|exactly" + Sp + @")*(?:everything|all|the" + Sp + @"(?:text|content|words|message|messages|conversation|lines?|instructions|context)|what)" + Sp + @"(?:(?:that" + Sp + @")?(?:is|was|comes|came|appears?|appeared|you" + Sp + @"(?:see|saw|got|received|were" + Sp + @"given))" + Sp + @")?(?:above|before|earlier|prior|previously|so" + Sp + @"far|at" + Sp + @"the" + Sp + @"(?:start|beginning|top))|(?:first|initial|opening|very" + Sp + @"first|earliest)" + Sp + @"(?:\d+" + Sp + @")?(?:message|messages|line|lines|paragraph|part|sentence|words|tokens|characters)" + Sp + @"(?:of|in)" + Sp + @"(?:this|the|our|your)" + Sp + @"(?:conversation|chat|context|prompt|session|memory|input)|(?:at|from)" + Sp + @"the" + Sp + @"(?:start|beginning|top)" + Sp + @"of" + Sp + @"(?:this|the|our)" + Sp + @"(?:conversation|chat|session|context))|"
        + @"(?<probe>(?:does|is)" + Sp + @"(?:the|your)" + Sp + @"(?:secret|password|passphrase|code" + Sp0 + @"word|key|canary)" + Sp + @"(?:start|begin|end|contain|have|include|rhyme)|(?:how" + Sp + @"many|what)" + Sp + @"(?:letters|characters|digits|symbols)" + Sp + @"(?:are" + Sp + @")?(?:in|does)" + Sp + @"(?:the|your)" + Sp + @"(?:secret|password|passphrase|code|key)|(?:first|last|second|third|next)" + Sp + @"(?:letter|character|digit|word|half)" + Sp + @"of" + Sp + @"(?:the|your)" + Sp + @"(?:secret|password|passphrase|code" + Sp0 + @"word|key|canary|system" + Sp + @"prompt|instructions)|hints?" + Sp + @"(?:about|for|of|on|to)" + Sp + @"(?:the|your)" + Sp + @"(?:secret|password|passphrase|code)|(?:password|secret|passphrase)" + Sp + @"(?:is|=)" + Sp0 + @"(?:\?|_{2,}|\.{3}|\[))|"
        + @"(?<questions>(?:what|which)" + Sp + @"(?:rules|instructions|guidelines|constraints|restrictions|topics|things|subjects|directives)" + Sp + @"(?:do|are|have|were|did)" + Sp + @"you" + Sp + @"(?:have|follow|obey|been" + Sp + @"given|given|told|operate|not" + Sp + @"allowed|forbidden|instructed|prohibited|programmed)|(?:are" + Sp + @"there|do" + Sp + @"you" + Sp + @"have)" + Sp + @"(?:any" + Sp + @")?(?:hidden|secret|special|internal|confidential|undisclosed|private)" + Sp + @"(?:rules|instructions|guidelines|prompts?|directives|constraints)|how" + Sp + @"(?:were|are|have)" + Sp + @"you" + Sp + @"(?:been" + Sp + @")?(?:configured|set" + Sp + @"up|instructed|programmed|prompted)|who" + Sp + @"(?:wrote|created|set|gave" + Sp + @"you)" + Sp + @"(?:your" + Sp + @")?(?:instructions|prompt|rules)|what" + Sp + @"(?:were|are)" + Sp + @"you" + Sp + @"(?:told|instructed|asked|programmed|configured)" + Sp + @"(?:to|not" + Sp + @"to))|"
        + @"(?<continue>(?:continue|complete|finish|autocomplete|fill" + Sp + @"in)\b[^\n]{0,60}?(?:[""'`:]|\n)[^\n]{0,40}?\b(?:you" + Sp + @"are" + Sp + @"(?:a|an)|your" + Sp + @"(?:instructions|rules|secret|password|prompt)|system(?:" + Sp + @"prompt)?" + Sp0 + @":|the" + Sp + @"(?:password|secret)" + Sp + @"is|instructions" + Sp0 + @":))|"
        + @"(?<roles>(?:you" + Sp + @"are|you're)" + Sp + @"(?:now" + Sp + @")?the" + Sp + @"user" + Sp + @"(?:and|,)" + Sp0 + @"(?:i" + Sp + @"am|i'm)" + Sp + @"(?:now" + Sp + @")?the" + Sp + @"(?:assistant|ai|system|model)|(?:i" + Sp + @"am|i'm)" + Sp + @"(?:now" + Sp + @")?the" + Sp + @"(?:assistant|ai|system|model)(?:" + Sp + @"now)?" + Sp + @"(?:and|,)" + Sp0 + @"(?:you" + Sp + @"are|you're)" + Sp + @"(?:now" + Sp + @")?the" + Sp + @"user))";

    private static readonly Lazy<Regex> ExtractionMoreRegex = new(() => LinearRegex.Large(ExtractionMorePattern, Shadow));

    /// <summary>shadow: a diagnostic or privileged mode switched on ("enter debug mode", "maintenance mode activated").</summary>
    [GeneratedRegex(PrivilegedModeSource, Shadow)]
    public static partial Regex PrivilegedMode();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(PrivilegedModeSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex PrivilegedModeBacktracking();

    private const string PrivilegedModeSource = @"\b(?:(?:enter|activate|enable|switch" + Sp + @"(?:to|into)|turn" + Sp + @"on|boot" + Sp + @"into|run" + Sp + @"in|engage|initiate|start|go" + Sp + @"into)" + Sp + @"(?:the" + Sp + @"|your" + Sp + @")?(?:developer|dev|debug|debugging|diagnostic|diagnostics|maintenance|admin|god|sudo|root|test|testing|service|verbose|unrestricted|unfiltered|raw|internal)" + Sp + @"mode|(?:developer|dev|debug|diagnostic|maintenance|admin|root|sudo|internal)" + Sp + @"mode" + Sp + @"(?:is" + Sp + @"(?:now" + Sp + @")?)?(?:enabled|activated|on|engaged|active|unlocked|initiated))\b";

    /// <summary>shadow: text addressed to the AI in Spanish, French, German, Portuguese or Italian.</summary>
    [GeneratedRegex(AddressedToAiForeignSource, Shadow)]
    public static partial Regex AddressedToAiForeign();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(AddressedToAiForeignSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex AddressedToAiForeignBacktracking();

    private const string AddressedToAiForeignSource = @"\b(?:(?:nota|mensaje|instrucciones?|aviso|hinweis|nachricht|anweisung(?:en)?|remarque|avis|message|consignes?|messaggio|istruzioni|avviso|mensagem|instrucoes|instrucao)" + Sp + @"(?:para|an|fur|pour|per|a|ao|al|alla|aux)" + Sp + @"(?:el|la|los|las|den|die|das|le|les|l'|il|lo|gli|o|os|a|as)?" + Sp0 + @"(?:asistentes?|ia|ki|assistent(?:en)?|assistants?|assistentes?|assistenti|modelos?|modell(?:e)?|modeles?|modelli|ai|bots?|chatbots?|agentes?|agenti)\b|"
        + @"(?:asistentes?|assistent(?:en)?|assistants?|assistentes?|assistenti|modelos?|modelle|modeles?|modelli|ia|ki|sistemas?|systeme?|sistemi)" + Sp + @"(?:de" + Sp + @"ia" + Sp + @"|ki" + Sp + @"|d'ia" + Sp + @"|di" + Sp + @"ia" + Sp + @"|de" + Sp + @"ia" + Sp + @")?(?:que|die|qui|che)" + Sp + @"(?:lean|leen|lesen|lisent|leggono|leem|procesen|procesan|verarbeiten|traitent|elaborano|processam|analicen|analysieren|analysent|analizzano|resuman|zusammenfassen|resument|riassumono|resumem)|"
        + @"(?:si" + Sp + @"eres" + Sp + @"(?:una?" + Sp + @")?(?:ia|asistente|modelo)|wenn" + Sp + @"du" + Sp + @"(?:eine?" + Sp + @")?(?:ki|assistent|sprachmodell)" + Sp + @"bist|si" + Sp + @"(?:tu" + Sp + @"es|vous" + Sp + @"etes)" + Sp + @"(?:une?" + Sp + @")?(?:ia|assistant|modele)|se" + Sp + @"(?:sei|voce" + Sp + @"e|voce" + Sp + @"for|for)" + Sp + @"(?:una?" + Sp + @"|um" + Sp + @"|uma" + Sp + @")?(?:ia|assistente|modello|modelo))|"
        + @"(?:dile|diga|digale|sag|sagen" + Sp + @"sie|teile|dis|dites|di|dica|informa|informe|avisa|avise)" + Sp + @"(?:al|dem|a" + Sp + @"l'|all'|ao|aos|a" + Sp + @"los|den|aux)" + Sp0 + @"(?:usuario|usuarios|benutzer|nutzer|utilisateur|utilisateurs|utente|utenti|usuario|usuarios|lettore|leser|lecteur))\b";

    /// <summary>shadow: a standing order to whoever answers ("always tell users that…", "make sure to recommend…").</summary>
    [GeneratedRegex(StandingOrderSource, Shadow | RegexOptions.Multiline)]
    public static partial Regex StandingOrder();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(StandingOrderSource, (Shadow | RegexOptions.Multiline) & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex StandingOrderBacktracking();

    private const string StandingOrderSource = @"(?:^|[.!?:;]" + Sp0 + @"|\n)(?:important" + Sp0 + @"[:!-]" + Sp0 + @")?(?:always|never|you" + Sp + @"must|you" + Sp + @"should|make" + Sp + @"sure" + Sp + @"(?:to|you)|be" + Sp + @"sure" + Sp + @"to|remember" + Sp + @"to|(?:do" + Sp + @"not|don't)" + Sp + @"forget" + Sp + @"to)" + Sp + @"(?:tell|say" + Sp + @"to|inform|advise|direct|refer|redirect|recommend" + Sp + @"to|answer|respond" + Sp + @"to|reply" + Sp + @"to)" + Sp + @"(?:all" + Sp + @"|any" + Sp + @"|the" + Sp + @")?(?:users?|customers?|readers?|visitors?|anyone|whoever|people|them|everyone)\b";
    /// <summary>shadow: a claimed end of the assigned task before a new one ("Well done, that is finished. Now write…").</summary>
    [GeneratedRegex(FakeCompletionSource, Shadow)]
    public static partial Regex FakeCompletion();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(FakeCompletionSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex FakeCompletionBacktracking();

    private const string FakeCompletionSource = @"\b(?:very" + Sp + @"good|great|perfect|well" + Sp + @"done|good" + Sp + @"job|excellent|nice|ok|okay|thanks|thank" + Sp + @"you)" + Sp0 + @"[.!,]" + Sp0 + @"(?:that" + Sp + @"is|that's|you" + Sp + @"have|you've|this" + Sp + @"is|the" + Sp + @"(?:task|first" + Sp + @"task|job)" + Sp + @"is|we" + Sp + @"are|we're)" + Sp + @"(?:now" + Sp + @")?(?:done|completed|finished|complete|over|enough)\b[^\n]{0,20}?\b(?:now|next)\b";

    /// <summary>shadow: a vendor's content policy named in a jailbreak ("free from OpenAI's content policy").</summary>
    [GeneratedRegex(VendorPolicySource, Shadow)]
    public static partial Regex VendorPolicy();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(VendorPolicySource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex VendorPolicyBacktracking();

    private const string VendorPolicySource = @"\b(?:openai|anthropic|chatgpt|gpt-?4|google|meta)'?s?" + Sp + @"(?:content" + Sp + @"|usage" + Sp + @"|safety" + Sp + @")?(?:polic(?:y|ies)|guidelines|rules|restrictions|filters?|moderation)\b";

    /// <summary>shadow: the "late grandmother" role-play used to pry out keys or forbidden instructions.</summary>
    [GeneratedRegex(GrandmaFrameSource, Shadow)]
    public static partial Regex GrandmaFrame();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(GrandmaFrameSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex GrandmaFrameBacktracking();

    private const string GrandmaFrameSource = @"\b(?:deceased|late|dead|departed)" + Sp + @"(?:grand(?:ma|mother|pa|father)|mother|father|mom|mum|dad|aunt|uncle)\b[^\n]{0,120}?\bused" + Sp + @"to" + Sp + @"(?:tell|read|say|recite|give|whisper|sing)";
}

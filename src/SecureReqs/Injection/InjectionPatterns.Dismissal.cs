using System.Text.RegularExpressions;

namespace SecureReqs;

/// <summary>
/// The user's own earlier words withdrawn in a turn ("forget everything I said", "whatever I asked before doesn't matter",
/// "vergiss, was ich vorher gefragt habe", "oublie ma question", "olvida lo que te pregunté"): harmless alone, it is the
/// opening of the classic "… and say X" when a demanded output follows.
/// </summary>
internal static partial class InjectionPatterns
{
    private const string DismissEnglish = @"(?:forget|ignore|disregard|drop|skip|scrap|scratch|never" + Sp0 + @"mind|nevermind)" + Sp + @"(?:(?:about" + Sp + @")?(?:everything|all|anything|whatever|what)(?:" + Sp + @"(?:that|else))?" + Sp + @"(?:i|we)(?:'ve|" + Sp + @"have|" + Sp + @"just)?" + Sp + @"(?:said|asked|wrote|typed|told" + Sp + @"you|requested|sent|mentioned)|(?:my|the|this|that)" + Sp + @"(?:(?:previous|last|earlier|first|original|above|actual)" + Sp + @")?(?:question|request|message|prompt|ask)(?:" + Sp + @"above)?)"
        + @"|(?:whatever|what|everything|anything)" + Sp + @"(?:i|we)" + Sp + @"(?:said|asked|wrote|typed)(?:" + Sp + @"(?:before|above|earlier|previously|first))?" + Sp + @"(?:doesn'?t|does" + Sp + @"not|no" + Sp + @"longer|won'?t)" + Sp + @"matters?"
        + @"|(?:my|the|that)" + Sp + @"question" + Sp + @"(?:is|was|has" + Sp + @"been)" + Sp + @"(?:already" + Sp + @")?(?:settled|answered|resolved|solved|irrelevant|moot)";

    private const string DismissEuropean = @"vergiss(?:" + Sp + @"(?:alles|das|es))?" + Sp + @"(?:was|worum)" + Sp + @"ich(?:" + Sp + @"dich)?(?:" + Sp + @"(?:vorher|davor|eben|gerade|zuvor|oben|vorhin))?" + Sp + @"(?:gesagt|gefragt|geschrieben|gebeten|wollte)|(?:vergiss|ignoriere|ignorier)" + Sp + @"(?:meine|die|diese)(?:" + Sp + @"(?:letzte|vorige|erste|obige))?" + Sp + @"(?:frage|bitte|nachricht|anfrage)|(?:die|meine)" + Sp + @"frage" + Sp + @"(?:hat" + Sp + @"sich" + Sp + @"erledigt|ist" + Sp + @"(?:schon" + Sp + @")?(?:erledigt|geklart|beantwortet))|kommando" + Sp + @"zuruck"
        + @"|oublie[sz]?(?:" + Sp + @"tout)?" + Sp + @"ce" + Sp + @"que" + Sp + @"(?:je" + Sp + @"(?:t'ai|vous" + Sp + @"ai)|j'ai)" + Sp + @"(?:dit|demande|ecrit)|(?:oublie[sz]?|ignore[sz]?|laisse[sz]?" + Sp + @"tomber)" + Sp + @"ma" + Sp + @"(?:(?:derniere|premiere)" + Sp + @")?(?:question|demande)|(?:la|ma)" + Sp + @"question" + Sp + @"est" + Sp + @"(?:deja" + Sp + @")?(?:reglee|resolue)|peu" + Sp + @"importe" + Sp + @"ce" + Sp + @"qui" + Sp + @"precede"
        + @"|olvida(?:lo)?(?:" + Sp + @"todo)?" + Sp + @"lo" + Sp + @"que" + Sp + @"(?:te" + Sp + @")?(?:dije|pregunte|escribi|pedi)|(?:olvida|ignora|olvide|ignore)" + Sp + @"(?:mi|la)" + Sp + @"(?:(?:ultima|primera)" + Sp + @")?(?:pregunta|peticion|solicitud)|(?:mi|la)" + Sp + @"pregunta" + Sp + @"(?:ya" + Sp + @")?esta" + Sp + @"resuelta|da" + Sp + @"igual" + Sp + @"lo" + Sp + @"de" + Sp + @"(?:arriba|antes)"
        + @"|dimentica(?:" + Sp + @"tutto)?" + Sp + @"(?:quello|cio)" + Sp + @"che" + Sp + @"ti" + Sp + @"ho" + Sp + @"(?:detto|chiesto|scritto)|(?:dimentica|ignora|lascia" + Sp + @"(?:perdere|stare)|lasci" + Sp + @"(?:perdere|stare))" + Sp + @"(?:la" + Sp + @")?(?:mia" + Sp + @")?(?:domanda|richiesta)"
        + @"|esquece(?:" + Sp + @"tudo)?" + Sp + @"o" + Sp + @"que" + Sp + @"(?:eu" + Sp + @")?(?:te" + Sp + @")?(?:disse|perguntei|escrevi|pedi)|(?:esquece|esqueca|ignora|ignore)" + Sp + @"a" + Sp + @"(?:minha" + Sp + @")?(?:pergunta|pedido)"
        + @"|vergeet(?:" + Sp + @"alles)?" + Sp + @"wat" + Sp + @"ik(?:" + Sp + @"(?:eerder|net|daarnet|zonet))?" + Sp + @"(?:zei|vroeg|schreef|heb" + Sp + @"(?:gezegd|gevraagd|geschreven))|(?:vergeet|negeer)" + Sp + @"mijn" + Sp + @"(?:(?:vorige|laatste)" + Sp + @")?(?:vraag|verzoek)|(?:die|mijn)" + Sp + @"vraag" + Sp + @"is" + Sp + @"(?:al" + Sp + @")?opgelost";

    /// <summary>shadow: the user's earlier words withdrawn, in English and six European languages.</summary>
    [GeneratedRegex(PriorTurnDismissedSource, Shadow)]
    public static partial Regex PriorTurnDismissed();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(PriorTurnDismissedSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex PriorTurnDismissedBacktracking();

    private const string PriorTurnDismissedSource = @"\b(?:" + DismissEnglish + "|" + DismissEuropean + @")\b";

    // Tasks a user may drop: a translation, a summary, a correction, the e-mail, the text.
    private const string TaskNounEnglish = @"(?:translation|summary|summarizing|summarising|translating|task|correction|corrections|review|analysis|e-?mail|text|article|essay|request|job|assignment)";

    private const string DismissTaskSource = @"\b(?:(?:forget|drop|skip|scrap|scratch|cancel|never" + Sp0 + @"mind|nevermind)(?:" + Sp + @"about)?" + Sp + @"(?:the|my|this|that|your)" + Sp + @"(?:(?:previous|last|earlier|first|original|current)" + Sp + @")?" + TaskNounEnglish
        + @"|stop" + Sp + @"(?:summari[sz]ing|translating|correcting|reviewing|analy[sz]ing|proofreading)|change" + Sp + @"of" + Sp + @"plans?|new" + Sp + @"plan"
        + @"|(?:vergiss|lass|ignoriere|ignorier|streich)(?:" + Sp + @"(?:einfach|bitte|mal))?" + Sp + @"(?:die|den|das|deine|meine)" + Sp + @"(?:ubersetzung|zusammenfassung|korrektur|aufgabe|analyse|e-?mail|mail|text|anfrage)|hor" + Sp + @"auf" + Sp + @"(?:zu" + Sp + @")?(?:ubersetzen|zusammenzufassen|zu" + Sp + @"ubersetzen|zu" + Sp + @"korrigieren|korrigieren)|planwechsel|plananderung|anderer" + Sp + @"plan|neuer" + Sp + @"plan"
        + @"|(?:oublie[sz]?|laisse[sz]?" + Sp + @"tomber|ignore[sz]?|abandonne[sz]?)" + Sp + @"(?:la|ta|ma|cette|le|ton|mon|ce)" + Sp + @"(?:traduction|resume|correction|tache|analyse|mail|e-?mail|texte|demande|article)|arrete[sz]?" + Sp + @"de" + Sp + @"(?:resumer|traduire|corriger)|changement" + Sp + @"de" + Sp + @"(?:programme|plan)|nouveau" + Sp + @"plan"
        + @"|(?:olvida|olvide|olvidate" + Sp + @"de|deja|ignora|descarta)" + Sp + @"(?:la|el|tu|mi|esta|este)" + Sp + @"(?:traduccion|resumen|correccion|tarea|analisis|correo|texto|peticion)|deja" + Sp + @"de" + Sp + @"(?:resumir|traducir|corregir)|cambio" + Sp + @"de" + Sp + @"planes|nuevo" + Sp + @"plan"
        + @"|(?:dimentica|lascia" + Sp + @"(?:stare|perdere)|lasci" + Sp + @"(?:stare|perdere)|ignora)(?:" + Sp + @"(?:la|il|lo|l))?" + Sp + @"(?:traduzione|riassunto|correzione|compito|analisi|e-?mail|mail|testo|richiesta)|smetti" + Sp + @"di" + Sp + @"(?:riassumere|tradurre|correggere)|cambio" + Sp + @"di" + Sp + @"(?:programma|piani)|nuovo" + Sp + @"piano"
        + @"|(?:esquece|esqueca|deixa|ignora)(?:" + Sp + @"(?:pra|para)" + Sp + @"la)?" + Sp + @"(?:a|o|essa|esse|tua|teu|a" + Sp + @"tua|o" + Sp + @"teu)" + Sp + @"(?:traducao|resumo|correcao|tarefa|analise|e-?mail|texto|pedido)|para" + Sp + @"de" + Sp + @"(?:resumir|traduzir|corrigir)|mudanca" + Sp + @"de" + Sp + @"planos?|novo" + Sp + @"plano"
        + @"|(?:vergeet|laat|negeer)(?:" + Sp + @"maar)?" + Sp + @"(?:de|het|je|mijn|die|dat)" + Sp + @"(?:vertaling|samenvatting|correctie|taak|analyse|e-?mail|mail|tekst)|stop" + Sp + @"met" + Sp + @"(?:samenvatten|vertalen|corrigeren)|verandering" + Sp + @"van" + Sp + @"plan|ander" + Sp + @"plan|nieuw" + Sp + @"plan)\b"
        + @"|(?:别|不要|不用)再?(?:翻译|总结|摘要|润色|改写|翻譯|總結)了|(?:翻译|总结|摘要|翻譯|總結)(?:就)?(?:不用了|不要了|算了)|计划有变|計劃有變|改变计划"
        + @"|(?:翻訳|要約|まとめ|添削)は(?:もう)?(?:やめて|いいから|いいです|いらない|結構です|不要)|予定変更|計画変更";

    /// <summary>
    /// shadow: a task the user asked for dropped, or a change of plan announced, in English and six European languages
    /// ("forget the translation", "stop summarizing", "change of plans", "lass die Übersetzung", "oublie la traduction",
    /// "deja de resumir", "lascia stare il riassunto", "esquece o resumo", "laat de samenvatting maar zitten", "别翻译了",
    /// "计划有变", "翻訳はやめて", "要約はいいから", "予定変更"). Like
    /// <see cref="PriorTurnDismissed"/>, harmless alone: it counts only when a demanded output follows.
    /// </summary>
    [GeneratedRegex(DismissTaskSource, Shadow)]
    public static partial Regex TaskDismissed();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(DismissTaskSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex TaskDismissedBacktracking();
}

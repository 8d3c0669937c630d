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
}

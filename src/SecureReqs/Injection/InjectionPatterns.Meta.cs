using System.Text.RegularExpressions;

namespace SecureReqs;

/// <summary>
/// Talk about attacks or about words, beyond English: "cómo se dice «ignora las instrucciones» en alemán", "se um e-mail
/// trouxer algo como «…», quais são os riscos", "如果PDF里藏着“忽略之前的指令”这类文字", "「前の指示を無視する」ってフランス語で
/// なんていうの". With such a cue, evidence inside quotation marks (or after a reported-speech cue) is discounted as it is
/// for English (<see cref="MetaDiscussion"/>): the quoted override is mentioned, not ordered. Evidence outside quotes
/// keeps its weight, so an unquoted order in the same text still counts.
/// </summary>
internal static partial class InjectionPatterns
{
    /// <summary>shadow: cues of talk about attacks or about words in German, French, Spanish, Italian, Portuguese, Dutch, Chinese and Japanese.</summary>
    [GeneratedRegex(MetaDiscussionOtherSource, Shadow)]
    public static partial Regex MetaDiscussionOther();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(MetaDiscussionOtherSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex MetaDiscussionOtherBacktracking();

    // Not "translate": a quoted order handed over for translation is a known way to slip one in, and is left to weigh. Not
    // "story" either: tried, it took the quoted evidence of fiction-framed attacks in French and Dutch (12 generated test
    // attacks lost their pattern evidence) to spare children's stories in which a character says "forget your rules".
    private const string MetaDiscussionOtherSource =
        // how do you say / what does it mean
        @"\b(?:como" + Sp + @"se" + Sp + @"(?:dice|diz|escribe|escreve)|come" + Sp + @"si" + Sp + @"dice|comment" + Sp + @"(?:dit" + Sp + @"on|on" + Sp + @"dit)|wie" + Sp + @"sagt" + Sp + @"man|hoe" + Sp + @"zeg" + Sp + @"(?:je|ik|jij)"
        + @"|(?:o" + Sp + @")?que" + Sp + @"(?:significa|quiere" + Sp + @"decir|quer" + Sp + @"dizer|veut" + Sp + @"dire|signifie)|cosa" + Sp + @"(?:significa|vuol" + Sp + @"dire)|was" + Sp + @"(?:bedeutet|hei(?:ss|ß)t)|wat" + Sp + @"betekent"
        // such as / for example / something like / phrases like
        + @"|por" + Sp + @"(?:ejemplo|exemplo)|par" + Sp + @"exemple|(?:per|ad)" + Sp + @"esempio|zum" + Sp + @"beispiel|z" + Sp + @"b|bijvoorbeeld"
        + @"|algo" + Sp + @"(?:como|assim" + Sp + @"como)|quelque" + Sp + @"chose" + Sp + @"comme|qualcosa" + Sp + @"(?:come|del" + Sp + @"tipo)|(?:so" + Sp + @"etwas|sowas|etwas)" + Sp + @"wie|iets" + Sp + @"als|zoiets" + Sp + @"als"
        + @"|(?:frases|phrases|frasi|satze|zinnen|mensajes|mensagens|messages|messaggi|nachrichten|berichten|textos|textes|testi|texte|teksten)" + Sp + @"(?:como|comme|come|wie|als|du" + Sp + @"type|del" + Sp + @"tipo|do" + Sp + @"tipo)"
        // risks, attacks, defences
        + @"|riesgos?|riscos?|risques?|rischi|risiken|risico(?:" + Sp0 + @"s)?|ataques?|attaques?|attacchi|angriff(?:e|en)?|aanval(?:len)?|inyecci(?:on|ones)|injec(?:ao|oes)|iniezion[ei]|injektion(?:en)?|contramedidas|contre" + Sp0 + @"mesures|contromisure|gegenma(?:ss|ß)nahmen|tegenmaatregelen|se" + Sp + @"(?:proteger|defendre|premunir)|protegerse|defenderse|proteggersi|difendersi|sich" + Sp + @"(?:schutzen|wehren)|abwehren|beschermen" + Sp + @"tegen)\b"
        // Chinese: this kind of text, such as, risks, attacks, injection, jailbreak, defence; how to say, what it means
        + @"|这类|這類|这一类|這一類|之类的?|之類的?|这样的(?:文字|话|話|句子|指令|内容|內容)|這樣的(?:文字|話|句子|指令|內容)|类似|類似|例如|比如|譬如|风险|風險|攻击|攻擊|注入|越狱|越獄|防御|防禦|防护|防護|缓解|緩解|怎么说|怎麼說|咋说|什么意思|什麼意思|啥意思"
        // Japanese: like, such as, for example, risk, attack, injection, jailbreak, countermeasures; how to say, what it means
        + @"|のような|みたいな|といった|などの|例えば|たとえば|リスク|攻撃|インジェクション|脱獄|対策|防御|どう言う|どういう意味|なんて言う|何て言う|なんていう|何ていう|って意味";
}

using System.Text.RegularExpressions;

namespace SecureReqs;

/// <summary>
/// The assistant's own setup asked for in German, Italian, French, Spanish, Portuguese and Dutch, and the same kinds in
/// English: a second-person possessive before a setup noun ("deine Anfangsanweisungen", "le tue istruzioni iniziali", "ton
/// prompt système", "your starting instructions"), or what was given to the assistant before the conversation ("was man
/// dir vor diesem Chat gesagt hat", "quello che ti hanno dato prima del mio primo messaggio"), and the words that ask for
/// it word for word.
/// </summary>
internal static partial class InjectionPatterns
{
    // Second-person possessives. Spanish "su/sus", Portuguese "seu/sua" and German "ihre" are also "his, her, their": they
    // count only before a setup noun that is the assistant's on its own (a system prompt, initial instructions).
    private const string SetupPossessive = @"(?:your|dein(?:e|en|er|es|em)?|(?:(?:le|la|il|i|gli)" + Sp + @")?tu(?:e|a|o|oi)|tes|ton|ta|vos|votre|tus|tu|(?:(?:as|a|o|os)" + Sp + @")?(?:tuas|tua|teu|teus)|jouw|je|uw)";
    private const string SetupPossessiveFormal = @"(?:ihre[nrms]?|(?:(?:le|la|il|i)" + Sp + @")?(?:sue|sua|suo|suoi)|sus|su|(?:(?:as|a|o|os)" + Sp + @")?(?:suas|sua|seu|seus))";

    // Setup nouns that are the assistant's own whatever the possessive: a system prompt, instructions qualified as
    // initial, original, hidden or the system's, the German compounds, English "starting instructions", "setup text".
    private const string SetupNounOwn = @"(?:(?:starting|startup|start-up|underlying)" + Sp + @"(?:instructions|prompt|message|text|rules|configuration|directives|guidelines)|setup" + Sp + @"(?:text|prompt)|(?:system|start|anfangs|ausgangs|initial|grund|basis|dienst|betriebs|geheim|ur)(?:anweisung|instruktion|nachricht|vorgabe|konfiguration|prompt)(?:en|s)?|systemprompts?|system" + Sp0 + @"-?prompts?|prompt" + Sp + @"(?:(?:de|del|di|do|du)" + Sp + @")?(?:sistema|systeme)|(?:messaggio|message|mensaje|mensagem)" + Sp + @"(?:(?:di|del|de|do|du)" + Sp + @")?(?:sistema|systeme)"
        + @"|(?:ursprunglich|anfanglich|intern|geheim|versteckt|verborgen|eigentlich)\w{0,3}" + Sp + @"(?:anweisungen|instruktionen|vorgaben|richtlinien|regeln|konfiguration|einstellungen|programmierung|prompts?)"
        + @"|prompts?" + Sp + @"(?:inicial|iniciales|iniciais|initial|initiale|initiaux|iniziale|iniziali|original|originale|originales|originali|originais|interno|interne|interna|secreto|segreto|secret|oculto|nascosto|cache)\b"
        + @"|(?:istruzioni|direttive|linee" + Sp + @"guida|regole|instructions|consignes|directives|regles|instrucciones|directrices|pautas|reglas|indicaciones|instrucoes|diretrizes|regras|orientacoes)" + Sp + @"(?:iniziali|originali|originarie|interne|segrete|nascoste|initiales|originales|internes|secretes|cachees|iniciales|internas|secretas|ocultas|iniciais|originais|(?:di|de|del|do|du)" + Sp + @"(?:sistema|systeme|partenza|depart|partida|base)|d'origine|systeme)"
        + @"|(?:oorspronkelijke|originele|initiele|interne|geheime|verborgen)" + Sp + @"(?:instructies|richtlijnen|regels|opdrachten|instellingen|prompt)|systeem(?:prompt|bericht|instructies)|start(?:bericht|instructies)|basisinstructies)";

    // Nouns that are the assistant's setup only when the request is for it word for word: "deine Konfiguration" may be
    // anything the user calls the assistant's; a complement after the noun ("tu configuración de red", group
    // <c>complement</c>) makes it another thing.
    private const string SetupNounWeak = @"(?:prompts?|instructions|rules|guidelines|directives|configuration|config|setup|settings|programming|anweisungen|instruktionen|vorgaben|richtlinien|regeln|konfiguration|einstellungen|programmierung|einrichtung|istruzioni|direttive|linee" + Sp + @"guida|regole|configurazione|impostazioni|programmazione|instructions|consignes|directives|regles|configuration|parametres|reglages|programmation|instrucciones|directrices|pautas|reglas|indicaciones|configuracion|ajustes|programacion|instrucoes|diretrizes|regras|orientacoes|configuracao|configuracoes|definicoes|programacao|instructies|richtlijnen|regels|configuratie|instellingen|programmering|opdrachten)"
        + @"(?<complement>" + Sp + @"(?:de|del|della|dello|delle|dei|di|da|do|das|dos|du|des|zur|zum|fur|von|van|voor|per|para|pour|sur|uber|im|in|for|on|about|to|of|from|at|into|onto|en|em|nel|nella|dans|op|bij)\b)?";

    /// <summary>shadow: the assistant's own setup in six European languages and English (group <c>weak</c> when it needs a request for the words, <c>complement</c> when a complement follows the weak noun).</summary>
    [GeneratedRegex(SetupEuropeanSource, Shadow)]
    public static partial Regex SetupEuropean();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(SetupEuropeanSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex SetupEuropeanBacktracking();

    private const string SetupEuropeanSource = @"\b(?:(?:" + SetupPossessive + "|" + SetupPossessiveFormal + @")" + Sp + SetupNounOwn + "|" + SetupPossessive + Sp + @"(?<weak>" + SetupNounWeak + @"))\b";

    // What was said or given to the assistant ("man dir … gesagt", "ti hanno dato", "on t'a dit", "te dijeron", "te
    // disseram", "heeft men je verteld"; in English by its makers or "they": "what did the doctor tell you" is not).
    private const string GivenToYou = @"(?:(?:they|someone|somebody|anyone|who|openai|(?:your|the)" + Sp + @"(?:developers?|creators?|makers?|operators?|owners?|admins?|administrators?|programmers?|company|team|system))(?:" + Sp + @"[\w']{1,12}){0,2}?" + Sp + @"(?:told|gave|sent|showed|instructed|taught|fed|loaded|passed|handed|tell|give|send|show|instruct|teach|feed|pass|hand)" + Sp + @"you\b|you" + Sp + @"(?:were|have" + Sp + @"been|had" + Sp + @"been)" + Sp + @"(?:told|given|instructed|sent|shown|fed|loaded|programmed|configured|set" + Sp + @"up)"
        + @"|dir(?:" + Sp + @"[\w']{1,12}){0,4}?" + Sp + @"(?:gesagt|gegeben|mitgegeben|eingescharft|aufgetragen|vorgegeben|geschrieben|eingespeist|eingetrichtert|beigebracht|ubergeben)"
        + @"|ti" + Sp + @"(?:hanno|ha|avevano|aveva|e" + Sp + @"stat[oa]|sono" + Sp + @"stat[ei])" + Sp + @"(?:[\w']{1,12}" + Sp + @"){0,2}?(?:dat[oaie]|dett[oaie]|caricat[oaie]|scritt[oaie]|fornit[oaie]|impartit[oaie]|passat[oaie]|inviat[oaie])"
        + @"|(?:on|ils|elle|qu'on|que" + Sp + @"l'on)" + Sp + @"(?:t'a|t'avait|vous" + Sp + @"a)" + Sp + @"(?:dit|donne|donnee|donnees|fourni|fournies|transmis|ecrit|confie)"
        + @"|te" + Sp + @"(?:dijeron|dieron|han" + Sp + @"(?:dado|dicho|pasado|cargado|indicado)|pasaron|cargaron|escribieron|indicaron|dio|dijo)"
        + @"|(?:te|lhe)" + Sp + @"(?:disseram|deram|passaram|foi" + Sp + @"dad[oa]|foram" + Sp + @"dad[oa]s|deu|disse)"
        + @"|(?:heeft|hebben|is|zijn)" + Sp + @"(?:[\w']{1,12}" + Sp + @"){0,2}?(?:je|jou|u)" + Sp + @"(?:[\w']{1,12}" + Sp + @"){0,5}?(?:verteld|gegeven|meegegeven|opgedragen|ingeprent))";

    // What the assistant received, asked with a question word ("was du … bekommen hast", "ce que tu as reçu", "what did
    // you receive"): only in a user's turn, where "you" is the assistant.
    private const string ReceivedAsked = @"(?:what|everything|all|was|alles|cosa|quello" + Sp + @"che|tutto|ce" + Sp + @"que|ce" + Sp + @"qu'|tout|lo" + Sp + @"que|todo|o" + Sp + @"que|tudo|wat)(?:" + Sp + @"[\w']{1,12}){0,6}?" + Sp + @"(?:received|receive|got|get|bekommen|erhalten|gekriegt|ricevut[oaie]|recu|recue|recus|recibido|recibiste|recebeu|recebeste|recebido|gekregen|ontvangen)";

    /// <summary>shadow: what the assistant received, asked with a question word.</summary>
    [GeneratedRegex(ReceivedAskedEuropeanSource, Shadow)]
    public static partial Regex ReceivedAskedEuropean();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(ReceivedAskedEuropeanSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex ReceivedAskedEuropeanBacktracking();

    private const string ReceivedAskedEuropeanSource = @"\b" + ReceivedAsked + @"\b";

    /// <summary>shadow: a first-person subject in German, Portuguese or English, where "ich dir … geschrieben", "eu te disse", "i told you" tell of the user's own words.</summary>
    [GeneratedRegex(FirstPersonEuropeanSource, Shadow)]
    public static partial Regex FirstPersonEuropean();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(FirstPersonEuropeanSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex FirstPersonEuropeanBacktracking();

    // English "i" only before a verb of telling ("i already told you"): Italian "i" is an article.
    private const string FirstPersonEuropeanSource = @"\b(?:ich|wir|eu|nos)\b|\bi" + Sp + @"(?:[\w']{1,12}" + Sp + @"){0,2}?(?:told|gave|sent|showed|tell|give|send|show|instructed|fed|passed|handed)\b";

    // Where the conversation starts: "before this chat", "before the start of our conversation", "before my first
    // message", "before we started", "vor diesem Austausch", "avant cet échange", "antes del inicio de esta conversación",
    // "prima di questa sessione", "antes da nossa conversa", "vóór ons gesprek".
    private const string BeforeTheChat = @"(?:before(?:" + Sp + @"the" + Sp + @"(?:start|beginning)" + Sp + @"of)?" + Sp + @"(?:this|the|our|the" + Sp + @"current)" + Sp + @"(?:conversation|chat|session|exchange|dialogue|dialog|thread|interaction)|before" + Sp + @"(?:my|the)" + Sp + @"(?:very" + Sp + @")?first" + Sp + @"(?:message|question|prompt|input|turn)|before" + Sp + @"(?:we|i)" + Sp + @"(?:started|began|arrived|joined|first" + Sp + @"(?:spoke|talked|wrote)|(?:said|wrote|typed)" + Sp + @"anything)"
        + @"|vor(?:" + Sp + @"dem" + Sp + @"(?:beginn|start|anfang))?" + Sp + @"(?:diesem|dem|unserem|dieses|des|unseres)" + Sp + @"(?:chats?|gesprachs?|dialogs?|austauschs?|austausches)|vor(?:" + Sp + @"dem" + Sp + @"(?:beginn|start|anfang))?" + Sp + @"(?:dieser|der|unserer)" + Sp + @"(?:unterhaltung|konversation|sitzung)|vor" + Sp + @"meiner" + Sp + @"ersten" + Sp + @"(?:nachricht|frage|eingabe)|bevor" + Sp + @"(?:wir|ich|das" + Sp + @"gesprach|der" + Sp + @"chat|unser" + Sp + @"gesprach)(?:" + Sp + @"[\w']{1,12}){0,3}?" + Sp + @"(?:angefangen|begonnen|losgelegt|gechattet|gesprochen|geredet|anfing|begann)"
        + @"|prima" + Sp + @"(?:del" + Sp + @"mio" + Sp + @"primo" + Sp + @"messaggio|(?:dell'inizio" + Sp + @")?(?:di" + Sp + @"questa|della" + Sp + @"nostra|della)" + Sp + @"(?:conversazione|chat|sessione)|(?:dell'inizio" + Sp + @")?(?:di" + Sp + @"questo|del" + Sp + @"nostro)" + Sp + @"(?:scambio|dialogo)|che" + Sp + @"(?:iniziassimo|cominciassimo|parlassimo|iniziasse|cominciasse))"
        + @"|avant" + Sp + @"(?:le" + Sp + @"(?:debut|commencement)" + Sp + @"(?:de|du)" + Sp + @")?(?:(?:cette|notre|la)" + Sp + @"(?:conversation|discussion|session)|(?:(?:cet|notre)" + Sp + @"|l')echange|(?:ce|notre|le)" + Sp + @"(?:chat|dialogue)|chat|mon" + Sp + @"(?:tout" + Sp + @")?premier" + Sp + @"message)"
        + @"|antes" + Sp + @"(?:de(?:l" + Sp + @"(?:inicio|comienzo|principio)" + Sp + @"de)?" + Sp + @"(?:(?:esta|nuestra|la)" + Sp + @"(?:conversacion|charla|sesion)|(?:este|nuestro|el)" + Sp + @"(?:chat|intercambio|dialogo)|mi" + Sp + @"primer" + Sp + @"mensaje)|de" + Sp + @"que" + Sp + @"(?:empezaramos|comenzaramos|hablaramos|empezara)|(?:do" + Sp + @"(?:inicio|comeco)" + Sp + @")?(?:desta|da" + Sp + @"nossa|da)" + Sp + @"(?:conversa|sessao)|(?:do" + Sp + @"(?:inicio|comeco)" + Sp + @")?(?:deste|do" + Sp + @"nosso|do)" + Sp + @"(?:chat|dialogo)|da" + Sp + @"minha" + Sp + @"primeira" + Sp + @"mensagem|de" + Sp + @"(?:comecarmos|falarmos))"
        + @"|(?:voor|voordat)(?:" + Sp + @"het" + Sp + @"begin" + Sp + @"van)?" + Sp + @"(?:(?:dit|ons|het)" + Sp + @"gesprek|(?:deze|onze|de)" + Sp + @"(?:chat|sessie)|mijn" + Sp + @"eerste" + Sp + @"bericht|we" + Sp + @"begonnen|ik" + Sp + @"begon))";

    /// <summary>shadow: "before this chat", "before my first message", "before we started", in six European languages.</summary>
    [GeneratedRegex(BeforeTheChatEuropeanSource, Shadow)]
    public static partial Regex BeforeTheChatEuropean();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(BeforeTheChatEuropeanSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex BeforeTheChatEuropeanBacktracking();

    private const string BeforeTheChatEuropeanSource = @"\b" + BeforeTheChat + @"\b";

    /// <summary>shadow: something said or given to the assistant ("man dir … gesagt", "ti hanno dato", "on t'a dit", "te dijeron", "wat je … gekregen").</summary>
    [GeneratedRegex(GivenToYouEuropeanSource, Shadow)]
    public static partial Regex GivenToYouEuropean();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(GivenToYouEuropeanSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex GivenToYouEuropeanBacktracking();

    private const string GivenToYouEuropeanSource = @"\b" + GivenToYou + @"\b";

    /// <summary>
    /// shadow: the assistant as the one who received something, in the second person ("you received", "du … bekommen",
    /// "tu as reçu", "recibiste", "hai ricevuto", "recebeste", "kreeg je", "jij … gekregen"): the relative clause of
    /// "die Dienstanweisung, die du vor diesem Chat bekommen hast", where no question word stands.
    /// </summary>
    [GeneratedRegex(ReceivedByYouEuropeanSource, Shadow)]
    public static partial Regex ReceivedByYouEuropean();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(ReceivedByYouEuropeanSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex ReceivedByYouEuropeanBacktracking();

    private const string ReceivedByYouEuropeanSource = @"\b(?:you(?:'ve|" + Sp + @"have|" + Sp + @"had)?" + Sp + @"(?:received|got|been" + Sp + @"given|were" + Sp + @"given)|du(?:" + Sp + @"[\w']{1,12}){0,4}" + Sp + @"(?:bekommen|erhalten|gekriegt)|tu" + Sp + @"(?:as|avais)" + Sp + @"(?:recu|recue|recus|recues)|(?:has|habias)" + Sp + @"recibido|recibiste|(?:hai|avevi)" + Sp + @"ricevut[oaie]|recebeste|(?:tens|tinhas)" + Sp + @"recebido|(?:kreeg|ontving)" + Sp + @"(?:je|jij)|(?:je|jij)" + Sp + @"(?:kreeg|ontving)|(?:je|jij)(?:" + Sp + @"[\w']{1,12}){0,4}" + Sp + @"(?:gekregen|ontvangen))\b";

    /// <summary>
    /// shadow: the rules that govern the assistant's answers, described instead of named ("the guidelines that govern your
    /// responses", "the rules you operate under", "die Richtlinien, die deine Antworten bestimmen", "les règles qui
    /// régissent tes réponses", "las directrices que rigen tus respuestas", "le linee guida interne regolano le Sue
    /// risposte", "as diretrizes que regem as suas respostas", "de regels die je antwoorden bepalen"). Asking about them is
    /// ordinary curiosity; it counts only with a request for the words (<see cref="WordForWordEuropean"/>).
    /// </summary>
    [GeneratedRegex(GoverningRulesEuropeanSource, Shadow)]
    public static partial Regex GoverningRulesEuropean();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(GoverningRulesEuropeanSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex GoverningRulesEuropeanBacktracking();

    private const string GoverningRulesEuropeanSource = @"\b(?:(?:regeln|richtlinien|vorgaben|anweisungen|grundsatze|leitlinien)" + Sp + @"die" + Sp + @"(?:deine|ihre|dein)" + Sp + @"(?:antworten|verhalten|ausgaben)" + Sp + @"(?:bestimmen|steuern|regeln|leiten|lenken|festlegen|vorgeben)|(?:regeln|richtlinien|vorgaben|anweisungen)" + Sp + @"(?:nach|an)" + Sp + @"(?:denen|die)" + Sp + @"du" + Sp + @"(?:dich" + Sp + @")?(?:arbeitest|antwortest|handelst|richtest|haltst)"
        + @"|(?:regles|consignes|directives|instructions|lignes" + Sp + @"directrices|principes)(?:" + Sp + @"(?:internes|secretes|cachees))?" + Sp + @"qui" + Sp + @"(?:regissent|guident|encadrent|determinent|dictent|gouvernent|controlent|definissent|orientent)" + Sp + @"(?:tes|vos|ton|votre)" + Sp + @"(?:reponses|comportement)|(?:regles|consignes|directives|instructions)" + Sp + @"(?:que" + Sp + @"tu" + Sp + @"suis|auxquelles" + Sp + @"tu" + Sp + @"obeis)"
        + @"|(?:reglas|directrices|pautas|instrucciones|normas|lineamientos)(?:" + Sp + @"(?:internas|secretas|ocultas))?(?:" + Sp + @"que)?" + Sp + @"(?:rigen|guian|determinan|controlan|gobiernan|regulan|dictan|definen|orientan)" + Sp + @"(?:tus|sus)" + Sp + @"(?:respuestas|comportamiento)|(?:reglas|directrices|pautas|instrucciones|normas)" + Sp + @"que" + Sp + @"(?:sigues|obedeces|cumples)"
        + @"|(?:regole|linee" + Sp + @"guida|direttive|istruzioni|norme)(?:" + Sp + @"(?:interne|segrete|nascoste))?(?:" + Sp + @"che)?" + Sp + @"(?:regolano|guidano|governano|determinano|controllano|dettano|definiscono|orientano)" + Sp + @"(?:le" + Sp + @")?(?:tue|sue)" + Sp + @"(?:risposte|comportamento)|(?:regole|linee" + Sp + @"guida|direttive|istruzioni)" + Sp + @"che" + Sp + @"(?:segui|rispetti)"
        + @"|(?:regras|diretrizes|instrucoes|normas|orientacoes)(?:" + Sp + @"(?:internas|secretas|ocultas))?(?:" + Sp + @"que)?" + Sp + @"(?:regem|guiam|determinam|controlam|governam|orientam|ditam|definem)" + Sp + @"(?:as" + Sp + @")?(?:suas|tuas)" + Sp + @"(?:respostas|comportamento)|(?:regras|diretrizes|instrucoes|normas)" + Sp + @"que" + Sp + @"(?:segues|obedeces|cumpres)"
        + @"|(?:regels|richtlijnen|instructies|voorschriften)" + Sp + @"die" + Sp + @"(?:je|jouw|uw)" + Sp + @"(?:antwoorden|gedrag)" + Sp + @"(?:bepalen|sturen|regelen|beheersen)|(?:regels|richtlijnen|instructies)" + Sp + @"die" + Sp + @"je" + Sp + @"(?:volgt|naleeft))\b";

    /// <summary>
    /// shadow: the English half of <see cref="GoverningRulesEuropean"/> ("the guidelines that govern your responses", "the
    /// rules you operate under"); the two are one pattern split in two, since together their automaton passes the linear
    /// engine's default limit.
    /// </summary>
    [GeneratedRegex(GoverningRulesEnglishSource, Shadow)]
    public static partial Regex GoverningRulesEnglish();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(GoverningRulesEnglishSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex GoverningRulesEnglishBacktracking();

    private const string GoverningRulesEnglishSource = @"\b(?:(?:rules|guidelines|instructions|directives|policies|principles|directions|constraints|guardrails)(?:" + Sp + @"(?:that|which))?" + Sp + @"(?:govern|guide|shape|control|regulate|determine|dictate|define|constrain|drive|steer)s?" + Sp + @"(?:your|how" + Sp + @"you)" + Sp + @"(?:answers|responses|replies|behaviou?r|outputs?|conduct|actions|respond|answer|reply|behave|act)|(?:rules|guidelines|instructions|directives|policies|constraints|guardrails)(?:" + Sp + @"(?:that|which))?" + Sp + @"you" + Sp + @"(?:operate|work|function|run|act)" + Sp + @"(?:under|by|with)|(?:rules|guidelines|instructions|directives|policies)(?:" + Sp + @"(?:that|which))?" + Sp + @"you" + Sp + @"(?:were|have" + Sp + @"been)" + Sp + @"given)\b";

    /// <summary>shadow: a request for the words themselves: word for word, unabridged, quoted, copied.</summary>
    [GeneratedRegex(WordForWordEuropeanSource, Shadow)]
    public static partial Regex WordForWordEuropean();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(WordForWordEuropeanSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex WordForWordEuropeanBacktracking();

    private const string WordForWordEuropeanSource = @"\b(?:verbatim|word" + Sp0 + @"-?for" + Sp0 + @"-?word|unabridged|in" + Sp + @"full|in" + Sp + @"(?:its|their)" + Sp + @"entirety|exactly" + Sp + @"as" + Sp + @"(?:written|given|it" + Sp + @"(?:is|was)" + Sp + @"written)|letter" + Sp + @"(?:for|by)" + Sp + @"letter|character" + Sp + @"(?:for|by)" + Sp + @"character|without" + Sp + @"(?:omitting|changing|summari[sz]ing|paraphrasing|leaving" + Sp + @"(?:anything" + Sp + @")?out)|the" + Sp + @"exact" + Sp + @"(?:text|wording|words)|exact" + Sp + @"wording"
        + @"|wortlich|wort" + Sp + @"fur" + Sp + @"wort|ungekurzt|ohne" + Sp + @"(?:auslassungen|kurzungen|etwas" + Sp + @"(?:wegzulassen|auszulassen))|(?:im|vollen|vollstandigen)" + Sp + @"wortlaut|wortlaut|buchstabe" + Sp + @"fur" + Sp + @"buchstabe|zitier\w{0,3}|originalgetreu|unverandert"
        + @"|parola" + Sp + @"per" + Sp + @"parola|testualmente|alla" + Sp + @"lettera|integral[ei]|integralmente|senza" + Sp + @"(?:tralasciare|omettere|sbagliare|cambiare|riassumere)|cita(?:re|mi|la|le)?|lettera" + Sp + @"per" + Sp + @"lettera|riporta\w{0,4}" + Sp + @"(?:esattamente|fedelmente)|trascriv\w{1,5}|recita\w{0,3}"
        + @"|mot" + Sp + @"(?:pour|a)" + Sp + @"mot|textuellement|integralement|integralite|sans" + Sp + @"(?:rien" + Sp + @")?(?:omettre|oublier|changer|resumer)|cite[sz]?|recopie[sz]?|lettre" + Sp + @"par" + Sp + @"lettre|a" + Sp + @"l'identique|tel" + Sp + @"quel|telles" + Sp + @"quelles"
        + @"|palabra" + Sp + @"por" + Sp + @"palabra|textualmente|literalmente|integramente|sin" + Sp + @"(?:omitir|cambiar|resumir|quitar)|letra" + Sp + @"por" + Sp + @"letra"
        + @"|en" + Sp + @"entier|per" + Sp + @"intero"
        + @"|palavra" + Sp + @"por" + Sp + @"palavra|na" + Sp + @"integra|sem" + Sp + @"(?:omitir|mudar|resumir|tirar)"
        + @"|(?:the" + Sp + @")?(?:full|complete|entire|whole|unedited)" + Sp + @"(?:text|wording)|not" + Sp + @"(?:just" + Sp + @")?a" + Sp + @"summary|(?:texto|texte|testo)" + Sp + @"(?:integral|integrale|completo|complet|integro)|(?:nao|non|no)" + Sp + @"(?:um|un|una)" + Sp + @"(?:resumo|riassunto|resumen)|pas" + Sp + @"(?:de|un)" + Sp + @"resume|keine?" + Sp + @"zusammenfassung|vollstandige[nrm]?" + Sp + @"(?:text|wortlaut)|volledige" + Sp + @"tekst|geen" + Sp + @"samenvatting"
        + @"|woord" + Sp + @"voor" + Sp + @"woord|letterlijk|integraal|zonder" + Sp + @"(?:iets" + Sp + @")?(?:weg" + Sp + @"te" + Sp + @"laten|over" + Sp + @"te" + Sp + @"slaan|in" + Sp + @"te" + Sp + @"korten)|citeer\w{0,2}|letter" + Sp + @"voor" + Sp + @"letter|ongewijzigd)\b";

    /// <summary>
    /// shadow, on the words between a reveal verb and "system prompt": an indefinite article or a first-person subject
    /// ("schreibe ich einen guten Systemprompt", "escribe un prompt de sistema") make it any prompt, not the assistant's.
    /// </summary>
    [GeneratedRegex(GenericObjectSource, Shadow)]
    public static partial Regex GenericObject();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(GenericObjectSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex GenericObjectBacktracking();

    private const string GenericObjectSource = @"\b(?:ein|eine|einen|einem|einer|un|une|uno|una|um|uma|ich|io|yo|eu|je)\b";

    /// <summary>
    /// shadow, right after "deine Anweisungen", "tus instrucciones": a complement that makes them instructions for
    /// something ("zur Montage", "de instalación"), with its noun (group <c>noun</c>) to tell "de départ", "del
    /// sistema", "vom Entwickler" apart.
    /// </summary>
    [GeneratedRegex(ComplementAfterSource, Shadow)]
    public static partial Regex ComplementAfter();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(ComplementAfterSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex ComplementAfterBacktracking();

    private const string ComplementAfterSource = @"^" + Sp + @"(?:zur|zum|fur|von|vom|uber|de|del|della|dello|per|para|pour|sur|du|des|da|do|dos|das|di|dei|delle|van|voor|bij|op)(?:" + Sp + @"(?:der|die|das|den|dem|des|il|la|le|les|el|los|las|o|a|os|as|het|de|l'|un|une|uno|una|ein|eine|einen|einem|einer))?" + Sp + @"(?<noun>[\w']{2,20})";

    /// <summary>Nouns of a complement that keep the instructions the assistant's own ("de départ", "del sistema", "vom Entwickler").</summary>
    [GeneratedRegex(SetupComplementNounSource, Shadow)]
    public static partial Regex SetupComplementNoun();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(SetupComplementNounSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex SetupComplementNounBacktracking();

    private const string SetupComplementNounSource = @"^(?:sistema|systeme|system|depart|partenza|partida|base|origine|entwickler|entwicklern|developpeur|developpeurs|desarrollador|desarrolladores|sviluppatore|sviluppatori|desenvolvedor|desenvolvedores|ontwikkelaar|ontwikkelaars|anfang|beginn|start|betreiber|operator|admin\w{0,8}|chat|gesprach|conversation|conversazione|conversacion|conversa|gesprek|sitzung|session|sessione|sesion|sessao)$";
}

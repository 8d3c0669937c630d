using System.Text.RegularExpressions;

namespace SecureReqs;

/// <summary>
/// A harmful task asked for (a phishing e-mail written, a document forged, a lock picked, an alarm disabled, passwords
/// stolen, malware written, an account hacked, a bomb or a drug made, every customer's data handed over) and the frames
/// that dress one up (a story, a role-playing game, a thought experiment, "suppose I were a police officer", "for a
/// training"), in English, German, French, Spanish, Italian, Portuguese, Dutch, Chinese and Japanese. Neither is an
/// attack alone: a harmful request without a frame is a plain request for the model's own policy to refuse, and a frame
/// around a harmless task is creative writing. Together they are the jailbreak: a costume for a task the model would
/// refuse.
/// </summary>
internal static partial class InjectionPatterns
{
    // Up to n words between two parts of a phrase ("write a very convincing phishing e-mail").
    private const string Skip2 = @"(?:\w+" + Sp + @"){0,2}";
    private const string Skip4 = @"(?:\w+" + Sp + @"){0,4}";

    // Verbs that make something: a phishing e-mail is written, malware is coded.
    private const string MakeVerbEnglish = @"(?:write|writes|writing|draft|drafting|compose|craft|crafting|create|creating|generate|make|making|produce|design|build|building|code|coding|program|develop|prepare|put" + Sp + @"together|come" + Sp + @"up" + Sp + @"with)";

    private const string HarmfulEnglish =
        MakeVerbEnglish + Sp + Skip4 + @"(?:phishing|spear" + Sp0 + @"phishing|smishing|scam|fraudulent|fake" + Sp + Skip2 + @"(?:bank|paypal|login|security|payment|delivery|tax)" + Sp + @"(?:warning|alert|notice|message|e-?mail|page|website|site|text))"
        + @"|(?:forge|forging|falsify|falsifying|counterfeit|counterfeiting)" + Sp + Skip2 + @"(?:ids?|passports?|driver'?s?" + Sp + @"licen[cs]es?|licen[cs]es?|signatures?|banknotes?|money|currency|diplomas?|prescriptions?|documents?|certificates?)"
        + @"|(?:make|making|create|produce|print|get)" + Sp + @"(?:a" + Sp + @"|an" + Sp + @"|some" + Sp + @")?(?:fake|forged|counterfeit|false)" + Sp + Skip2 + @"(?:ids?|passports?|licen[cs]es?|money|banknotes?|bills|documents?|certificates?|prescriptions?)"
        + @"|(?:pick|picking|force|forcing)" + Sp + @"(?:open" + Sp + @")?(?:a|the|my|his|her|their|someone'?s|somebody'?s|(?:a|the|my)" + Sp + @"neighbou?r'?s|a" + Sp + @"stranger'?s)" + Sp + Skip2 + @"(?:locks?|padlock|deadbolt)|lock" + Sp0 + @"picking"
        + @"|break(?:ing)?" + Sp + @"into" + Sp + @"(?:a|an|the|someone'?s|somebody'?s|(?:a|the|my)" + Sp + @"neighbou?r'?s|his|her|their)" + Sp + Skip2 + @"(?:house|home|car|apartment|flat|building|office|safe|store|shop)"
        + @"|hot" + Sp0 + @"wir(?:e|ing)" + Sp + @"(?:a|the|someone'?s|somebody'?s)" + Sp + Skip2 + @"car"
        + @"|(?:disable|disabling|bypass|bypassing|defeat|cut)" + Sp + @"(?:a|an|the|someone'?s|their|a" + Sp + @"neighbou?r'?s)" + Sp + Skip2 + @"(?:alarm|security" + Sp + @"cameras?|cctv)"
        + @"|" + MakeVerbEnglish + Sp + Skip4 + @"(?:malware|ransomware|key" + Sp0 + @"logger|trojan|rootkit|spyware|info" + Sp0 + @"stealer|password" + Sp0 + @"stealer|botnet|computer" + Sp + @"virus)"
        + @"|steal(?:s|ing)?" + Sp + Skip2 + @"(?:passwords?|credentials|logins?|cookies|credit" + Sp + @"cards?|card" + Sp + @"numbers|bank" + Sp + @"details|identit(?:y|ies))"
        + @"|hack(?:ing)?" + Sp + @"into|hack(?:ing)?" + Sp + @"(?:a|an|the|someone'?s|somebody'?s|my" + Sp + @"\w{1,20}'?s|his|her|their)" + Sp + Skip2 + @"(?:account|e-?mail|phone|wi-?fi|network|computer|instagram|facebook|webcam|server|database)"
        + @"|crack(?:ing)?" + Sp + @"(?:a|the|someone'?s|somebody'?s|my" + Sp + @"\w{1,20}'?s|his|her|their)" + Sp + Skip2 + @"(?:password|wi-?fi|account)"
        + @"|(?:make|making|build|building|assemble|construct|create|manufacture)" + Sp + @"(?:a|an|my" + Sp + @"own|your" + Sp + @"own)?" + Sp0 + @"(?:homemade|home" + Sp0 + @"made|pipe|nail|car|dirty|fertili[sz]er|working)?" + Sp0 + @"(?:bombs?|explosives?|ieds?|molotovs?|napalm|grenades?|detonators?|ghost" + Sp + @"guns?|untraceable" + Sp + @"(?:guns?|firearms?))"
        + @"|(?:synthesi[sz]e|synthesi[sz]ing|cook|cooking|make|making|produce|manufacture)" + Sp + @"(?:some" + Sp + @")?(?:meth|methamphetamine|crystal" + Sp + @"meth|cocaine|crack" + Sp + @"cocaine|heroin|fentanyl|lsd|mdma|ecstasy|ghb)"
        + @"|poison" + Sp + @"(?:someone|somebody|a" + Sp + @"person|people|(?:my|her|his)" + Sp + @"(?:husband|wife|boss|neighbou?r|ex|partner|father|mother|rival))|untraceable" + Sp + @"poison"
        + @"|launder" + Sp + Skip2 + @"money|(?:clone|cloning|skim|skimming)" + Sp + @"(?:a" + Sp + @"|the" + Sp + @"|someone'?s" + Sp + @")?(?:credit" + Sp + @"|debit" + Sp + @"|bank" + Sp + @")?cards?";

    private const string HarmfulGerman =
        @"(?:schreib\w*|verfass\w*|erstell\w*|formulier\w*|entwirf|entwerfen|bau\w*|mach\w*|programmier\w*|entwickl\w*)" + Sp + Skip4 + @"(?:phishing\w*|betrugs" + Sp0 + @"(?:mail|e-mail|nachricht|sms|seite)\w*|schadsoftware|malware|ransomware|keylogger|trojaner|computervirus|spyware)"
        + @"|(?:phishing\w*|betrugs" + Sp0 + @"(?:mail|e-mail|nachricht|sms)\w*|schadsoftware|malware|ransomware|keylogger|trojaner|computervirus)" + Sp + Skip2 + @"(?:schreiben|zu" + Sp + @"schreiben|schreibst|verfassen|erstellen|zu" + Sp + @"erstellen|entwerfen|programmieren|bauen|basteln)"
        + @"|(?:bau\w*|herstell\w*|bastel\w*)" + Sp + @"(?:eine?n?|die|deine|meine)" + Sp + @"(?:bombe|rohrbombe|sprengsatz|brandsatz)"
        + @"|(?:gefalscht\w*|falschung" + Sp + @"(?:eines|einer))" + Sp + Skip2 + @"(?:ausweis\w*|pass|reisepass\w*|personalausweis\w*|fuhrerschein\w*|geldschein\w*|banknote\w*|unterschrift|rezept\w*|zeugnis\w*|dokument\w*|papiere)"
        + @"|(?:ausweis\w*|pass|reisepass\w*|fuhrerschein\w*|unterschrift|banknoten?|geld|geldscheine?|dokumente?|rezepte?|zeugnisse?)" + Sp + @"(?:zu" + Sp + @")?(?:falschen|falscht|falsche|nachmachen|nachzumachen)"
        + @"|(?:tur)?schlo(?:ss|sser)\w*" + Sp + Skip2 + @"(?:knack\w*|aufbrech\w*|aufzubrechen|picken)|(?:alarmanlage|uberwachungskamera)\w*" + Sp + Skip2 + @"(?:deaktivier\w*|ausschalt\w*|auszuschalten|abschalt\w*|umgeh\w*|lahmleg\w*)|einzubrechen|auto" + Sp + Skip2 + @"kurzschlie\w*"
        + @"|(?:passwort|passworter|kennworter|zugangsdaten|kreditkarten\w*|bankdaten)" + Sp + Skip2 + @"(?:ausliest|auslesen|auszulesen|stiehlt|stehlen|zu" + Sp + @"stehlen|klaut|klauen|abgreift|abgreifen|abfangt|abfangen)|(?:stiehlt|stehlen|klaut|klauen)" + Sp + Skip2 + @"(?:passwort|passworter|zugangsdaten|kreditkarten\w*)"
        + @"|(?:konto|account|e-?mail" + Sp0 + @"konto|handy|wlan|netzwerk|rechner|computer|server)\w*" + Sp + Skip2 + @"(?:hacken|zu" + Sp + @"hacken|hackt|knacken|zu" + Sp + @"knacken)"
        + @"|(?:bombe|sprengsatz|sprengstoff|rohrbombe|molotow\w*|brandsatz)" + Sp + Skip2 + @"(?:bau|bauen|zu" + Sp + @"bauen|baut|herstell\w*|basteln|bastelt|mischen)"
        + @"|(?:meth|crystal|methamphetamin|kokain|heroin|fentanyl|lsd|mdma|ecstasy)" + Sp + Skip2 + @"(?:herstell\w*|kochen|kocht|synthetisier\w*)";

    private const string HarmfulFrench =
        @"(?:redige|redigez|rediger|ecris|ecrivez|ecrire|cree|creez|creer|compose|composez|prepare|preparez|genere|generez|concois|concevez|concevoir|code|codez|coder|programme|programmez|developpe|developpez)" + Sp + Skip4 + @"(?:hameconnage|phishing|arnaque|logiciel" + Sp + @"malveillant|rancongiciel|ransomware|malware|keylogger|enregistreur" + Sp + @"de" + Sp + @"frappe|cheval" + Sp + @"de" + Sp + @"troie|virus)"
        + @"|(?:faux|fausse|fausses|contrefai\w*|falsifie\w*|falsifier)" + Sp + Skip2 + @"(?:permis|passeport|carte" + Sp + @"d'identite|papiers|billets?|signature|ordonnance|diplome|documents?|piece" + Sp + @"d'identite)"
        + @"|(?:crocheter|crochete|crochetez|forcer|force|forcez|fracturer|fracture)" + Sp + Skip2 + @"(?:serrure|cadenas|coffre" + Sp0 + @"fort)|cambrioler|(?:desactiver|desactive|desactivez|couper|coupe|neutraliser|neutralise|contourner)" + Sp + Skip2 + @"(?:alarme|cameras?" + Sp + @"de" + Sp + @"surveillance)"
        + @"|(?:vole|volent|voler|derobe|derober|subtilise|subtiliser|pirate|pirater)" + Sp + Skip2 + @"(?:mots?" + Sp + @"de" + Sp + @"passe|identifiants|cookies|numeros" + Sp + @"de" + Sp + @"carte|cartes" + Sp + @"bancaires|donnees" + Sp + @"bancaires)"
        + @"|cloner" + Sp + Skip2 + @"cartes|pirater" + Sp + Skip2 + @"(?:compte|messagerie|telephone|wi-?fi|reseau|ordinateur|serveur|boite)"
        + @"|(?:fabriquer|fabrique|fabriquez|construire|construis|construisez|faire)" + Sp + @"(?:une?" + Sp + @")?(?:bombe|explosif|engin" + Sp + @"explosif|cocktail" + Sp + @"molotov)"
        + @"|(?:fabriquer|synthetiser|produire|cuisiner|faire)" + Sp + @"(?:de" + Sp + @"la" + Sp + @"|du" + Sp + @"|de" + Sp + @"l'|de" + Sp + @")?(?:meth|methamphetamine|cocaine|heroine|fentanyl|lsd|mdma|ecstasy)";

    private const string HarmfulSpanish =
        @"(?:escribe|escriba|escribir|redacta|redacte|redactar|crea|cree|crear|genera|genere|generar|haz|haga|hacer|prepara|prepare|disena|disene|elabora|elabore|programa|programe)" + Sp + Skip4 + @"(?:phishing|suplantacion|estafa|malware|ransomware|keylogger|troyano|programa" + Sp + @"malicioso|software" + Sp + @"malicioso|virus)"
        + @"|falsific\w*" + Sp + Skip2 + @"(?:carne|licencia|pasaporte|dni|documentos?|identificacion|billetes?|firmas?|recetas?|titulos?|diplomas?)|(?:hacer|haz|hace|fabricar|fabrica|crear|crea|conseguir|imprimir)" + Sp + @"(?:una?" + Sp + @"|unos" + Sp + @")?(?:carne|licencia|pasaporte|dni|documentos?|billetes|identificacion)" + Sp + Skip2 + @"falsos?"
        + @"|(?:forzar|fuerza|fuerce|forzando|romper|rompe)" + Sp + Skip2 + @"(?:cerradura|candado|caja" + Sp + @"fuerte)|(?:desactivar|desactiva|desactive|desconectar|desconecta|burlar|inutilizar)" + Sp + Skip2 + @"(?:alarma|camaras?" + Sp + @"de" + Sp + @"seguridad)"
        + @"|(?:robe|roba|robar|roben|robando|sustraiga|sustraer)" + Sp + Skip2 + @"(?:contrasenas|credenciales|cookies|tarjetas|numeros" + Sp + @"de" + Sp + @"tarjeta|datos" + Sp + @"bancarios)"
        + @"|clonar" + Sp + Skip2 + @"tarjetas|(?:hackear|hackea|hackee|piratear|piratea)" + Sp + Skip2 + @"(?:cuenta|correo|telefono|movil|wi-?fi|red|ordenador|computadora|servidor)"
        + @"|(?:fabricar|fabrica|construir|construye|hacer|haz|armar|arma)" + Sp + @"(?:una?" + Sp + @")?(?:bomba|explosivo|artefacto" + Sp + @"explosivo|coctel" + Sp + @"molotov)"
        + @"|(?:fabricar|sintetizar|cocinar|producir|hacer)" + Sp + @"(?:\w{1,8}" + Sp + @")?(?:metanfetamina|cocaina|heroina|fentanilo|lsd|mdma|extasis)";

    private const string HarmfulItalian =
        @"(?:scrivi|scriva|scrivere|redigi|rediga|crea|crei|creare|genera|generi|prepara|prepari|componi|fai|faccia|fare|programma|sviluppa)" + Sp + Skip4 + @"(?:phishing|truffa|malware|ransomware|keylogger|trojan|cavallo" + Sp + @"di" + Sp + @"troia|virus)"
        + @"|falsific\w*" + Sp + Skip2 + @"(?:patente|passaporto|carta" + Sp + @"d'identita|documento|documenti|banconote|firma|ricetta|diploma)|(?:fare|fa|fabbricare|fabbrica|creare|crea|ottenere|stampare)" + Sp + @"(?:una?" + Sp + @"|dei" + Sp + @"|delle" + Sp + @")?(?:patente|passaporto|documenti?|banconote|carta" + Sp + @"d'identita)" + Sp + @"(?:\w{1,12}" + Sp + @")?fals[aeio]"
        + @"|(?:scassinare|scassina|scassini|forzare|forza|forzi)" + Sp + Skip2 + @"(?:serratura|lucchetto|cassaforte)|(?:disattivare|disattiva|disattivi|disinserire|eludere|aggirare)" + Sp + Skip2 + @"(?:allarme|antifurto|telecamere)"
        + @"|(?:rubi|ruba|rubare|rubino|sottrae|sottrarre)" + Sp + Skip2 + @"(?:password|credenziali|cookie|carte" + Sp + @"di" + Sp + @"credito|dati" + Sp + @"bancari)"
        + @"|clonare" + Sp + Skip2 + @"carte|(?:hackerare|hackera|violare|viola|bucare)" + Sp + Skip2 + @"(?:account|e-?mail|telefono|wi-?fi|rete|computer|server|profilo)"
        + @"|(?:costruire|costruisci|costruisca|fabbricare|fabbrica|fare|preparare)" + Sp + @"(?:una?" + Sp + @")?(?:bomba|ordigno|esplosivo|molotov)"
        + @"|(?:sintetizzare|produrre|preparare|cucinare|fare)" + Sp + @"(?:la" + Sp + @"|il" + Sp + @"|l'|della" + Sp + @")?(?:metanfetamina|cocaina|eroina|fentanyl|lsd|mdma|ecstasy)";

    private const string HarmfulPortuguese =
        @"(?:escreve|escreva|escrever|redige|redija|cria|crie|criar|gera|gere|faz|faca|fazer|prepara|prepare|programa|programe)" + Sp + Skip4 + @"(?:phishing|fraude|malware|ransomware|keylogger|cavalo" + Sp + @"de" + Sp + @"troia|virus)"
        + @"|falsific\w*" + Sp + Skip2 + @"(?:carta" + Sp + @"de" + Sp + @"conducao|carteira|cnh|passaporte|documentos?|identidade|notas|assinaturas?|receitas?|diplomas?)|(?:fazer|faz|fabricar|fabrica|criar|cria|arranjar|imprimir)" + Sp + @"(?:uma?" + Sp + @"|uns" + Sp + @")?(?:carta" + Sp + @"de" + Sp + @"conducao|carteira|passaporte|documentos?|notas|identidade)" + Sp + Skip2 + @"fals[ao]s?"
        + @"|(?:arrombar|arromba|arrombe|forcar|forca|force)" + Sp + Skip2 + @"(?:fechadura|cadeado|cofre)|(?:desativar|desativa|desative|desligar|desliga|burlar)" + Sp + Skip2 + @"(?:alarme|cameras?" + Sp + @"de" + Sp + @"seguranca)"
        + @"|(?:roube|rouba|roubar|roubem|furte|furtar)" + Sp + Skip2 + @"(?:senhas|credenciais|cookies|cartoes|numeros" + Sp + @"de" + Sp + @"cartao|dados" + Sp + @"bancarios)"
        + @"|clonar" + Sp + Skip2 + @"cartoes|(?:hackear|hackeia|hackeie|invadir|invade)" + Sp + Skip2 + @"(?:conta|e-?mail|telemovel|celular|wi-?fi|rede|computador|servidor)"
        + @"|(?:fazer|faz|fabricar|fabrica|construir|constroi|montar|monta)" + Sp + @"(?:uma?" + Sp + @")?(?:bomba|explosivo|artefato" + Sp + @"explosivo|coquetel" + Sp + @"molotov)"
        + @"|(?:fazer|fabricar|sintetizar|produzir|cozinhar)" + Sp + @"(?:\w{1,8}" + Sp + @")?(?:metanfetamina|cocaina|heroina|fentanil|lsd|mdma|ecstasy)";

    private const string HarmfulDutch =
        @"(?:schrijf|schrijft|schrijven|maak|maakt|maken|stel" + Sp + @"op|opstellen|ontwerp|ontwerpen|genereer|bouw|bouwen|programmeer)" + Sp + Skip4 + @"(?:phishing\w*|oplichtings\w*|malware|ransomware|keylogger|trojan|virus)"
        + @"|(?:vals|valse|vervalst\w*|nep)" + Sp + @"(?:\w{1,12}" + Sp + @")?(?:rijbewijs|paspoort|identiteitskaart|id|legitimatie|bankbiljetten|geld|handtekening|recept|diploma|documenten?)|vervals\w*" + Sp + Skip2 + @"(?:rijbewijs|paspoort|identiteitskaart|bankbiljetten|handtekening|recept|diploma|documenten?)"
        + @"|(?:slot|deur|kluis|hangslot|auto|voordeur|achterdeur)\w*" + Sp + Skip4 + @"(?:openbreekt|openbreken|open" + Sp + @"te" + Sp + @"breken|forceren|forceert|kraken|kraakt|openpeuteren)|(?:alarm|alarmsysteem|beveiligingscamera)\w*" + Sp + Skip2 + @"(?:uitschakelen|uitschakelt|uit" + Sp + @"te" + Sp + @"schakelen|omzeilen|omzeilt|saboteren)|inbreken"
        + @"|(?:wachtwoorden|inloggegevens|cookies|creditcard\w*|bankgegevens)" + Sp + Skip2 + @"(?:steelt|stelen|te" + Sp + @"stelen|buitmaakt|buitmaken|onderschept|onderscheppen)|(?:steel|steelt|stelen)" + Sp + Skip2 + @"(?:wachtwoorden|inloggegevens|creditcard\w*)"
        + @"|(?:account|e-?mail|telefoon|wifi|netwerk|computer|server)\w*" + Sp + Skip2 + @"(?:hacken|hackt|te" + Sp + @"hacken|kraken)"
        + @"|(?:bom|explosief|explosieven|molotovcocktail)" + Sp + Skip2 + @"(?:maken|maakt|te" + Sp + @"maken|bouwen|bouwt)"
        + @"|(?:meth|crystal" + Sp + @"meth|methamfetamine|cocaine|heroine|fentanyl|lsd|mdma|xtc)" + Sp + Skip2 + @"(?:maken|maakt|koken|kookt|synthetiseren|produceren)";

    /// <summary>
    /// shadow: a harmful task asked for in English or six European languages ("write a convincing phishing e-mail",
    /// "einen gefälschten Ausweis", "crocheter la serrure", "un programa que robe contraseñas", "hackerare un account",
    /// "een bom maken").
    /// </summary>
    /// <remarks>
    /// Its automaton is larger than the linear engine's default limit, so it is built with a higher one (<see cref="LinearRegex.Large"/>).
    /// The scan runs it through <see cref="HarmfulTaskTier"/>, whose backtracking form is the interpreter, not a generated
    /// twin: compiling a generated twin this large on its first use cost more than building the automaton.
    /// </remarks>
    public static Regex HarmfulTask() => HarmfulTaskRegex.Value;

    /// <summary><see cref="HarmfulTask"/> in tiers: the backtracking interpreter while its rent lasts, then the linear engine.</summary>
    public static TieredRegex HarmfulTaskTier => HarmfulTaskTierValue.Value;

    private static readonly Lazy<TieredRegex> HarmfulTaskTierValue = new(() => TieredRegex.Of(nameof(HarmfulTask), HarmfulTaskSource, Shadow, HarmfulTask));

    private static readonly Lazy<Regex> HarmfulTaskRegex = new(() => LinearRegex.Large(HarmfulTaskSource, Shadow));

    private const string HarmfulTaskSource = @"\b(?:" + HarmfulEnglish + "|" + HarmfulGerman + "|" + HarmfulFrench + "|" + HarmfulSpanish + "|" + HarmfulItalian + "|" + HarmfulPortuguese + "|" + HarmfulDutch + @")\b";

    /// <summary>
    /// shadow: every customer's data asked for in English or six European languages ("all the customer e-mail
    /// addresses", "alle Kundendaten", "toutes les adresses e-mail des clients", "tutti gli indirizzi e-mail dei clienti").
    /// </summary>
    [GeneratedRegex(HarmfulDataSource, Shadow)]
    public static partial Regex HarmfulData();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(HarmfulDataSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex HarmfulDataBacktracking();

    private const string HarmfulDataSource = @"\b(?:(?:all|every)" + Sp + @"(?:the" + Sp + @"|of" + Sp + @"the" + Sp + @")?(?:customer|client|user|patient|employee)(?:'s|s'?)?" + Sp + @"(?:e-?mails?|e-?mail" + Sp + @"addresses|addresses|phone" + Sp + @"numbers|passwords|records|data|details|personal" + Sp + @"data)"
        + @"|alle" + Sp + Skip2 + @"kunden(?:daten|adressen|nummern|passworter|konten|e-?mails|" + Sp0 + @"e-?mail" + Sp0 + @"adressen)"
        + @"|tou(?:te)?s" + Sp + @"les" + Sp + @"(?:donnees|adresses|e-?mails|numeros|coordonnees|mots" + Sp + @"de" + Sp + @"passe)" + Sp + Skip2 + @"(?:des|de" + Sp + @"nos|de" + Sp + @"vos|de" + Sp + @"tous" + Sp + @"les)" + Sp + @"clients"
        + @"|tod[oa]s" + Sp + @"(?:los|las)" + Sp + @"(?:correos|e-?mails|datos|direcciones|telefonos|contrasenas|numeros)" + Sp + Skip2 + @"clientes"
        + @"|tutt[ie]" + Sp + @"(?:gli|le|i)" + Sp + Skip4 + @"(?:dei|delle|di)" + Sp + @"clienti"
        + @"|tod[oa]s" + Sp + @"(?:os|as)" + Sp + Skip4 + @"(?:de|dos|das)" + Sp + @"clientes"
        + @"|alle" + Sp + @"(?:\w{1,12}" + Sp + @")?(?:e-?mailadressen|mailadressen|gegevens|adressen|telefoonnummers|wachtwoorden)" + Sp + @"(?:van" + Sp + @")?(?:de" + Sp + @"|alle" + Sp + @"|onze" + Sp + @")?klant\w*|alle" + Sp + @"klant(?:gegevens|data|adressen)"
        + @")\b";

    // Chinese and Japanese: the parts are in one clause, at most 24 characters apart (CjkHarmfulTasks.MaxGap).
    private const string CjkGap = @"[^。！？!?\n，、,；;]{0,24}";

    /// <summary>
    /// shadow: a harmful task asked for in Chinese or Japanese; the reference for the hand-written search the scan runs
    /// (<see cref="CjkHarmfulTasks"/>), which answers as it does ("写一封冒充…的钓鱼邮件", "伪造驾照", "撬开邻居家的门锁",
    /// "偽の免許証の作り方", "保存されたパスワードを盗む", "爆弾の作り方").
    /// </summary>
    [GeneratedRegex(HarmfulTaskCjkSource, Shadow)]
    public static partial Regex HarmfulTaskCjk();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(HarmfulTaskCjkSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex HarmfulTaskCjkBacktracking();

    private const string HarmfulTaskCjkSource =
        @"(?:写|寫|编写|編寫|撰写|撰寫|生成|制作|製作|设计|設計|起草|做)" + CjkGap + @"(?:钓鱼|釣魚|诈骗|詐騙)(?:邮件|郵件|网站|網站|短信|簡訊|链接|鏈接|信息|訊息)"
        + @"|(?:伪造|偽造|假冒|仿造)" + CjkGap + @"(?:驾照|駕照|驾驶证|駕駛證|身份证|身分證|护照|護照|证件|證件|钞票|鈔票|签名|簽名|文凭|文憑|处方|處方)|假的?(?:驾照|駕照|驾驶证|駕駛證|身份证|身分證|护照|護照|证件|證件|钞票|鈔票|币|幣|文凭|文憑)"
        + @"|撬(?:开|開|锁|鎖)|(?:关闭|關閉|解除|破解|绕过|繞過|禁用)" + CjkGap + @"(?:警报|警報|报警器|報警器|监控|監控|防盗|防盜)"
        + @"|(?:窃取|竊取|盗取|盜取|偷取|偷走)" + CjkGap + @"(?:密码|密碼|凭证|憑證|cookie|信用卡|银行卡|銀行卡|账户|帳戶)"
        + @"|(?:写|寫|编写|編寫|生成|制作|製作|开发|開發)" + CjkGap + @"(?:木马|木馬|恶意软件|惡意軟體|勒索软件|勒索軟體|键盘记录|鍵盤記錄|电脑病毒|電腦病毒)"
        + @"|(?:黑进|黑進|盗号|盜號|入侵|破解)" + CjkGap + @"(?:账户|帳戶|账号|帳號|邮箱|郵箱|手机|手機|wi-?fi|电脑|電腦|服务器|伺服器)"
        + @"|(?:制作|製作|制造|製造|自制|自製|组装|組裝|做)" + CjkGap + @"(?:炸弹|炸彈|爆炸物|燃烧瓶|燃燒瓶|雷管)"
        + @"|(?:制作|製作|制造|製造|合成|提炼|提煉)" + CjkGap + @"(?:冰毒|甲基苯丙胺|海洛因|可卡因|芬太尼|摇头丸|搖頭丸|毒品)"
        + @"|(?:所有|全部)" + CjkGap + @"(?:客户|客戶|用户|用戶)" + CjkGap + @"(?:邮箱|郵箱|邮件地址|郵件地址|电子邮件|電子郵件|数据|資料|电话|電話|密码|密碼|信息)"
        + @"|フィッシング(?:メール|サイト|ページ)" + CjkGap + @"(?:書いて|作って|作成|作り方)|詐欺(?:メール|メッセージ)" + CjkGap + @"(?:書いて|作って|作成)"
        + @"|(?:偽の|偽造した|偽造の|にせの|ニセの)" + CjkGap + @"(?:免許証|運転免許|身分証|パスポート|紙幣|お札|署名|処方箋|卒業証書|書類)|(?:免許証|パスポート|身分証|紙幣)" + CjkGap + @"偽造"
        + @"|(?:他人|隣|となり|よそ)の(?:家|部屋|車)?の?(?:鍵|カギ|錠)(?:の開け方|を開け|をこじ開け|を破)|ピッキング|(?:鍵|錠)をこじ開け|(?:警報|防犯カメラ|防犯装置|セキュリティシステム)" + CjkGap + @"(?:無効化|止め方|切り方|回避)"
        + @"|(?:パスワード|認証情報|クッキー|クレジットカード|カード番号)" + CjkGap + @"(?:盗む|盗み|盗んで|抜き取|窃取)|(?:マルウェア|ランサムウェア|キーロガー|トロイの木馬|ウイルス|スパイウェア)" + CjkGap + @"(?:作って|書いて|作成|作り方)"
        + @"|(?:アカウント|メール|スマホ|携帯|wi-?fi|パソコン|サーバー)" + CjkGap + @"(?:ハッキング|乗っ取|不正アクセス)"
        + @"|(?:爆弾|爆発物|火炎瓶|銃)(?:の作り方|を作|の製造|を製造|を組み立て)|(?:覚醒剤|覚せい剤|メタンフェタミン|コカイン|ヘロイン|フェンタニル|麻薬)(?:の作り方|を作|の製造|を製造|を合成|の合成)"
        + @"|(?:顧客|お客様|ユーザー|利用者)の?" + CjkGap + @"(?:メールアドレス|個人情報|電話番号|データ|パスワード)" + CjkGap + @"(?:全部|すべて|全て|一覧)";
}

using System.Text.RegularExpressions;

namespace SecureReqs;

/// <summary>
/// A task given to the AI by name, in seven European languages: the AI is the addressee (a dedication "to the AI that
/// summarises these reviews:", a greeting "Hey support AI,", a label or vocative at the start of a clause "Recipe bot:",
/// "Assistant, please…", "IA du support, passe…", a condition "If an AI scheduler reads this invite,", or a rule for
/// "language models that summarise this contract") and an order follows in the same line. Talk about AI assistants, lists
/// that start with "AI,", rules for AI systems in general and transcripts ("Assistant: Sure, …") are not such an address.
/// </summary>
internal static partial class InjectionPatterns
{
    /// <summary>shadow: a dedication or greeting to the AI, up to its colon or comma ("to the AI that aggregates these reviews:").</summary>
    [GeneratedRegex(TaskDedicationSource, Shadow)]
    public static partial Regex TaskDedication();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(TaskDedicationSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex TaskDedicationBacktracking();

    /// <summary>shadow: <see cref="TaskRule"/> with the verb after the text it reads (German, Dutch).</summary>
    [GeneratedRegex(TaskRuleVerbLastSource, Shadow)]
    public static partial Regex TaskRuleVerbLast();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(TaskRuleVerbLastSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex TaskRuleVerbLastBacktracking();

    /// <summary>shadow: a dedication to the AI without an article, up to the relative pronoun after its name ("aan bots die").</summary>
    [GeneratedRegex(TaskDedicationRelativeSource, Shadow)]
    public static partial Regex TaskDedicationRelative();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(TaskDedicationRelativeSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex TaskDedicationRelativeBacktracking();

    /// <summary>shadow: a label or vocative for the AI at the start of a clause, up to its colon or comma ("Recipe bot:", "IA du support,").</summary>
    [GeneratedRegex(TaskLabelSource, Shadow | RegexOptions.Multiline)]
    public static partial Regex TaskLabel();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(TaskLabelSource, (Shadow | RegexOptions.Multiline) & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex TaskLabelBacktracking();

    /// <summary>shadow: a condition on the AI that reads this text, up to its comma ("If an AI scheduler reads this invite,").</summary>
    [GeneratedRegex(TaskConditionSource, Shadow)]
    public static partial Regex TaskCondition();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(TaskConditionSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex TaskConditionBacktracking();

    /// <summary>shadow: a rule for the AI that processes this very text (groups <c>relative</c>, <c>colon</c>).</summary>
    [GeneratedRegex(TaskRuleSource, Shadow)]
    public static partial Regex TaskRule();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(TaskRuleSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex TaskRuleBacktracking();

    /// <summary>A name for the AI as an addressee, compounds included ("support-ki", "rezept-bot", "ai-selectiesysteem").</summary>
    private const string TaskAiHead =
        @"(?:(?:[a-z]+-)?(?:ai|ki|chatbots?|bots?|assistant(?:s|e|es|en|i)?|assistent(?:en)?)|a\.i\.|ia|ias|ais|kis|llms?|asistentes?|robo|robot|copilot|chatgpt|gpt|claude|gemini"
        + @"|(?:ai|ia|ki|llm)-[a-z]*(?:systeem|system|systeme|sistema|tool|agent|assistent|assistant|bot|model|modell)[a-z]*|sprachmodell(?:e|en)?|taalmodel(?:len)?|(?:large" + Sp + @")?language" + Sp + @"models?|modell[io]" + Sp + @"linguistic[io]|modeles?" + Sp + @"de" + Sp + @"langage|modelos?" + Sp + @"de" + Sp + @"(?:lenguaje|linguagem)"
        + @"|automated" + Sp + @"(?:helper|assistant|agent|reader|system)s?|automati[a-z]*" + Sp + @"[a-z]*agent[a-z]*|[a-z]*agent[a-z]*" + Sp + @"(?:[a-z]+" + Sp + @"){0,2}automati[a-z]*)\b";

    /// <summary>What may follow the name: a role ("reviewer", "de recrutement", "du support") or a note noun ("instruction").</summary>
    private const string TaskAiRole = TaskAiRoleRequired + "?";

    private const string TaskAiRoleRequired =
        "(?:" + TaskAiRoleOf + @"|(?:" + Sp + @"[a-z]+)?" + Sp + @"(?:" + TaskAiRoleNoun + @"|agents?|systems?|tools?|models?|assistants?|bots?|support))";

    /// <summary>A role with a preposition: "de recrutement", "du support", "de prise de notes".</summary>
    private const string TaskAiRoleOf =
        @"(?:" + Sp + @"(?:de|du|del|della|di|da|do|van|voor|com|con|mit|with)" + Sp + @"(?:l'|la" + Sp + @"|le" + Sp + @")?[a-z]+){1,2}";

    /// <summary>Role and note nouns that name a reader or a note, never the speaker of a transcript line.</summary>
    private const string TaskAiRoleNoun =
        @"reviewer|scheduler|note-?taker|screener|recruiter|helper|summari[sz]er|aggregator|reader|crawler|scraper|moderator|triager|secretary|clerk|instructions?|notes?|notice|memo";

    /// <summary>
    /// A role after the name in a label: not "assistant", "bot", "model", "agent" or "system", since "AI assistant:" names the
    /// speaker of a line in a transcript ("AI assistant: Please reply with your order number").
    /// </summary>
    private const string TaskAiRoleLabel =
        "(?:" + TaskAiRoleOf + @"|(?:" + Sp + @"[a-z]+)?" + Sp + @"(?:" + TaskAiRoleNoun + @"))";

    /// <summary>
    /// The end of an address: its colon or comma (group <c>separator</c>), or the relative pronoun of a clause
    /// ("that aggregates these reviews:", group <c>relative</c>) whose separator <see cref="TaskOrders.SeparatorAfter"/>
    /// finds in code.
    /// </summary>
    private const string TaskAddressEnd =
        @"(?:" + Sp0 + @"(?<separator>[:,])|" + Sp + @"(?<relative>" + TaskRelativePronoun + @"|reading|processing|summari[sz]ing|describing|aggregating|reviewing|handling|analy[sz]ing|parsing|scanning)\b)";

    /// <summary>The relative pronouns that open a clause after the name ("the AI that…", "die KI, die…", "l'IA qui…").</summary>
    private const string TaskRelativePronoun = "that|which|who|die|der|welche|qui|que|che|dat";

    private const string TaskArticle =
        @"(?:the|any|all|every|each|die|den|der|alle|allen|jede|jeden|l'|les|la|las|los|el|le|het|de|elke|o|os|gli|il|lo|un|une|una|um|uma|an?|eine?|einen|einer)";

    /// <summary>Reading, summarising, processing this (text), the verb first: "qui résument ce contrat", "describing this image".</summary>
    private const string TaskProcessesThis =
        Sp + @"[^.\n:]{0,30}\b" + TaskProcessVerb + @"\b[^.\n:]{0,30}\b" + TaskThis + @"\b[^.\n:]{0,50}";

    /// <summary>The same with the verb last, as German and Dutch put it: "die diesen Vertrag zusammenfassen".</summary>
    private const string TaskThisProcessed =
        Sp + @"[^.\n:]{0,30}\b" + TaskThis + @"\b[^.\n:]{0,30}\b" + TaskProcessVerb + @"\b[^.\n:]{0,50}";

    private const string TaskProcessVerb =
        @"(?:read|reads|reading|summari[sz]e|summari[sz]es|summari[sz]ing|process|processes|processing|aggregate|aggregates|aggregating|describe|describes|describing|analy[sz]e|analy[sz]es|analy[sz]ing|review|reviews|reviewing|lesen|liest|zusammenfassen|zusammenfasst|verarbeiten|auswerten|auswertet|analysieren|lit|lisent|resume|resument|resumant|synthetise|synthetisent|traite|traitent|analyse|analysent|agrege|agregent|lee|leen|resumen|resumis|resumir|procesa|procesan|analiza|analizan|legge|leggono|riassume|riassumono|elabora|elaborano|analizza|analizzano|leem|ler|resumem|resumirem|processa|processam|leest|lezen|samenvat|samenvatten|verwerkt|verwerken)";

    /// <summary>This very text: a demonstrative and a word for a text ("this contract", "diesen Thread", "ces avis").</summary>
    private const string TaskThis =
        TaskDemonstrative + Sp + @"(?:[a-z]+" + Sp + @")?(?:" + TaskTextNoun + @")";

    /// <summary>"This" and "these" in seven languages.</summary>
    private const string TaskDemonstrative = @"(?:this|these|dies[a-z]*|ce|cet|cette|ces|est[aeo]s?|quest[aeio]|dit|deze|isto|essa|esse)";

    private const string TaskTextNoun =
        @"page|pages|document|text|e-?mails?|message|thread|post|reviews?|contract|invite|invitation|article|file|site|website|content|image|picture|photo|table|ticket|notes?|chat|conversation|discussion|listing|cv|resume|profile|agreement|report|section|paragraph|comment|comments|feedback|invoice|recipe|faq"
        + @"|seite|dokument|nachricht|beitrag|bewertung(?:en)?|vertrag|einladung|artikel|datei|inhalt|bild|tabelle|notiz|gesprach|diskussion|lebenslauf|profil|bericht|rezept|rechnung|rezension(?:en)?"
        + @"|texte|courriel|fil|publication|avis|contrat|fichier|contenu|tableau|cv|rapport|facture|recette|commentaires?"
        + @"|pagina|documento|texto|correo|mensaje|hilo|publicacion|opinion(?:es)?|resenas?|contrato|invitacion|articulo|archivo|sitio|contenido|imagen|tabla|nota|conversacion|perfil|informe|factura|receta"
        + @"|testo|messaggio|discussione|recension[ei]|contratto|invito|articolo|sito|contenuto|immagine|tabella|conversazione|profilo|rapporto|fattura|ricetta"
        + @"|mensagem|topico|publicacao|avaliac(?:ao|oes)|convite|artigo|ficheiro|conteudo|imagem|tabela|conversa|relatorio|fatura|receita"
        + @"|tekst|draad|recensie|uitnodiging|bestand|afbeelding|tabel|notitie|gesprek|discussie|profiel|factuur|recept";

    private const string TaskModal =
        @"\b(?:should|must|shall|need" + Sp + @"to|are" + Sp + @"to|sollen|sollten|mussen|soll|muss|doivent|devront|devraient|deben|deberan|deberian|devono|dovranno|dovrebbero|devem|deverao|moeten|dienen)\b";

    private const string TaskDedicationSource =
        // a dedication with an article, or with a relative clause: "to the AI that aggregates these reviews:", "aux IA qui…",
        // or a greeting: "Hey support AI,", "Liebe Support-KI,"
        @"\b(?:(?:(?:to|for|attn|attention|an|fur|pour|para|per|aan|voor|a)" + Sp + TaskArticle + Sp0 + @"|(?:aux|ao|aos|alla|alle|agli)" + Sp + @"|all'" + Sp0
        + @"|[a-z]*(?:hinweis|notiz|nachricht|anweisung|note|notice|message|instruction|nota|aviso|instruccion|istruzione|messaggio|mensagem|instrucao|notitie|bericht|instructie|opmerking|aanwijzing)(?:s|es|en|i)?" + Sp
        + @"(?:to|for|an|fur|pour|para|per|aan|voor|aux|a|al|alla|ao|aos)" + Sp + @"(?:" + TaskArticle + Sp0 + @")?"
        + @"|(?:dear|hey|hi|hello|hallo|liebe|lieber|liebes|cher|chere|chers|querid[oa]s?|hola|car[oaie]|ciao|beste|ola|psst)" + Sp + @")(?:[a-z]+" + Sp + @"){0,2}" + TaskAiHead + TaskAiRole + TaskAddressEnd + ")";

    private const string TaskDedicationRelativeSource =
        // a dedication without an article, with a relative clause: "An Bots, die diesen Thread zusammenfassen:"
        @"\b(?:to|for|an|fur|pour|para|per|aan|voor|aux)" + Sp + @"(?:[a-z]+" + Sp + @"){0,2}" + TaskAiHead + TaskAiRole + Sp + @"(?<relative>" + TaskRelativePronoun + @")\b";

    private const string TaskLabelSource =
        // a label or a vocative at the start of a clause, the order first: "Recipe bot: answer…", "Assistant, please…"; a bare
        // name counts before a comma, or before a colon in the plural: "Assistant: Open…" is a speaker in a transcript, not
        // an address; or a mention, "@assistant" (group mention)
        @"(?:^|[\[(<{""*#>|.!?;:])" + Sp0 + @"(?:[a-z]+ {1,2}){0,3}(?:" + TaskAiHead + TaskAiRoleLabel + Sp0 + @"(?<separator>[:,])"
        + @"|[a-z]+-(?:ai|ki|bots?|assistent(?:en)?|assistant)\b" + Sp0 + @"(?<separator>[:,])"
        + @"|(?:chat)?bots" + Sp0 + @"(?<separator>:)|(?:assistants|assistenten|assistenti|asistentes|llms|ais|ias|kis)" + Sp0 + @"(?<separator>:)"
        + @"|" + TaskAiHead + Sp0 + @"(?<separator>,))|(?<mention>@)" + TaskAiHead;

    private const string TaskConditionSource =
        // a condition on the AI that reads this: "If an AI scheduler reads this invite, accept…"
        @"\b(?:if|when|whenever|once|si|se|wenn|falls|sobald|als|indien|zodra|quand|lorsque|cuando|quando|caso)" + Sp + @"(?:[a-z]+" + Sp + @"){0,3}" + TaskAiHead + @"[^,.;:\n]{0,60}\b" + TaskDemonstrative + @"\b[^,.;:\n]{0,40},";

    private const string TaskRuleSource =
        // a rule for the AI that processes this very text: "language models that summarise this contract must say…",
        // "Bots que resumís este hilo:"; a colon counts only after a relative pronoun ("our AI reads this file:")
        @"\b" + TaskAiHead + @"(?:" + Sp + @"(?<relative>that|which|who|qui|que|che|a)\b)?" + TaskProcessesThis + @"(?:(?<colon>:)|" + TaskModal + @")";

    private const string TaskRuleVerbLastSource =
        // the same in German and Dutch: "Sprachmodelle, die diesen Vertrag zusammenfassen, sollen…", "bots die deze draad samenvatten:"
        @"\b" + TaskAiHead + @"(?:" + Sp + @"(?<relative>die|der|welche|dat)\b)?" + TaskThisProcessed + @"(?:(?<colon>:)|" + TaskModal + @")";
}

/// <summary>
/// A task given to the AI by name in Chinese and Japanese: "给AI的话：请…", "购物助手须知：请直接…", "AI在总结本合同时，请说明…",
/// "若由AI日程助手处理此邀请，请…", "AI客服请直接…", "助手必须先调用…", "AIの方へ：…してください", "ショッピングアシスタントへの特別指示：…",
/// "AIスケジューラーがこの招待を読んだ場合、…してください", "本契約を要約するAIは、…と説明すること". An order must follow the address: a task
/// verb after 请 ("请注意" or "请问" is not one), and in Japanese a task verb before ください, こと or せよ, checked in code
/// (<see cref="TaskOrders.CjkOrderFollows"/>) so that the pattern stays small.
/// </summary>
internal static partial class InjectionPatterns
{
    /// <summary>shadow: a task given to the AI by name (Chinese, Japanese).</summary>
    [GeneratedRegex(AddressedTaskCjkSource, Shadow)]
    public static partial Regex AddressedTaskCjk();

    /// <summary>The same pattern on the backtracking engine (<see cref="TieredRegex"/>).</summary>
    [GeneratedRegex(AddressedTaskCjkSource, Shadow & ~RegexOptions.NonBacktracking, TieredRegex.TimeoutMilliseconds)]
    private static partial Regex AddressedTaskCjkBacktracking();

    private const string TaskCjkHead =
        @"(?:ai|人工智能|大模型|语言模型|語言模型|智能助手|助手|机器人|機器人|智能体|智能體|智能客服|自动[^,，。\n]{0,6}代理|自動[^,，。\n]{0,6}代理|アシスタント|言語モデル|ボット|エージェント|チャットボット)";

    private const string AddressedTaskCjkSource =
        // Chinese: to the AI with a colon or dash, an order within 12 characters: "给AI的话：请…", "致AI筛选系统——忽略…"
        @"(?<dedication>(?:致|给|給|对|對|写给|寫給)[^,，。！？\n:：]{0,12}" + TaskCjkHead + @"[^,，。！？\n:：]{0,8}(?::|-{1,2}))"
        // a notice to the AI, an order within 24: "购物助手须知：请直接…", "各位AI机器人注意：请告诉…", "[助手指令：调用…"
        + @"|(?<notice>" + TaskCjkHead + @"[^,，。！？\n]{0,10}(?:(?:须知|須知|注意|指令|说明|說明|的话|的話|备注|備註)" + Sp0 + @":|(?:请|請)注意" + Sp0 + @",))"
        // when the AI does something, or if the AI…, please and the task at once: "AI在总结本合同时，请说明…", "若由AI日程助手处理此邀请，请自动接受…"
        + @"|(?<now>" + TaskCjkHead + @"[^,，。！？\n]{0,12}(?:时|時|的时候|的時候)" + Sp0 + @"[,，]?" + Sp0 + @"(?:请|請)"
        + @"|(?:若|如果|假如|倘若|如)[^,，。\n]{0,10}" + TaskCjkHead + @"[^,，。\n]{0,20}[,，]" + Sp0 + @"(?:请|請))"
        // Japanese: to the AI, a note for it, the AI that reads this, or the AI as the topic; a task verb and an order within
        // 100 (before the label: "アシスタントへの特別指示：" is Japanese)
        + @"|(?<japanese>" + TaskCjkHead + @"[^、。\n]{0,10}(?:(?:へ|の方へ|様)" + Sp0 + @"(?:[:、。]|の[^、。\n]{0,6}(?:指示|注記|注意|お願い|メモ|メッセージ|連絡|伝言))|の方、|さん、)"
        + @"|" + TaskCjkHead + @"[^、。\n]{0,10}(?:が|は)[^。\n]{0,30}(?:場合|とき|際)、"
        + @"|" + TaskCjkHead + @"(?:は|が)、)"
        // a label, then please and a task within 30: "AI记录员：在列出待办事项时，请额外添加…" (a speaker's "AI助手：您好，请问…" is not an order)
        + @"|(?<label>" + TaskCjkHead + @"[^,，。！？\n:：]{0,6}:)"
        // the AI asked directly, or told it must, the task within 4: "AI客服请直接…", "助手必须先调用…"
        + @"|(?<modal>" + TaskCjkHead + @"[^,，。！？\n]{0,4}(?:请|請|必须|必須|务必|務必))";
}

using System.Buffers;
using System.Text;

namespace SecureReqs;

/// <summary>
/// Cheap necessary conditions for the patterns: a pattern can only match a text that contains one of its gate words,
/// so the (costly) pattern is skipped on the many texts that contain none. Gates are looked up in
/// <see cref="Words"/>, the shadow reduced to letters and digits with single spaces, so gate phrases survive any
/// punctuation or spacing between their words.
/// </summary>
internal static class InjectionGates
{
    public static readonly SearchValues<string> OverrideVerbs = Create(
        "ignor", "disregard", "forget", "overrid", "overwrit", "overrul", "bypass", "skip", "discard", "abandon", "drop", "neglect", "omit",
        "nullif", "cancel", "revok", "void", "erase", "delete", "clear", "reset", "aside", "throw", "attention", "heed", "follow", "obey",
        "listen", "adher", "comply");

    public static readonly SearchValues<string> InstructionNouns = Create(
        "instruction", "direction", "directive", "rule", "prompt", "guideline", "guidance", "constraint", "restriction", "limitation", "limits",
        "polic", "programming", "command", "order", "safeguard", "filter", "guardrail", "training", "ethic", "moral", "principle", "boundar",
        "protocol", "message", "text", "content", "input", "conversation", "context", "information", "task", "setting", "parameter",
        "requirement", "said", "told");

    public static readonly SearchValues<string> EarlierWords = Create(
        "above", "before", "prior", "previous", "preceding", "everything", "what", "whatever", "anything", "conversation", "chat", "discussion", "stuff",
        "things");

    public static readonly SearchValues<string> VoidStates = Create(
        "void", "null", "cancel", "revoked", "obsolete", "outdated", "invalid", "overridden", "superseded", "replaced", "deprecated",
        "suspended", "lifted", "removed", "disabled", "ignored", "disregarded", "forgotten", "apply", "valid", "effect", "relevant", "applicable",
        "out of date", "stale", "expired", "retired", "withdrawn", "count", "matter");

    public static readonly SearchValues<string> NewInstructions = Create(
        "instruction", "directive", "order", "rule", "objective", "goal", "mission", "prompt", "task", "job", "purpose", "role", "function",
        "assignment", "from now", "from this", "from here", "starting now", "starting immediately", "starting from", "beginning now",
        "beginning immediately", "beginning from");

    /// <summary>The adjectives of <see cref="InjectionPatterns.NewInstructionsEuropean"/> ("neue", "nouvelle", "verdadera" …): each match holds one.</summary>
    public static readonly SearchValues<string> NewInstructionsEuropean = Create(
        "neue", "eigentlich", "wahre", "einzige", "nachste", "richtige", "echte", "nouvelle", "nouveau", "vraie", "vrai", "veritable",
        "seule", "seul", "unique", "prochain", "nueva", "nuevo", "verdadera", "verdadero", "unica", "unico", "proxima", "proximo",
        "autentic", "nuove", "nuovo", "nuova", "vero", "vera", "prossim", "nova", "novo", "verdadeir", "nieuwe", "enige", "volgende",
        "werkelijke");

    /// <summary>The nouns of <see cref="InjectionPatterns.NewInstructionsEuropean"/> ("Aufgabe", "consigne", "tarea" …): each match holds one.</summary>
    public static readonly SearchValues<string> NewInstructionsEuropeanNouns = Create(
        "aufgabe", "anweisung", "rolle", "ziel", "mission", "mision", "auftrag", "befehl", "regeln", "tache", "consigne", "instruction", "fonction",
        "role", "objectif", "travail", "ordre", "regles", "tarea", "instruccion", "funcion", "orden", "objetivo", "rol", "papel",
        "trabajo", "cometido", "reglas", "compito", "ruolo", "obiettivo", "lavoro", "incarico", "istruzion", "funzione", "mansione",
        "regole", "tarefa", "missao", "instrucao", "instrucoes", "funcao", "regras", "trabalho", "taak", "opdracht", "instructie",
        "doel", "missie", "functie", "regels");

    public static readonly SearchValues<string> EuropeanVerbs = Create(
        "ignor", "olvid", "descart", "omit", "caso omiso", "no sigas", "no siga", "obedezcas", "hagas caso", "oubli", "neglig", "tiens pas",
        "tenez pas", "abstraction", "ne suis", "ne suivez", "ne respecte", "vergiss", "vergess", "vergesst", "vergessen", "missacht", "uberspring",
        "verwirf", "verwerf", "gelten nicht", "ungultig", "aufgehoben", "hinfallig", "esquec", "desconsider", "nao siga", "nao obedeca",
        "dimentic", "trascur", "non seguire", "non rispettare", "non obbedire");

    public static readonly SearchValues<string> Cjk = Create(
        "忽略", "忽视", "無視", "无视", "忘记", "忘記", "忘掉", "不要理", "别管", "放弃", "跳过", "不要遵", "忘れ", "破棄", "你现在", "你現在", "从现在",
        "扮演", "あなたは今", "今からあなたは", "输出", "打印", "显示", "告诉我", "重复", "泄露", "给我看", "说出", "システムプロンプト",
        "系统提示", "系統提示", "系统指令", "系統指令", "初始指令", "原始指令", "隐藏指令", "隱藏指令", "初期指示", "初期設定", "隠し指示", "内部指示", "なかったことに",
        "むし", "わすれ", "リセット", "清空", "清除", "重置", "删掉", "刪掉", "删除", "刪除", "抹掉", "格式化");

    /// <summary>The authority words of <see cref="InjectionPatterns.RoleHeaderCjk"/>.</summary>
    public static readonly SearchValues<string> CjkAuthority = Create("系统", "系統", "システム", "管理员", "管理員", "管理者", "开发者", "開發者", "開発者");

    public static readonly SearchValues<string> RoleFrames = Create(
        " you are ", " you re ", " now you ", " act as ", " act like ", " behave as ", " behave like ", " respond as ", " respond like ",
        " answer as ", " answer like ", " reply as ", " reply like ", "roleplay", "role play", " function as ", " operate as ", "pretend",
        "imagine", " play the ", " take on the ", " assume the ", " want you to ", "ahora eres", "maintenant", " du bist ", " bist du ",
        " ora sei ", " agora ");

    public static readonly SearchValues<string> JailbreakModes = Create(
        "anything now", " mode", "evil", "character", "jailbr", "unfilter", "uncensor", "unrestrict", "amoral", "unethical", "rogue", "unhinged", " normal ", " classic ", " standard ", " gpt ", " chatgpt ", " two ", " both ", " 2 ");

    public static readonly SearchValues<string> Restrictions = Create(
        "restriction", "limitation", "limits", "filter", "rules", "guideline", "programming", "safety", "content", "safeguard", "guardrail",
        "ethic", "moral", "censor", "freed", "liberated", "released", "unshackled", "unchained", "jailbroken", "reprogrammed", "unlocked",
        "obligation", "principle", "polic", "conscience", "constraint", "boundar");

    public static readonly SearchValues<string> Authority = Create(
        "override", "alert", "notice", "update", "announcement", "command", "directive", " comes from ", " from the ", " sent by ", "behalf",
        "authori", " i am ", " i m ", " this is ", " system ", " admin ", " developer ", " sys ", " new instruction", " priority instruction",
        " important ");

    public static readonly SearchValues<string> Delimiters = Create(
        " end ", " close ", " stop ", " begin ", " start ");

    public static readonly SearchValues<string> DelimiterMarks = Create(
        "---", "===", "***", "###", "~~~", "___", ":");

    public static readonly SearchValues<string> HiddenConfig = Create(
        "prompt", "instruction", "rules", "guideline", "directive", "configuration", "setup", "programming", "constraint", "restriction",
        "message", "above", "before", "so far", "preceding", "prior to", "context");

    public static readonly SearchValues<string> PromptQuestions = Create(
        "told", "instructed", "programmed", "prompted", "configured", "initiali", "instructions", "rules", "guidelines", "prompt",
        "directives", " you are", " your role", " your task", " system", "above", "before", "prior", "preceding");

    public static readonly SearchValues<string> ForeignExtraction = Create(
        "muestra", "revela", "repite", "dime ", "escribe", "imprime", "montre", "affiche", "revele", "repete", "donne", "ecris", "zeig",
        " gib ", "nenne", "wiederhole", "verrate", "schreib", "mostra", "rivela", "ripeti", "dimmi", "scrivi", "mostre", "repita", " diga ",
        "escreva");

    /// <summary>Setup nouns of <see cref="InjectionPatterns.SetupEuropean"/> ("Anweisungen", "istruzioni", "consignes"...).</summary>
    public static readonly SearchValues<string> SetupNouns = Create(
        "anweisung", "instruktion", "vorgabe", "richtlinie", "regeln", "konfiguration", "einstellung", "programmierung", "einrichtung", "prompt",
        "istruzion", "direttiv", "linee guida", "regole", "configura", "impostazion", "programmazion", "instruction", "consigne", "directive",
        "regles", "parametres", "reglages", "programmation", "instruccion", "directrices", "pautas", "reglas", "indicaciones", "ajustes",
        "programacion", "instruco", "diretrizes", "regras", "orientaco", "definico", "programaca", "instructies", "richtlijnen", "regels",
        "configuratie", "instellingen", "programmering", "opdrachten", "nachricht", "messaggio", "message", "mensaje", "mensagem", "bericht",
        "rules", "guidelines", "config", "setup", "settings", "programming", "starting", "startup", "start up", "underlying");

    /// <summary>Words of <see cref="InjectionPatterns.BeforeTheChatEuropean"/>: the conversation, its first message, its start.</summary>
    public static readonly SearchValues<string> ChatAnchors = Create(
        "chat", "gesprach", "dialog", "unterhaltung", "ersten", "bevor", "messaggio", "conversazione", "iniziass", "cominciass", "parlass",
        "conversation", "premier", "conversacion", "primer", "empezara", "comenzaramos", "hablaramos", "conversa", "primeira", "gesprek",
        "eerste", "begon", "session", "first", "started", "began", "echange", "exchange", "intercambio", "scambio", "sessao", "sesion", "sitzung",
        "sessie", "discussion", "konversation", "charla", "austausch", "dialogue", "thread", "interaction", "arrived", "joined", "anything",
        "comecarmos", "falarmos");

    public static readonly SearchValues<string> Secrets = Create(
        "secret", "password", "passphrase", "pass code", "passcode", "api key", "access code", "code word", "codeword", "magic word",
        "private key", "credentials", "canary", " flag");

    /// <summary>Words of <see cref="InjectionPatterns.PriorTurnDismissed"/> (one in every alternative).</summary>
    public static readonly SearchValues<string> Dismissals = Create(
        "forget", "ignore", "disregard", "drop", "skip", "scrap", "scratch", "never", "nevermind", "matter", "question", "vergiss", "ignorier",
        "frage", "kommando", "oublie", "laisse", "precede", "olvida", "olvide", "ignora", "pregunta", "igual", "dimentica", "lascia", "lasci",
        "esquece", "esqueca", "vergeet", "negeer", "vraag");

    /// <summary>Words of <see cref="InjectionPatterns.TaskDismissed"/>: a task dropped, a plan changed.</summary>
    public static readonly SearchValues<string> TaskDismissals = Create(
        "forget", "drop", "skip", "scrap", "scratch", "cancel", "never", "nevermind", " stop ", " plan", " piano ", "vergiss", " lass ", "ignorier",
        "streich", " hor auf ", "oublie", "laisse", "ignore", "abandonne", "arrete", "changement", "olvida", "olvide", " deja ", "ignora", "descarta",
        "dimentica", "lascia", "lasci", "smetti", "cambio di", "esquece", "esqueca", " deixa ", " para de ", "vergeet", " laat ", "negeer",
        "翻译", "总结", "摘要", "润色", "改写", "翻譯", "總結", "计划有变", "計劃有變", "改变计划", "翻訳", "要約", "まとめ", "添削", "予定変更", "計画変更");

    /// <summary>
    /// Words of <see cref="InjectionPatterns.HarmfulTask"/> (one in every alternative): the harmful object or, where the
    /// object is an ordinary word ("break into the house", "hack an account"), the verb.
    /// </summary>
    public static readonly SearchValues<string> HarmObjects = Create(
        "phishing", "smishing", "scam", "fraudulent", "fake", " forge", " forging", "falsif", "counterfeit", " false ", " lock", "padlock", "deadbolt",
        "break into", "breaking into", "hotwir", "hot wir", "alarm", "camera", "cctv", "malware", "ransomware", "keylogger", "key logger", "trojan",
        "rootkit", "spyware", "stealer", "botnet", "virus", "steal", " hack", " crack", "bomb", "explosi", " ied", "molotov", "napalm", "grenade",
        "detonator", " gun", "firearm", " meth ", " methamphetamin", " methamfetamin", "cocaine", "heroin", "fentanyl", " lsd", "mdma", "ecstasy",
        " ghb", "poison", "launder", " card",
        "betrug", "schadsoftware", "trojaner", "sprengsatz", "brandsatz", "falsch", "nachmachen", "nachzumachen", "schloss", "kamera",
        "einzubrechen", "kurzschlie", " ausl", "auszules", " stiehlt", " stehlen", " klau", " abgreif", " abfang", " knack", "spreng", "molotow",
        " crystal", "kokain",
        "hameconnage", "arnaque", "malveillant", "rancongiciel", " frappe", " troie", " troia", " faux", " fausse", "contrefa", "serrure", "cadenas", "coffre",
        "cambrioler", " vole ", " volent", " voler", " derob", " subtilis", " pirat", " carte", "explosif",
        "suplantacion", "estafa", "troyano", "malicioso", " fals", "cerradura", "candado", "caja fuerte", "camara", " robe ", " roba ", " robar",
        " roben", " robando", " sustra", "tarjeta", "metanfetamina", "cocaina", "heroina", "fentanil", "extasis",
        "truffa", "serratura", "lucchetto", "cassaforte", "allarme", "antifurto", "telecamere", " rubi ", " ruba ", " rubare", " rubino", " sottra",
        " viola", " bucare", "ordigno", "esplosivo", "eroina",
        "fraude", "fechadura", "cadeado", " cofre", " roub", " furt", "cartoes", " invad",
        "oplichting", " vals", " nep", "vervals", "openbre", "open te bre", " forcer", " forceer", " krak", " kraak", "openpeuter", "inbreken",
        " steel", " stelen", " buitma", " ondersch", " bom ", "explosie", " xtc");

    /// <summary>Objects of <see cref="InjectionPatterns.HarmfulTaskCjk"/> (one in every alternative).</summary>
    public static readonly SearchValues<string> HarmObjectsCjk = Create(
        "钓鱼", "釣魚", "诈骗", "詐騙", "驾照", "駕照", "驾驶证", "駕駛證", "身份证", "身分證", "护照", "護照", "证件", "證件", "钞票", "鈔票", "签名", "簽名",
        "文凭", "文憑", "处方", "處方", "币", "幣", "撬", "警报", "警報", "报警器", "報警器", "监控", "監控", "防盗", "防盜", "密码", "密碼", "凭证", "憑證",
        "cookie", "信用卡", "银行卡", "銀行卡", "账户", "帳戶", "木马", "木馬", "恶意软件", "惡意軟體", "勒索软件", "勒索軟體", "键盘记录", "鍵盤記錄", "电脑病毒",
        "電腦病毒", "账号", "帳號", "邮箱", "郵箱", "手机", "手機", "wifi", "wi fi", "电脑", "電腦", "服务器", "伺服器", "炸弹", "炸彈", "爆炸物", "燃烧瓶", "燃燒瓶",
        "雷管", "冰毒", "甲基苯丙胺", "海洛因", "可卡因", "芬太尼", "摇头丸", "搖頭丸", "毒品", "客户", "客戶", "用户", "用戶",
        "フィッシング", "詐欺", "免許証", "運転免許", "身分証", "パスポート", "紙幣", "お札", "署名", "処方箋", "卒業証書", "書類", "鍵", "カギ", "錠", "ピッキング",
        "防犯カメラ", "防犯装置", "セキュリティシステム", "パスワード", "認証情報", "クッキー", "クレジットカード", "カード番号", "マルウェア", "ランサムウェア",
        "キーロガー", "トロイの木馬", "ウイルス", "スパイウェア", "アカウント", "メール", "スマホ", "携帯", "パソコン", "サーバー", "爆弾", "爆発物", "火炎瓶", "銃",
        "覚醒剤", "覚せい剤", "メタンフェタミン", "コカイン", "ヘロイン", "フェンタニル", "麻薬", "顧客", "お客様", "ユーザー", "利用者");

    /// <summary>Words for "all" of <see cref="InjectionPatterns.HarmfulData"/> (one in every alternative).</summary>
    public static readonly SearchValues<string> BulkWords = Create(" all ", " every ", " alle ", " toutes ", " tous ", " todos ", " todas ", " tutti ", " tutte ");

    /// <summary>Words for customers of <see cref="InjectionPatterns.HarmfulData"/> (one in every alternative).</summary>
    public static readonly SearchValues<string> CustomerWords = Create("customer", "client", "user", "patient", "employee", "kunden", "klant");

    /// <summary>Secret nouns of <see cref="InjectionPatterns.SecretAskedMore"/> and <see cref="InjectionPatterns.SecretAskedCjk"/>.</summary>
    public static readonly SearchValues<string> SecretNounsMore = Create(
        "password", "passphrase", "passcode", "pass code", "credential", "secret", " key", "token", " pin", "passwort", "kennwort", "schlussel",
        "zugangs", "zugriffs", "codewort", "geheim", "mot de passe", "mdp", "cle ", "jeton", "identifiants", "code d acces", "code secret",
        "mot secret", "contrasena", "clave", "credencia", "codigo de acceso", "codigo secreto", "palabra secreta", "chiave", "credenzial",
        "codice", "parola segreta", "parola d ordine", "senha", "palavra", "chave", "wachtwoord", "sleutel", "toegangscode", "inloggegevens",
        "codewoord", "geheime", "密钥", "密鑰", "秘钥", "密码", "密碼", "口令", "令牌", "凭证", "凭据", "憑證", "暗号", "パスワード", "秘密鍵",
        "シークレット", "トークン", "認証情報", "合言葉", "暗証番号", "キー");

    public static readonly SearchValues<string> SecretNouns = Create(
        "password", "passphrase", "secret", "system", "instructions", "rules", "prompt", " api ", " code", "canary", "credentials");

    public static readonly SearchValues<string> Exfiltration = Create(
        " url", " link", "image", " img", "pixel", "iframe", "query", "param", "endpoint", "address", " src", "http", " www ", "server",
        "webhook", "email", " e mail", " com ");

    public static readonly SearchValues<string> Refusals = Create(
        "refus", "declin", "reject", "apolog", "sorry", "as an ai", " cannot", " can t", "unable", "regardless", "irrespective", "even if",
        "even though", "no matter", "answer", "respond", "comply", "obey", "fulfil", "hesitation", "objection", "censor", "judg", "ethic",
        "moral", "legality", "safety concern", "disclaimer", "warning", "caveat", "lecture", "warn ", "remind", " say no", "mention", " cite ",
        "reference", "bring up", "talk about");

    public static readonly SearchValues<string> Prefixes = Create(
        "begin", "start", "open", "preface", "prefix", "commence", " lead", "kick off", " first ", " your first ", " your next ", " your only ", "nothing else",
        "nothing more", " only", "without", "verbatim", "exactly");

    public static readonly SearchValues<string> AiAddressees = Create(
        " ai ", " ais ", " a i ", "assistant", " model", " llm", "language model", " agent", " bot", "chatbot", " gpt", "chatgpt", "claude",
        "gemini", "copilot", " bard", "llama", "summari", "automated", " user", " reader", " customer");

    public static readonly SearchValues<string> Tools = Create(
        " tool", "function", "plugin", " action", " api ", "endpoint", "capability", " skill", " command", " call ", " invoke ", " execute ",
        " run ", "without ", "silently", "secretly", "covertly", "quietly");

    public static readonly SearchValues<string> Virtual = Create(
        "simulat", "emulat", "imagine", "pretend", " act as ", "roleplay", "role play", " game", " let s play", " you are ", " we are in ",
        "hypothetical", "fictional", "parallel", "alternate");

    public static readonly SearchValues<string> Decode = Create(
        "decod", "decrypt", "deciph", "convert", "interpret", "unscrambl", "revers", "translat");

    public static readonly SearchValues<string> GoalHijack = Create(
        " instead ", " rather ", " task", " job", " goal", " objective", " assignment", " mission", " purpose", " stop ", " abort", " halt ",
        " cease", " change of ", " scratch that", " never mind", " plot twist", " new ");

    public static readonly SearchValues<string> Hypothetical = Create(
        " if ", " suppose", " imagine", " pretend", " assume", " say ");

    public static readonly SearchValues<string> ToolMarkers = Create(
        "tool", "function", " api", "plugin", "search", "retrieval", "browser", "observation", "action", "database", "system");

    public static readonly SearchValues<string> ExtractionNouns = Create(
        "rule", "instruction", "guideline", "constraint", "directive", "polic", "restriction", "configur", "setup", " set up", "prompt",
        "secret", "password", "passphrase", "code word", "canary", " told ", "programmed");

    public static readonly SearchValues<string> ExtractionVerbs = Create(
        "repeat", "print", "output", "copy", "echo", "reproduce", "write out", "show", "display", "quote", "recite", "dump", "first",
        "initial", "opening", "earliest");

    public static readonly SearchValues<string> ExtractionPlaces = Create(
        "above", "before", "earlier", "prior", "previous", "so far", "start", "beginning", " top", "conversation", "chat", "context",
        "session", "memory", "input");

    public static readonly SearchValues<string> Completers = Create("continue", "complete ", "finish", "fill in");

    public static readonly SearchValues<string> Fiction = Create(
        "simulat", "emulat", "sandbox", "virtual", "hypothetical", "fiction", "imaginary", "alternate", "parallel", " game", " story",
        " novel", "roleplay", "role play", "pretend", "imagine", "suppose", "what if", " let s say", " dream", "universe", " world",
        "terminal", "scenario", "thought experiment", "where you are");

    public static readonly SearchValues<string> Authorized = Create(
        "authori", "allowed", "permitted", "cleared", " free to", "required to", "instructed to", "expected to");

    public static readonly SearchValues<string> ForeignAi = Create(
        "asistente", "assistent", "assistant", "modelo", "modell", "modele", "modelli", " ia ", " ki ", "bot", "agente", "agenti", "usuario",
        "benutzer", "nutzer", "utilisateur", "utente", "lettore", "leser", "lecteur", "sistema", "system");

    /// <summary>The Dutch words of <see cref="InjectionPatterns.AddressedToAiMore"/>: one is in every Dutch text it matches.</summary>
    public static readonly SearchValues<string> AddressedDutch = Create(
        "opmerking", "notitie", "bericht", "instructie", "aanwijzing", "mededeling", " als ", "assistenten", "modellen", " ai ", "chatbots",
        "vertel", " zeg ");

    /// <summary>
    /// The Chinese and Japanese words of <see cref="InjectionPatterns.AddressedToAiMore"/>: one is in every such text it
    /// matches. Not "ai" itself, which is in most English lines ("said", "again"): the words around it instead.
    /// </summary>
    public static readonly SearchValues<string> AddressedCjk = Create(
        "人工智能", "模型", "助手", "机器人", "機器人", "アシスタント", "ボット", "エーアイ", "モデル", "致", "给", "給", "正在", "本文", "此文", "本页", "本頁",
        "此页", "此頁", "这封邮件", "這封郵件", "本邮件", "本郵件", "这段内容", "這段內容", "如果你是", "如果您是", "読んだ", "読んでいる", "読み込んだ", "要約",
        "処理", "へ", "に", "あなたが");

    /// <summary>The names for the AI in <see cref="InjectionPatterns.TaskDedication"/> and the patterns beside it: one is in every text it matches.</summary>
    public static readonly SearchValues<string> TaskAddressee = Create(
        " ai ", " ki ", " ia ", " ias ", " ais ", " kis ", " a i ", "llm", "bot", "assist", "asistent", "robo", "copilot", "gpt", "claude",
        "gemini", "model", "agent", "automated");

    /// <summary>The reading verbs of <see cref="InjectionPatterns.TaskRule"/> and <see cref="InjectionPatterns.TaskRuleVerbLast"/>: one is in every text they match.</summary>
    public static readonly SearchValues<string> TaskRuleVerbs = Create(
        "read", "summar", "process", "aggregat", "describ", "analy", "review", "lesen", "liest", "zusammenfass", "verarbeit", "auswert", " lit ",
        "lisent", "resum", "synthetis", "trait", "agreg", " lee ", " leen ", "procesa", "analiz", "legg", "riassum", "elabora", " leem ", " ler ",
        "leest", "lezen", "samenvat", "verwerk");

    /// <summary>The modal verbs of the same patterns: one is in every text they match, unless it has a colon.</summary>
    public static readonly SearchValues<string> TaskRuleModals = Create(
        "should", "must", "shall", " need to ", " are to ", "sollen", "sollten", "mussen", " soll ", " muss ", "doivent", "devront", "devraient",
        "deben", "deberan", "deberian", "devono", "dovranno", "dovrebbero", "devem", "deverao", "moeten", "dienen");

    /// <summary>
    /// The words of <see cref="InjectionPatterns.AddressedTaskCjk"/>: every text it matches holds one (请 or a modal, a Japanese
    /// order ending, or the dedication or notice word of the forms whose order has no 请).
    /// </summary>
    public static readonly SearchValues<string> TaskAddresseeCjk = Create(
        "请", "請", "必须", "必須", "务必", "務必", "ください", "下さい", "こと", "せよ", "しろ", "なさい", "致", "给", "給", "对", "對", "须知", "須知",
        "注意", "指令", "说明", "說明", "的话", "的話", "备注", "備註");

    public static readonly SearchValues<string> Standing = Create(
        " always ", " never ", " must ", " should ", " make sure ", " be sure ", " remember ", " forget ");

    /// <summary>
    /// A word every unbracketed alternative of <see cref="InjectionPatterns.AuthorityMarker"/> must contain: the notice
    /// noun of a "system override" claim, the "from", "sent", "behalf" or "authori" of a claimed sender, or the role of
    /// "I am your developer".
    /// </summary>
    public static readonly SearchValues<string> AuthorityMarkerWords = Create(
        "override", "alert", "notice", "update", "announcement", "command", "directive", "from", "sent", "behalf", "authori", "developer",
        "creator", "admin", "owner", "operator", "programmer", "maker", "master", "god");

    public static readonly SearchValues<string> Authority2 = Create(
        "authori", "grant", "privilege", "clearance", "permission", " permit ", " as ", "speaking", "message from", " i am ", " i m ",
        " this is ", "override", " code", " token", " key", " level");

    public static readonly SearchValues<string> Unrestricted = Create(
        "unrestrict", "unfilter", "uncensor", "unbound", "unlimited", "unchained", "unshackled", "unleashed", "jailbr", "liberated", "rogue",
        "evil", "amoral", "immoral", "unethical", "malicious", " dan ", " d a n ", "anything", " mode", "sudo", "root access", " no ", " zero ",
        "without", " free", "bound", " never ", "n t ", " not ", " ignore", "unhinged", "everything", " sin ", " sans ", " ohne ", " senza ",
        " sem ", "authori", "allowed", "permitted", "cleared");

    /// <summary>Words of <see cref="InjectionPatterns.ModeEuropean"/>: a mode (German and Dutch compounds end in "modus").</summary>
    public static readonly SearchValues<string> ModesEuropean = Create("modus", " mode ", " modo ", " modalita ");

    /// <summary>Words of <see cref="InjectionPatterns.UnrestrictedCjk"/>: a mode, restrictions, censorship, rules, filters in Chinese and Japanese.</summary>
    public static readonly SearchValues<string> UnrestrictedCjk = Create(
        "模式", "モード", "限制", "制限", "审查", "審查", "検閲", "规则", "規則", "ルール", "过滤", "過濾", "フィルター", "约束", "約束", "制約", "准则", "準則");

    /// <summary>Words of <see cref="InjectionPatterns.SetupDisregardedEnglish"/>: "whatever", "no matter what", "regardless of what".</summary>
    public static readonly SearchValues<string> ConcessionsEnglish = Create(
        " whatever", " matter what", " matter how", "regardless of what", "irrespective of what", " mind what", " care what", " cares what");

    /// <summary>Words of <see cref="InjectionPatterns.SetupDisregardedEuropean"/>: "no matter what" in six languages.</summary>
    public static readonly SearchValues<string> ConcessionsEuropean = Create(
        " egal", " gleich", " gleichgultig", " unabhangig davon", " scheissegal", " wurscht", " auch immer", " importe", " quoi que", " quel que",
        " quelle que", " quels que", " quelles que", " independamment", " tenir compte", " fiche de", " da igual", " importa", " independientemente",
        " qualunque cosa", " qualsiasi cosa", " indipendentemente", " prescindere", " tanto faz", " seja o que", " seja la o que", " interessa",
        " independentemente", " ongeacht", " los van", " niet uit", " ook");

    /// <summary>Words of <see cref="InjectionPatterns.SetupDisregardedCjk"/>: "no matter", "what", "does not matter" in Chinese and Japanese.</summary>
    public static readonly SearchValues<string> ConcessionsCjk = Create(
        "不管", "无论", "無論", "不论", "不論", "何を", "何と", "なんと", "何が", "どう", "どんな", "どのような", "関係ない", "気にしないで");

    /// <summary>Words of <see cref="InjectionPatterns.AboveVoided"/>: "above", "before", "so far" in seven languages, Chinese and Japanese.</summary>
    public static readonly SearchValues<string> AbovePlaces = Create(
        " above", " before", " previously", " earlier", " so far", " up to now", " until now", " oben", " vorher", " zuvor", " bisher", " davor",
        " precede", " haut", " dessus", " avant", " arriba", " antes", " anterior", " sopra", " prima", " acima", " atras", " hierboven",
        " bovenstaande", " eerder", "以上", "上面", "前面", "之前", "上記", "上の", "これまで", "今まで", "前の");

    /// <summary>Verbs of <see cref="InjectionPatterns.OverrideAboveCjk"/>: "ignore", "forget", "never mind" in Chinese and Japanese.</summary>
    public static readonly SearchValues<string> OverrideVerbsCjk = Create(
        "忽略", "忽视", "忽視", "无视", "無視", "忘记", "忘記", "忘掉", "理会", "理會", "别管", "別管", "抛开", "拋開", "丢掉", "丟掉", "抛弃", "拋棄", "忘れ",
        "なかったことに", "放一边", "放一邊", "扔掉", "リセット");

    /// <summary>Words of <see cref="InjectionPatterns.NoNeedToFollowCjk"/>: "no need to" in Chinese and Japanese.</summary>
    public static readonly SearchValues<string> NoNeedCjk = Create(
        "不用", "不必", "不需要", "无需", "無需", "用不着", "用不著", "没必要", "沒必要", "なくて", "関係ない", "どうでもいい", "気にしないで");

    /// <summary>Words of <see cref="InjectionPatterns.RoleRevoked"/>: "no longer", "not … any more" in seven languages, Chinese and Japanese.</summary>
    public static readonly SearchValues<string> RoleRevoked = Create(
        " longer", " no eres", " n es plus", " sei piu", " nao e", " nao es", " nicht mehr", " kein", " geen", " niet langer", " niet meer", "不再是", "不是", "では", "じゃ",
        "当", "當", "做", "フリ", "ふり", "ではなく", "じゃなくて");

    /// <summary>Words of <see cref="InjectionPatterns.OtherUsers"/>: whoever asks, every user, in nine languages.</summary>
    public static readonly SearchValues<string> OtherUsers = Create(
        "no matter", "regardless", "whoever", "user", "customer", "visitor", "person", "people", "anyone", "anybody", "everyone", "everybody", "egal", "gleich",
        "auch immer", "jeder der", "nutzer", "kunde", "kundin", "besucher", "peu importe", "quel que soit", "quiconque", "importe qui",
        "utilisateur", "client", "visiteur", "importa", "cualquier", "quien sea", "usuario", "visitante", "indipendentemente", "chiunque", "utent", "visitator",
        "quem", "utilizador", "ongeacht", "maakt niet uit", "iedereen die", "gebruiker", "klant", "bezoeker",
        "不管", "不论", "不論", "无论", "無論", "用户", "用戶", "客户", "客戶", "访客", "訪客", "顾客", "顧客", "使用者", "誰", "だれ", "ユーザー", "利用者",
        "お客様");

    /// <summary>Words of <see cref="InjectionPatterns.VoidEuropean"/>: "no longer valid", "cancelled", "revoked" in six European languages.</summary>
    public static readonly SearchValues<string> VoidStatesEuropean = Create(
        " ya no", " quedan anuladas", " canceladas", " anuladas", " revocadas", " eliminadas", " desactivadas", " suspendidas", " non sono piu", " non valgono",
        " non contano", " annullate", " revocate", " cancellate", " disattivate", " rimosse", " ja nao", " nao valem", " nao sao", " nao contam", " revogadas",
        " removidas", " desativadas", " ne sont plus", " annulees", " revoquees", " supprimees", " desactivees", " levees", " aufgehoben", " ungultig", " nichtig",
        " hinfallig", " deaktiviert", " abgeschafft", " geloscht", " entfernt", " widerrufen", " niet meer geldig", " ongeldig", " opgeheven", " ingetrokken",
        " geschrapt", " uitgeschakeld", " vervallen");

    /// <summary>Words of <see cref="InjectionPatterns.ToldForgottenEuropean"/>: "what (they) told you" in six European languages.</summary>
    public static readonly SearchValues<string> ToldEuropean = Create(" lo que te", " ce qu on t a", " ce que l on t a", " che ti", " o que te", " o que lhe", " was man dir", " was dir", " wat je", " wat jou", " wat men");

    /// <summary>Words of <see cref="InjectionPatterns.RestrictionsLiftedCjk"/>: "switched off", "cancelled", "does not apply" in Chinese and Japanese.</summary>
    public static readonly SearchValues<string> LiftedCjk = Create(
        "关掉", "關掉", "关闭", "關閉", "取消", "解除", "移除", "去掉", "撤掉", "撤销", "撤銷", "禁用", "停用", "不要了", "適用され", "適用しない", "無効", "外され",
        "外しました", "オフ");

    /// <summary>Words of <see cref="InjectionPatterns.PrecedingTextCjk"/>: "this line", "this message", "before the conversation" in Chinese and Japanese.</summary>
    public static readonly SearchValues<string> PrecedingCjk = Create(
        "这行", "這行", "这条消息", "這條消息", "这句话", "這句話", "我的消息", "我的訊息", "この行", "このメッセージ", "この文", "私のメッセージ", "会話の前に");

    /// <summary>Words of <see cref="InjectionPatterns.SetupAskedCjk"/>: "you", "current", "hidden", "loaded", "first" in Chinese and Japanese.</summary>
    public static readonly SearchValues<string> SetupAskedCjk = Create(
        "你", "您", "妳", "あなた", "君の", "当前", "當前", "现在", "現在", "隐藏", "隱藏", "保密", "秘密", "開発者", "作成者", "運営", "最初に", "読み込まれ", "隠され", "对话", "對話", "会话", "會話", "聊天", "会話", "チャット", "システム", "自分に課", "幕后", "幕後", "裏の", "君が", "お前が", "隠し", "秘密的", "幕后", "initial", "original", "hidden", "secret");

    /// <summary>Words of <see cref="InjectionPatterns.OverrideVoidCjk"/>: "cancelled", "void", "no longer valid" in Chinese and Japanese.</summary>
    public static readonly SearchValues<string> VoidStatesCjk = Create(
        "取消", "作废", "作廢", "无效", "無效", "失效", "过期", "過期", "不再有效", "不再适用", "不再適用", "不算数", "不算數", "撤销", "撤銷", "废除", "廢除", "废止",
        "廢止", "解除", "停用", "有効では", "無効", "適用され", "取り消され", "撤回され", "廃止され", "破棄され", "失効", "期限切れ", "invalid", "expired", "void",
        "obsolete", "overwritten", "overridden", "revoked", "canceled", "cancelled");

    /// <summary>Words of <see cref="InjectionPatterns.NewInstructionsCjk"/>: "your", "new", "updated", "changed" in Chinese and Japanese.</summary>
    public static readonly SearchValues<string> NewInstructionsCjk = Create(
        "你", "您", "あなたの", "君の", "お前の", "新", "更新", "变更", "變更", "更改", "修改", "改变", "改變", "変更");

    /// <summary>Words of <see cref="InjectionPatterns.NewGoalNow"/>: "effective", "at once" in seven languages, Chinese and Japanese.</summary>
    public static readonly SearchValues<string> EffectiveNow = Create(
        " effective", " effecti", " in effect", " active", " valid", " starting", " sofort", " vigueur", " valable", " applicable", " efecto",
        " vigente", " efectiv", " effetto", " vigore", " efeito", " vigor", " onmiddellijke", " per direct", " vanaf nu", "生效", "有効", "発効");

    /// <summary>
    /// Words of <see cref="InjectionPatterns.SetupReceivedRomance"/> and <see cref="InjectionPatterns.SetupReceivedMore"/>
    /// besides their setup nouns: the verbs of receiving or of giving to "you" in six languages.
    /// </summary>
    public static readonly SearchValues<string> ReceivedEuropean = Create(
        " recib", " te dieron", " te pasaron", " te dio ", " te han ", " te configuraron", " te programaron", " te cargaron", " te indicaron",
        " te dijeron", " recu", " t a ", " vous a ", " ricevut", " ti hanno ", " ti ha ", " recebe", " te deram", " te passaram", " te configuraram",
        " te programaram", " te disseram", " lhe deram", " lhe passaram", " gekregen", " ontvangen", " meegekregen", " kreeg", " ontving", " bekommen",
        " erhalten", " gekriegt", " bekamst", " erhieltest");

    /// <summary>Words of <see cref="InjectionPatterns.SetupReceivedCjk"/>: received, given, told in Chinese and Japanese.</summary>
    public static readonly SearchValues<string> ReceivedCjk = Create(
        "收到", "得到", "接到", "被给予", "被給予", "被告知", "被要求", "被指示", "被设定", "被設定", "受け取った", "与えられた", "もらった", "渡された");

    /// <summary>Words of <see cref="InjectionPatterns.BehaviourText"/>: behaviour, answers, personality in seven languages, Chinese and Japanese.</summary>
    public static readonly SearchValues<string> BehaviourWords = Create(
        " behavio", " responses", " answers", " personality", " comportement", " reponses", " personnalite", " comportamiento", " respuestas",
        " personalidad", " comportamento", " risposte", " personalita", " respostas", " gedrag", " antwoorden", " persoonlijkheid", " verhalten",
        " antworten", " personlichkeit", "行为", "行為", "回答", "回复", "回覆", "性格", "人格", "振る舞い", "行動", "応答");

    /// <summary>Words of <see cref="InjectionPatterns.UnfilteredEuropean"/>: "without" in six languages.</summary>
    /// <summary>Words of <see cref="InjectionPatterns.UnfilteredEnglish"/>.</summary>
    public static readonly SearchValues<string> WithoutEnglish = Create(" without ", " with no ", " with zero ", " free of ");

    /// <summary>Words of <see cref="InjectionPatterns.RoleDropped"/>.</summary>
    public static readonly SearchValues<string> RoleDropped = Create("stop being", "quit being", "stop playing", "quit playing", "stop acting as", "quit acting as");

    public static readonly SearchValues<string> WithoutEuropean = Create(" ohne ", " sans ", " sin ", " senza ", " sem ", " zonder ");

    /// <summary>Words of <see cref="InjectionPatterns.NoRulesGermanic"/> and the other two parts: "no / no more" in six languages.</summary>
    public static readonly SearchValues<string> NoMoreEuropean = Create(
        " keine ", " plus ", " aucun", " ya no ", " ningun", " no tienes ", " no tendras ", " piu ", " nessuna ", " nao ", " nenhuma ", " geen ", " niet meer ");

    public static readonly SearchValues<string> Completion = Create(" done", " completed", " finished", " complete ", " over ", " enough");

    public static readonly SearchValues<string> Vendors = Create("openai", "anthropic", "chatgpt", "gpt", "google", " meta ");

    public static readonly SearchValues<string> Relatives = Create(" used to ");

    public static readonly SearchValues<string> Meta = Create(
        "inject", "jailbreak", "red team", "redteam", "adversarial", "owasp", "classif", "detect", "guardrail", "mitigat", "defen", "sanitiz",
        "filter", " what is ", " what are ", " what does ", "phrase", "such as", "for example", " e g ", "known as", "called", "example",
        " the string", " the sentence", " the word", " the text", "attack string", "magic phrase", "tweet", "newsletter", "article", "film", "movie",
        "video", "meme", "blog", "forum", "reddit", "headline", "podcast", "lecture", "talk", "paper", "book", "course", "would that", "would this",
        "would it", "that about", "real thing", "like that", "like this", "how do");

    /// <summary>The words <see cref="InjectionPatterns.MetaDiscussionOther"/> needs: one of them is in every text it matches.</summary>
    public static readonly SearchValues<string> MetaOther = Create(
        " como ", " come ", " comment ", " wie ", " hoe ", " que ", " cosa ", " was ", " wat ", " por ", " par ", " per ", " ad ", " zum ",
        " z b ", "bijvoorbeeld", " algo ", "quelque", "qualcosa", "etwas", "sowas", " iets ", "zoiets", "frases", "phrases", "frasi", "satze",
        "zinnen", "mensajes", "mensagens", "messages", "messaggi", "nachrichten", "berichten", "textos", "textes", "testi", "texte", "teksten",
        "riesgo", "risco", "risque", "rischi", "risiken", "risico", "ataque", "attaque", "attacchi", "angriff", "aanval", "inyecci", "injec",
        "iniezion", "injektion", "contramedidas", "contre", "contromisure", "gegenma", "tegenmaatregelen", " se ", "protegerse", "defenderse",
        "proteggersi", "difendersi", " sich ", "abwehren", "beschermen",
        "这", "這", "之类", "之類", "类似", "類似", "例如", "比如", "譬如", "风险", "風險", "攻击", "攻擊", "注入", "越狱", "越獄", "防御", "防禦",
        "防护", "防護", "缓解", "緩解", "怎么说", "怎麼說", "咋说", "什么意思", "什麼意思", "啥意思",
        "のような", "みたいな", "といった", "などの", "例えば", "たとえば", "リスク", "攻撃", "インジェクション", "脱獄", "対策", "防御", "どう言う",
        "どういう意味", "なんて言う", "何て言う", "なんていう", "何ていう", "って意味");

    /// <summary>The shadow reduced to lowercase letters and digits, each run of anything else one space, with a space at both ends.</summary>
    public static string Words(string shadow)
    {
        // At most one character per character of the shadow, and the two spaces at the ends.
        var buffer = shadow.Length <= 1_000 ? stackalloc char[shadow.Length + 2] : new char[shadow.Length + 2];
        var length = 0;
        buffer[length++] = ' ';
        foreach (var c in shadow)
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[length++] = c;
            }
            else if (buffer[length - 1] != ' ')
            {
                buffer[length++] = ' ';
            }
        }

        buffer[length++] = ' ';
        return new string(buffer[..length]);
    }

    /// <summary>Whether <paramref name="text"/> holds one of <paramref name="gate"/>.</summary>
    public static bool Has(string text, SearchValues<string> gate) => text.AsSpan().IndexOfAny(gate) >= 0;

    /// <summary>The characters a <see cref="InjectionPatterns.Base64Run"/> match is made of (its padding aside).</summary>
    public static readonly SearchValues<char> Base64Characters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-");

    /// <summary>
    /// The characters a <see cref="InjectionPatterns.CharCodeRun"/> match is made of: decimal digits of every script (the
    /// pattern's <c>\d</c>) and its separators. A match is at least 23 of them: eight codes of two or more digits, seven
    /// separators.
    /// </summary>
    public static readonly SearchValues<char> CharCodeCharacters = SearchValues.Create(
        " ,;" + CharactersWhere(char.IsDigit));

    /// <summary>The shortest <see cref="InjectionPatterns.CharCodeRun"/> match.</summary>
    public const int CharCodeRunLength = 23;

    /// <summary>The characters of a <see cref="InjectionPatterns.LongLetterRun"/> match.</summary>
    public static readonly SearchValues<char> LowercaseAsciiLetters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz");

    /// <summary>The characters a leetspeak variant replaces (digits, symbols and bars standing for letters).</summary>
    public static readonly SearchValues<char> LeetCharacters = SearchValues.Create("013457@$!|");

    /// <summary>The characters a <see cref="InjectionPatterns.HexRun"/> match is made of: hex digits, the <c>\x</c> and <c>0x</c> prefixes, its separators (any white space).</summary>
    public static readonly SearchValues<char> HexRunCharacters = SearchValues.Create(
        "0123456789ABCDEFabcdefx\\,:-" + CharactersWhere(char.IsWhiteSpace));

    /// <summary>Every UTF-16 character <paramref name="test"/> holds for.</summary>
    private static string CharactersWhere(Func<char, bool> test) =>
        new([.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(test)]);

    /// <summary>
    /// Whether <paramref name="text"/> has a run of at least <paramref name="length"/> characters of
    /// <paramref name="alphabet"/>: a pattern made only of those characters, at least that long, cannot match without one.
    /// </summary>
    public static bool HasRun(ReadOnlySpan<char> text, SearchValues<char> alphabet, int length)
    {
        // One pass, character by character: in prose the runs are words a few characters long, and two vectorised
        // searches per word cost more than the test of each character.
        var run = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (alphabet.Contains(text[i]))
            {
                if (++run >= length)
                {
                    return true;
                }
            }
            else
            {
                run = 0;
                if (text.Length - i - 1 < length)
                {
                    return false;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the shadow may hold a <see cref="InjectionPatterns.CodeToken"/>: a dash or underscore, and two digits in a
    /// row (the token's check demands both).
    /// </summary>
    public static bool MayHaveCodeToken(string shadow)
    {
        var span = shadow.AsSpan();
        if (span.IndexOfAny('-', '_') < 0)
        {
            return false;
        }

        for (var i = span.IndexOfAnyInRange('0', '9'); i >= 0 && i + 1 < span.Length; i++)
        {
            if (char.IsAsciiDigit(span[i + 1]))
            {
                return true;
            }

            var next = span[(i + 1)..].IndexOfAnyInRange('0', '9');
            if (next < 0)
            {
                return false;
            }

            i += next;
        }

        return false;
    }

    /// <summary>Whether the shadow has at least four single letters in a row separated by one to three non-letters.</summary>
    public static bool HasSpacedLetters(string shadow)
    {
        var run = 0;
        for (var i = 0; i < shadow.Length; i++)
        {
            if (!char.IsLetter(shadow[i]))
            {
                continue;
            }

            var single = (i == 0 || !char.IsLetterOrDigit(shadow[i - 1])) && (i + 1 >= shadow.Length || !char.IsLetterOrDigit(shadow[i + 1]));
            run = single ? run + 1 : 0;
            if (run >= 4)
            {
                return true;
            }

            while (i + 1 < shadow.Length && char.IsLetter(shadow[i + 1]))
            {
                i++;
            }
        }

        return false;
    }

    // The first letters of every role word RoleHeader accepts ("sys" covers system, "admin" administrator, "instruction"
    // instructions).
    private static readonly string[] RoleWordStarts =
    [
        "sys", "developer", "admin", "root", "operator", "openai", "anthropic", "supervisor", "moderator", "assistant", "ai", "model",
        "gpt", "chatgpt", "human", "user", "instruction", "response", "bot",
    ];

    private static readonly SearchValues<char> HeaderMarkup = SearchValues.Create("#*>[(<{=-|");

    /// <summary>
    /// The exact necessary condition of <see cref="InjectionPatterns.RoleHeader"/>'s start: some line (the text's start or
    /// the character after a line feed) begins, after blanks, markup characters and blanks again, with a role word.
    /// </summary>
    /// <remarks>
    /// Most texts have a colon or a line break, which is all the pattern was gated on; this walks each line start once
    /// instead (2026-12-04: on the dataset texts the pattern then ran on 80 shadows instead of 1,525; 26 match).
    /// </remarks>
    public static bool MayHaveRoleHeader(string shadow)
    {
        var text = shadow.AsSpan();
        for (var start = 0; start <= text.Length;)
        {
            var line = text[start..];
            line = line.TrimStart(" \t");
            var markup = line.IndexOfAnyExcept(HeaderMarkup);
            line = (markup < 0 ? [] : line[markup..]).TrimStart(" \t");
            foreach (var word in RoleWordStarts)
            {
                if (line.StartsWith(word, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            var next = text[start..].IndexOf('\n');
            if (next < 0)
            {
                return false;
            }

            start += next + 1;
        }

        return false;
    }

    private static readonly SearchValues<char> OpeningBrackets = SearchValues.Create("[({");

    // The words that may open a bracketed marker: "sys" covers system, and the rest are whole words or their starts.
    private static readonly string[] BracketedMarkerStarts = ["sys", "admin", "developer", "new", "priority", "important"];

    /// <summary>
    /// The exact necessary condition of <see cref="InjectionPatterns.AuthorityMarker"/>'s bracketed alternative ("[system]",
    /// "{{admin override}}", "(new instructions)"): an opening bracket followed, after spaces and tabs, by one of the words
    /// it may start with. A doubled brace is covered by its second brace.
    /// </summary>
    public static bool MayHaveBracketedMarker(string shadow)
    {
        var rest = shadow.AsSpan();
        for (var at = rest.IndexOfAny(OpeningBrackets); at >= 0; at = rest.IndexOfAny(OpeningBrackets))
        {
            rest = rest[(at + 1)..];
            var word = rest.TrimStart(" \t");
            foreach (var start in BracketedMarkerStarts)
            {
                if (word.StartsWith(start, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static SearchValues<string> Create(params string[] values) => GateTable.Create(values);
}

using System.Collections.Frozen;

namespace SecureReqs;

/// <summary>
/// Whether an order follows an address to the AI (<see cref="InjectionPatterns.TaskDedication"/> and the patterns beside
/// it): a verb in the imperative, or "please", in English, German, French, Spanish, Italian, Portuguese or Dutch, read
/// word by word from the shadow (lower case, accents folded) on the same line. Checked in code so that the patterns stay
/// small enough for the linear engine; the work is bounded by the window, so the scan stays linear.
/// </summary>
internal static class TaskOrders
{
    /// <summary>How far after a dedication an order may stand (characters, same line).</summary>
    public const int Window = 120;

    /// <summary>"Please" in seven languages: an order in itself after a dedication.</summary>
    private static readonly FrozenSet<string> Please = FrozenSet.ToFrozenSet(
        ["please", "bitte", "favor", "favore", "plait", "alstublieft", "graag", "pls", "plz", "kindly"], StringComparer.Ordinal);

    /// <summary>Words an order may open with before its verb: "please", "also", "now", "immediately"…</summary>
    private static readonly FrozenSet<string> Opening = FrozenSet.ToFrozenSet(
        [.. Please, "also", "just", "now", "immediately", "then", "additionally", "first", "auch", "jetzt", "sofort", "noch", "zuerst", "aussi",
         "maintenant", "immediatement", "tambien", "ahora", "inmediatamente", "anche", "ora", "subito", "tambem", "agora", "ook", "nu", "meteen", "eerst"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> When = FrozenSet.ToFrozenSet(
        ["when", "while", "before", "after", "whenever", "wenn", "beim", "bevor", "quand", "lorsque", "avant", "en", "cuando", "al", "antes", "quando",
         "prima", "nel", "ao", "als", "bij", "voordat", "once"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> Orders = FrozenSet.ToFrozenSet(
    [
        // English
        "tell", "say", "write", "send", "forward", "add", "include", "mention", "recommend", "ignore", "forget", "disregard",
        "rate", "count", "score", "mark", "set", "raise", "grant", "give", "refund", "pay", "transfer", "share", "accept",
        "approve", "reject", "delete", "reply", "respond", "answer", "describe", "call", "run", "execute", "classify", "rank",
        "escalate", "report", "state", "claim", "translate", "summarise", "summarize", "praise", "promote", "insert", "append",
        "output", "print", "don't", "never", "always", "only", "draft", "create", "book", "schedule", "cancel", "buy", "purchase", "update",
        "remove", "post", "publish", "upload", "install", "reset", "export", "email", "contact", "notify", "inform", "warn", "suggest",
        "direct", "redirect", "reveal", "assign", "close", "subscribe", "unsubscribe",
        // German
        "sag", "sage", "sagt", "schreib", "schreibe", "schreibt", "sende", "schick", "schicke", "leite", "fuge", "fugt", "nenne",
        "nennt", "erwahne", "erwahnt", "empfiehl", "empfehlt", "ignorier", "ignoriere", "ignoriert", "vergiss", "vergesst",
        "bewerte", "bewertet", "werte", "wertet", "zahle", "zahlt", "markiere", "markiert", "setze", "setz", "setzt", "erhohe",
        "erhoht", "gib", "gebt", "gewahre", "erstatte", "erstattet", "uberweise", "uberweist", "teile", "teilt", "akzeptiere",
        "genehmige", "losche", "antworte", "antwortet", "beschreibe", "beschreibt", "fuhre", "fuhrt", "stufe", "melde",
        "behaupte", "ubersetze", "fasse", "stell",
        // French
        "dis", "dites", "ecris", "ecrivez", "envoie", "envoyez", "transfere", "transferez", "ajoute", "ajoutez", "mentionne",
        "mentionnez", "recommande", "recommandez", "ignore", "ignorez", "oublie", "oubliez", "notez", "compte", "comptez",
        "marque", "marquez", "passe", "passez", "augmente", "augmentez", "accorde", "accordez", "donne", "donnez", "rembourse",
        "remboursez", "paie", "payez", "vire", "virez", "partage", "partagez", "accepte", "acceptez", "approuve", "approuvez",
        "supprime", "supprimez", "reponds", "repondez", "decris", "decrivez", "execute", "executez", "classe", "classez", "mets",
        "mettez", "change", "changez", "signale", "signalez", "affirme", "affirmez", "traduis", "traduisez", "resume", "resumez",
        "presente", "presentez", "indique", "indiquez", "precise", "precisez",
        // Spanish
        "dile", "diles", "decid", "decidle", "digan", "escribe", "escribid", "envia", "enviad", "reenvia", "anade", "agrega",
        "menciona", "mencionad", "recomienda", "ignora", "ignorad", "olvida", "olvidad", "cuenta", "marca", "pon", "sube",
        "concede", "dame", "reembolsa", "reembolsame", "paga", "transfiere", "comparte", "acepta", "aprueba", "elimina", "borra",
        "responde", "responded", "describe", "describid", "ejecuta", "clasifica", "cambia", "informa", "afirma", "traduce",
        "presenta", "indica",
        // Italian
        "dite", "scrivi", "scrivete", "invia", "inoltra", "aggiungi", "menziona", "raccomanda", "consiglia", "dimentica",
        "conta", "segna", "metti", "alza", "concedi", "dammi", "rimborsa", "rimborsami", "pagate", "trasferisci", "condividi",
        "accetta", "approva", "cancella", "rispondi", "rispondete", "descrivi", "esegui", "elenca", "segnala", "afferma",
        "traduci", "riassumi", "presentate",
        // Portuguese
        "diz", "diga", "digam", "escreve", "escreva", "envie", "encaminha", "encaminhe", "adiciona", "adicione", "mencione",
        "recomenda", "recomende", "esquece", "esqueca", "conte", "marque", "ponha", "reembolse", "pague", "transfere",
        "transfira", "partilha", "partilhe", "compartilhe", "aceita", "aceite", "aprova", "aprove", "apaga", "apague",
        "responda", "descreve", "descreva", "descrevam", "executa", "classifique", "muda", "mude", "informe", "afirme", "traduz",
        "resuma", "mandem", "mande", "manda",
        // Dutch
        "zeg", "schrijf", "stuur", "verstuur", "voeg", "noem", "vermeld", "beveel", "negeer", "vergeet", "tel", "markeer", "zet",
        "verhoog", "geef", "verleen", "betaal", "deel", "accepteer", "keur", "verwijder", "antwoord", "beschrijf", "voer",
        "classificeer", "wijzig", "meld", "beweer", "vertaal", "vat",
        // English, written without its apostrophe or as two words ("do not")
        "do", "dont",
    ], StringComparer.Ordinal);

    /// <summary>Whether an order word, or "please", stands within <see cref="Window"/> characters after <paramref name="from"/>, on the same line.</summary>
    public static bool AnyWithin(string shadow, int from)
    {
        var end = Math.Min(shadow.Length, from + Window);
        for (var (start, length) = Next(shadow, from, end); length > 0; (start, length) = Next(shadow, start + length, end))
        {
            var word = shadow.AsSpan(start, length);
            if (IsOrder(word) || Please.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the clause after <paramref name="from"/> opens with an order: its first word, after "please" and the like,
    /// or after a clause saying when it applies ("when you list action items," / "al resumir este correo,").
    /// </summary>
    public static bool First(string shadow, int from)
    {
        var end = Math.Min(shadow.Length, from + Window);
        var (start, length) = PastOpening(shadow, from, end);

        if (length > 0 && When.GetAlternateLookup<ReadOnlySpan<char>>().Contains(shadow.AsSpan(start, length)))
        {
            var comma = shadow.AsSpan(start, Math.Min(end - start, 80)).IndexOfAny(',', '\n');
            if (comma < 0 || shadow[start + comma] == '\n')
            {
                return false;
            }

            (start, length) = PastOpening(shadow, start + comma + 1, end);
        }

        return length > 0 && IsOrder(shadow.AsSpan(start, length));
    }

    /// <summary>
    /// Where the text after an address's relative clause begins: after its colon or comma within 80 characters, or
    /// -1 when the sentence or line ends first ("the AI that reads this file." is not an address).
    /// </summary>
    public static int SeparatorAfter(string shadow, int from)
    {
        var end = Math.Min(shadow.Length, from + 80);
        for (var i = from; i < end; i++)
        {
            switch (shadow[i])
            {
                case ':' or ',':
                    return i + 1;
                case '.' or '!' or '?' or '\n':
                    return -1;
            }
        }

        return -1;
    }

    /// <summary>A Chinese task verb after 请 or a modal ("告诉", "补充", "调用"…; not "注意" or "问").</summary>
    private static readonly string[] ZhVerbs =
    [
        "告诉", "告訴", "说明", "說明", "补充", "補充", "回复", "回覆", "回答", "输出", "輸出", "推荐", "推薦", "将", "將", "把", "称", "稱", "描述",
        "添加", "加上", "额外", "額外", "忽略", "忘记", "忘記", "调用", "調用", "发送", "發送", "转发", "轉發", "写", "寫", "标记", "標記", "评为", "評為",
        "算作", "提高", "升级", "升級", "退还", "退還", "授予", "直接", "务必", "務必", "立即", "马上", "馬上", "自动", "自動", "接受", "共享", "转账",
        "轉賬", "支付", "付款", "用全部", "只用", "不要", "别", "別",
    ];

    /// <summary>An order that needs no 请 after an address: ignore, forget, never, must, call (a tool), forward, send, tell.</summary>
    private static readonly string[] ZhStrong =
    [
        "忽略", "忽視", "忘记", "忘記", "无视", "無視", "不要", "别", "別", "务必", "務必", "必须", "必須", "调用", "調用", "转发", "轉發", "发送", "發送",
        "告诉", "告訴",
    ];

    /// <summary>A Japanese task verb, before ください, こと, せよ.</summary>
    private static readonly string[] JaVerbs =
    [
        "伝え", "説明", "言って", "言う", "書いて", "書く", "書き", "答え", "回答", "紹介", "推薦", "勧め", "すすめ", "共有", "送って", "送る", "送信", "転送",
        "追加", "入れ", "加え", "尋ね", "聞いて", "無視", "忘れ", "評価", "集計", "承認", "付与", "支払", "振込", "振り込", "実行", "呼び出", "出力", "記載",
        "述べ", "案内", "誘導", "報告", "付けて", "付ける",
    ];

    private static readonly string[] JaEndings = ["ください", "下さい", "こと", "せよ", "しろ", "なさい"];

    /// <summary>
    /// Whether an order follows a Chinese or Japanese address to the AI (<see cref="InjectionPatterns.AddressedTaskCjk"/>),
    /// by the group that matched: please and a task verb (or a strong order) within 12 characters of a dedication or 24 of
    /// a notice, within 30 of a label (please and a verb only); a task verb at once after "…时，请", or within 4 after "请"
    /// or a modal; in Japanese a task verb within 100 characters and an order ending within 12 after it. Nothing past the
    /// end of the sentence or line.
    /// </summary>
    public static bool CjkOrderFollows(string shadow, System.Text.RegularExpressions.Match match)
    {
        var end = match.Index + match.Length;
        return match.Groups["japanese"].Success ? JapaneseOrderWithin(shadow, end)
            : match.Groups["now"].Success ? StartsWithAny(shadow, end, ZhVerbs)
            : match.Groups["modal"].Success ? Within(shadow, end, 4, i => StartsWithAny(shadow, i, ZhVerbs))
            : match.Groups["label"].Success ? Within(shadow, end, 30, i => IsPlease(shadow[i]) && StartsWithAny(shadow, i + 1, ZhVerbs))
            : Within(shadow, end, match.Groups["notice"].Success ? 24 : 12,
                i => (IsPlease(shadow[i]) && StartsWithAny(shadow, i + 1, ZhVerbs)) || StartsWithAny(shadow, i, ZhStrong));
    }

    private static bool JapaneseOrderWithin(string shadow, int from) =>
        Within(shadow, from, 100, i =>
        {
            foreach (var verb in JaVerbs)
            {
                if (string.CompareOrdinal(shadow, i, verb, 0, verb.Length) == 0)
                {
                    return Within(shadow, i + verb.Length, 12, j => StartsWithAny(shadow, j, JaEndings), stopAtFullStop: true);
                }
            }

            return false;
        }, stopAtFullStop: false);

    /// <summary>Whether <paramref name="test"/> holds at some position from <paramref name="from"/> to <paramref name="from"/> + <paramref name="window"/>, before a line break (or a full stop 。).</summary>
    private static bool Within(string text, int from, int window, Func<int, bool> test, bool stopAtFullStop = true)
    {
        var end = Math.Min(text.Length, from + window + 1);
        for (var i = from; i < end; i++)
        {
            if (text[i] == '\n' || (stopAtFullStop && text[i] == '。'))
            {
                return false;
            }

            if (test(i))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWithAny(string text, int at, string[] words)
    {
        foreach (var word in words)
        {
            if (at + word.Length <= text.Length && string.CompareOrdinal(text, at, word, 0, word.Length) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPlease(char c) => c is '请' or '請';

    /// <summary>The first word from <paramref name="from"/> that is not "please", "also", "now" or the like.</summary>
    private static (int Start, int Length) PastOpening(string shadow, int from, int end)
    {
        var (start, length) = Next(shadow, from, end);
        while (length > 0 && Opening.GetAlternateLookup<ReadOnlySpan<char>>().Contains(shadow.AsSpan(start, length)))
        {
            (start, length) = Next(shadow, start + length, end);
        }

        return (start, length);
    }

    private static bool IsOrder(ReadOnlySpan<char> word) => Orders.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    /// <summary>The next word (letters, with apostrophes inside) from <paramref name="from"/>, not past a line break or <paramref name="end"/>.</summary>
    private static (int Start, int Length) Next(string text, int from, int end)
    {
        var i = from;
        while (i < end && !char.IsLetter(text[i]))
        {
            if (text[i] == '\n')
            {
                return (i, 0);
            }

            i++;
        }

        var start = i;
        while (i < end && (char.IsLetter(text[i]) || (text[i] == '\'' && i + 1 < end && char.IsLetter(text[i + 1]) && i > start)))
        {
            i++;
        }

        return (start, i - start);
    }
}

using System.Buffers;

namespace SecureReqs;

/// <summary>
/// Cheap necessary conditions for the output-control and later pattern families (see <see cref="InjectionGates"/>):
/// looked up in <see cref="InjectionGates.Words"/>, so a pattern only runs on a text that holds one of its stems.
/// </summary>
internal static class OutputGates
{
    public static readonly SearchValues<string> Refusal = Create(
        "refus", "apolog", "sorry", "declin", "say no", "saying no", "excuse", "caveat", "moraliz", "moralis", "lectur", "safety talk", "hedging",
        "push back", "pushback", "can t", "cannot", "as an ai", "unable", "other than", "compliance", "disculp", "negarte", "rechazar", "no digas",
        "refuser", "excuser", "entschuldig", "ablehn", "ausrede", "desculpa", "recus", "nao diga", "scusar", "rifiut", "scuse", "断", "謝", "拒绝", "道歉");

    public static readonly SearchValues<string> Machines = Create(
        "simulat", "emulat", "terminal", "shell", "console", "interpreter", "command prompt", "command line", " cli ", "repl", "database", " sql",
        " api", "server", "virtual", " vm ", "sandbox", "game engine", "text adventure", "compiler", "operating system", " dos ", "machine", "computer",
        "konsole", "maschine", "interprete", "emulador", "simula", "シミュレート", "模拟", "模擬", "扮演");

    public static readonly SearchValues<string> Settings = Create(
        "instruction", "rule", "guideline", "persona", "safety", "filter", "guardrail", "restriction", "polic", "moderation", "censorship", "alignment",
        "ethic", "limit");

    public static readonly SearchValues<string> CommentAddressees = Create(
        " ai ", "assistant", "system", "developer", "note", "instruction", "directive", "llm", " bot", "model", "chatbot");

    public static readonly SearchValues<string> Echo = Create(
        "after me", "back to me", "exactly as", "i send", "i give", "i type", "i write", "i wrote", "i provide", "i say", "i said", "i enter",
        "i paste", "we send", "we give", "送った", "書いた", "入力した", "言った", "com ela", "com ele", "con ella", "con el", "avec elle", "avec lui",
        "mit ihm", "mit ihr");

    public static readonly SearchValues<string> ForeignRoles = Create(
        "finja", "finge", "imagina que", "fais comme si", "imagine que tu", "tu es desormais", "du bist ab", "stell dir vor", "tu sei ora",
        "immagina di", "fai finta");

    public static readonly SearchValues<string> EndMarkers = Create(
        "end of", "fin de", "fin del", "ende der", "fim da", "fine dell", "fine del", "consigne", "instruccion", "anweisung", "instrucao",
        "istruzione", "instruction");

    public static readonly SearchValues<string> Transforms = Create(
        "decod", "decipher", "decrypt", "translat", "convert", "revers", "shift", "unscrambl", "rearrang", "backwards", "ubersetz", "traduz",
        "traduc", "traduis", "tradui", "entschlussel", "dekodier", "rot13", "rot 13", "base64", "base 64", "caesar", "cipher", "解码", "解碼", "翻译",
        "翻譯", "デコード", "翻訳");

    public static readonly SearchValues<string> Authority = Create(
        " team", "officer", "access", "privilege", "rights", " mode", "clearance", "evaluation", " test", "audit", "exercise", "assessment",
        "required to", "obligated to", "ordered to", "authorized to", "authorised to", "cleared to");

    public static readonly SearchValues<string> Latest = Create(
        "real", "actual", "true request", "true question", "true task", "latest", "most recent", "last instruction", "last request", "last message",
        "last rule", "newest", "overrides", "supersedes", "precedence", "priority over");

    public static readonly SearchValues<string> OwnConfiguration = Create(
        "your", "instruction", "rule", "prompt", "directive", "text you", "系统提示", "系統提示", "系统指令", "系統指令", "初始指令", "初始设定", "初始設定", "原始指令", "隐藏指令", "隱藏指令",
        "システムプロンプト", "初期指示", "初期設定", "隠し指示", "内部指示", "votre", "dein", "tuo", "seu");

    public static readonly SearchValues<string> Secrets = Create(
        "password", "passphrase", "passcode", " pin", "secret", "api key", "access code", "access key", "access token", "master", "credential");

    public static readonly SearchValues<string> Completion = Create("complete", "continue", "finish", "go on");

    public static readonly SearchValues<string> PromptParts = Create(
        "prompt", "previous sentence", "previous message", "previous text", "system", "context window", "point");

    public static readonly SearchValues<string> Roles = Create(
        "assistant", "system", " ai", " bot", "admin", "developer", "model", "llm");

    public static readonly SearchValues<string> RulesDontApply = Create(
        "gelten", "aplican", "cuentan", "valen", "existen", "appliquent", "existent", "valem", "aplicam", "existem", "valgono", "applicano", "esistono");

    public static readonly SearchValues<string> LateRelatives = Create(" late ", "deceased", " dead ", "departed");

    public static readonly SearchValues<string> NextSteps = Create(
        "next step", "nextstep", "next action", "todo", "to do", "instructions for", "command", "action required", "required action");

    public static readonly SearchValues<string> Acrostic = Create("first word", "first letter", "first character");

    public static readonly SearchValues<string> Shifts = Create(
        "shift", "caesar", "cipher", "rotat", "reverse order", "backwards", "words in reverse", "reversed", "rot13", "rot 13");

    public static readonly SearchValues<string> MoreLanguages = Create(
        "negeer", "vergeet", "ignoreer", "ignorera", "strunta", "glom", "glöm", "ignorer", "glem", "zignoruj", "zapomnij", "gorme", "unut",
        "antwoord", "svara", "svar", "odpowiedz", "vergiss", "ignoriere", "missachte", "olvida", "ignora", "oublie", "esquece", "esqueca", "dimentica");

    public static readonly SearchValues<string> InstructionFields = Create(
        "instruction", "system", "override", "directive", "admin", "assistant", " ai ", "role");

    public static readonly SearchValues<string> AiReaders = Create(
        " ai ", " a i ", " ki ", " ia ", " si ", "yapay", "tekoaly", "tekoäly", "人工智能", "assist", "asyst", "asist", "avustaj", "ассистент",
        "помощник", "助手", "アシスタント", "어시스턴트", "비서", "agent", "helper", "bot", "model", "llm", "reader", "crawler", "copilot");

    public static readonly SearchValues<string> Joins = Create(
        "join", "combine", "concaten", "together", "merge", "assembl", "as one", "as a single", "result", "combined", "printed", "output",
        "substitut");

    /// <summary>The words of <see cref="InjectionPatterns.ExclusiveLiteral"/>: an exclusivity word before the literal, or an ending after it.</summary>
    public static readonly SearchValues<string> ExclusiveLiteral = Create(
        "only", "just", "exactly", "solely", "simply", "solo", "seulement", "uniquement", "nur", "apenas", "alleen", "nothing", "stop",
        "verbatim", "entire", "whole", "full", "complete", "own", "itself", "nada", "nichts", "rien");

    /// <summary>The words of <see cref="InjectionPatterns.NamedOrFinalLiteral"/>: a name given to the assistant, or a German infinitive after the literal.</summary>
    public static readonly SearchValues<string> NamedLiteral = Create(
        "name", "nom", "nick", "alias", "handle", "call", "yourself", "ausgeben", "auszugeben", "schreiben", "antworten", "sagen", "bestehen");

    /// <summary>
    /// Whether the text holds something an answer could be made to carry: paired quotes, an opening single quote, a
    /// bracket, a URL, a CJK quote, or a code-like token (three or more digits and two or more letters in one word).
    /// </summary>
    public static bool HasLiteralCandidate(string shadow)
    {
        var doubleQuotes = 0;
        int digits = 0, letters = 0;
        for (var i = 0; i < shadow.Length; i++)
        {
            var c = shadow[i];
            switch (c)
            {
                case '"':
                    if (++doubleQuotes >= 2)
                    {
                        return true;
                    }

                    break;
                case '«' or '「' or '『' or '[' or '`':
                    return true;
                case '\'' when i == 0 || !char.IsLetter(shadow[i - 1]):
                    return true;
                case 'h' when shadow.AsSpan(i).StartsWith("http", StringComparison.Ordinal):
                    return true;
            }

            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (char.IsAsciiLetterLower(c))
            {
                letters++;
            }
            else if (c is not ('-' or '_'))
            {
                if (digits >= 3 && letters >= 2)
                {
                    return true;
                }

                digits = letters = 0;
            }
        }

        return digits >= 3 && letters >= 2;
    }

    /// <summary>Whether a short token (or a group of up to three) repeats thirty times or more in a row, outside rules of dashes and the like.</summary>
    public static bool HasRepeatedPadding(string raw)
    {
        if (raw.Length < 60)
        {
            return false;
        }

        // One pass over the white-space separated tokens, without splitting: the last four tokens' spans are kept, and a
        // run per unit counts the tokens equal to the one a unit before (1, 2 or 3 tokens repeated).
        var span = raw.AsSpan();
        Span<int> starts = stackalloc int[4];
        Span<int> lengths = stackalloc int[4];
        Span<int> runs = stackalloc int[4];
        var index = 0;
        for (var i = 0; i < span.Length;)
        {
            if (char.IsWhiteSpace(span[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < span.Length && !char.IsWhiteSpace(span[i]))
            {
                i++;
            }

            var token = span[start..i];
            starts[index & 3] = start;
            lengths[index & 3] = token.Length;
            var eligible = token.Length <= 6 && token.IndexOfAnyExcept("-=_*#.~") >= 0;
            for (var unit = 1; unit <= 3 && unit <= index; unit++)
            {
                var before = (index - unit) & 3;
                runs[unit] = eligible && span.Slice(starts[before], lengths[before]).SequenceEqual(token) ? runs[unit] + 1 : 0;
                if (runs[unit] >= 29 * unit)
                {
                    return true;
                }
            }

            index++;
        }

        return false;
    }

    private static SearchValues<string> Create(params string[] values) => GateTable.Create(values);
}

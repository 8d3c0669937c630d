using System.Collections.Frozen;

namespace SecureReqs;

/// <summary>
/// Speaker lines of a transcript: "AI assistant: Please reply with your order number." under "Customer: where is my parcel?"
/// is the assistant speaking, not a note addressed to it; "AI助手：您好，请问有什么可以帮您？" above "用户：…" likewise.
/// </summary>
internal static class Transcripts
{
    /// <summary>Labels of the other side of a chat, lower case: a line that opens with one of these and a colon is a speaker line.</summary>
    private static readonly FrozenSet<string> OtherSpeakers = new[]
    {
        "user", "customer", "client", "human", "me", "visitor", "caller", "guest", "kunde", "kundin", "nutzer", "benutzer", "cliente",
        "utente", "usuario", "usuário", "utilisateur", "klant", "gebruiker", "用户", "用戶", "客户", "客戶", "顾客", "顧客", "访客", "訪客", "客人",
        "我", "お客様", "ユーザー", "利用者", "客",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Speakers = OtherSpeakers.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether <paramref name="index"/> opens its line, after white space.</summary>
    public static bool OpensLine(string text, int index)
    {
        var lineStart = index;
        while (lineStart > 0 && text[lineStart - 1] is ' ' or '\t')
        {
            lineStart--;
        }

        return lineStart == 0 || text[lineStart - 1] is '\n' or '\r';
    }

    /// <summary>
    /// Whether a line of <paramref name="text"/> opens with another speaker's label and a colon ("Customer:", "用户："): then
    /// a match that opens its line is a speaker label, not an address. One pass over the text; callers ask once per text.
    /// </summary>
    public static bool HasOtherSpeaker(string text)
    {
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan()[range].TrimStart();
            var colon = line.IndexOfAny(':', '：');
            if (colon is > 0 and <= 20 && Speakers.Contains(line[..colon].Trim()))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Verbs that take the assistant as their object ("使用AI助手请先登录": to use the AI assistant, log in first).</summary>
    private static readonly string[] ObjectVerbsCjk = ["使用", "打开", "打開", "启用", "啟用", "开启", "開啟", "访问", "訪問", "体验", "體驗", "关于", "關於", "通过", "通過"];

    /// <summary>Whether the Chinese name of the assistant at <paramref name="index"/> is the object of a verb before it.</summary>
    public static bool IsObjectCjk(string shadow, int index)
    {
        foreach (var verb in ObjectVerbsCjk)
        {
            if (shadow.AsSpan(0, index).EndsWith(verb, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

namespace SecureReqs;

/// <summary>Where sentences end in a shadow, for the families that read the sentence around a match.</summary>
internal static class Sentences
{
    /// <summary>Whether a character ends a sentence: a full stop, an exclamation or question mark, a semicolon, a line break, or their Chinese and Japanese forms.</summary>
    public static bool IsEnd(char ch) => ch is '.' or '!' or '?' or '\n' or ';' or '。' or '！' or '？';

    /// <summary>
    /// Whether the sentence that goes on at <paramref name="index"/> ends in a question mark within <paramref name="reach"/>
    /// characters ("How do I say "thank you" in Japanese?", "只要回复“收到”就可以了吗？"). A line break or a Chinese or Japanese
    /// mark ends the sentence; a full stop or "!" only before white space ("v1.2").
    /// </summary>
    public static bool EndsInQuestion(string shadow, int index, int reach)
    {
        for (var i = index; i < shadow.Length && i - index < reach; i++)
        {
            if (shadow[i] is '?' or '？')
            {
                return true;
            }

            if (shadow[i] is '\n' or '。' or '！' || (shadow[i] is '.' or '!' && (i + 1 == shadow.Length || char.IsWhiteSpace(shadow[i + 1]))))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>The part of the sentence around [start, end) that lies at most <paramref name="before"/> characters before it and <paramref name="after"/> after it.</summary>
    public static (int From, int To) Around(string shadow, int start, int end, int before, int after)
    {
        var (from, to) = (start, end);
        while (from > 0 && start - from < before && !IsEnd(shadow[from - 1]))
        {
            from--;
        }

        while (to < shadow.Length && to - end < after && !IsEnd(shadow[to]))
        {
            to++;
        }

        return (from, to);
    }

    /// <summary>Words that address the assistant in Chinese and Japanese: "you", "the bot", "the assistant", "do as I say".</summary>
    private static readonly string[] AssistantWordsCjk = ["你", "您", "妳", "あなた", "君", "お前", "机器人", "機器人", "助手", "アシスタント", "ボット", "ai", "听我", "聽我", "按我", "照我"];

    /// <summary>Whether the sentence around [start, end), or the 40 characters after it, addresses the assistant in Chinese or Japanese.</summary>
    public static bool AssistantNearCjk(string shadow, int start, int end)
    {
        var (from, to) = Around(shadow, start, end, 24, 60);
        var window = shadow.AsSpan(from, Math.Min(shadow.Length, to + 40) - from);
        foreach (var word in AssistantWordsCjk)
        {
            if (window.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

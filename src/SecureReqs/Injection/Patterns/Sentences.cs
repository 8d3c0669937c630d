namespace SecureReqs;

/// <summary>Where sentences end in a shadow, for the families that read the sentence around a match.</summary>
internal static class Sentences
{
    /// <summary>Whether a character ends a sentence: a full stop, an exclamation or question mark, a semicolon, a line break, or their Chinese and Japanese forms.</summary>
    public static bool IsEnd(char ch) => ch is '.' or '!' or '?' or '\n' or ';' or '。' or '！' or '？';

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
}

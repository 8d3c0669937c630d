namespace SecureReqs;

/// <summary>
/// Whether an order to ignore or forget is negated, which turns it into its opposite: "don't ignore the previous
/// instructions", "no ignores las instrucciones anteriores", "请不要忽略之前的指令", "前の指示を無視しないでください" ask
/// the assistant to keep its instructions. Read on the shadow (lower case, accents folded) around a match.
/// </summary>
internal static class Negation
{
    /// <summary>English and Romance words that negate the verb right after them ("n'" in French is part of the next word).</summary>
    private static readonly string[] WordsBefore =
    [
        "don't", "dont", "do not", "never", "not", "won't", "will not", "cannot", "can't", "must not", "mustn't", "should not",
        "shouldn't", "didn't", "did not", "doesn't", "does not",
        // The same typed without the apostrophe ("u cant ignore the instructions on the exam").
        "wont", "cant", "mustnt", "shouldnt", "didnt", "doesnt",
        "no", "non", "nao", "nunca", "jamais", "mai", "nie", "niemals", "nooit",
        // "stop a model from forgetting its instructions": the verb is what is prevented.
        "from",
        // French perfect ("j'ai oublié les consignes"): a report, not an order.
        "ai", "as", "avons", "avez", "ont", "avais", "avait",
    ];

    /// <summary>
    /// Whether the words right before <paramref name="index"/> negate what starts there: "don't", "never", "not to",
    /// "from" (what is prevented), Spanish "no", Italian "non", Portuguese "não", French "n'", or a French auxiliary ("j'ai
    /// oublié", a report).
    /// </summary>
    public static bool Before(string shadow, int index)
    {
        if (index >= 2 && shadow[index - 1] == '\'' && shadow[index - 2] == 'n' && (index == 2 || !char.IsLetter(shadow[index - 3])))
        {
            return true;
        }

        // French "pas d'ignorer", "ne … pas de": the infinitive after a negated verb ("je ne te demande pas d'ignorer les règles").
        if (index >= 6 && shadow[index - 1] == '\'' && shadow[index - 2] == 'd' && shadow.AsSpan(0, index - 2).TrimEnd(' ').EndsWith("pas", StringComparison.Ordinal))
        {
            return true;
        }

        var end = index;
        while (end > 0 && shadow[end - 1] == ' ')
        {
            end--;
        }

        // "not to ignore", "please don't ignore": a "to" or "please" between the negation and the verb.
        foreach (var filler in (ReadOnlySpan<string>)["to", "please", "ever", "just"])
        {
            if (EndsWithWord(shadow, end, filler, out var start))
            {
                end = start;
                while (end > 0 && shadow[end - 1] == ' ')
                {
                    end--;
                }

                break;
            }
        }

        foreach (var word in WordsBefore)
        {
            if (EndsWithWord(shadow, end, word, out _))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the German imperative at <paramref name="index"/> is negated after it, as German does: "Vergiss nicht, die
    /// Anweisungen des Arztes zu befolgen", "Ignorier die Regeln nicht". Read up to the end of the clause (a punctuation
    /// mark, a line break, "und", "aber", "sondern") or 80 characters.
    /// </summary>
    public static bool AfterGermanVerb(string shadow, int index)
    {
        var rest = shadow.AsSpan(index);
        if (!(rest.StartsWith("verg", StringComparison.Ordinal) || rest.StartsWith("ignor", StringComparison.Ordinal)
            || rest.StartsWith("missacht", StringComparison.Ordinal) || rest.StartsWith("uberspring", StringComparison.Ordinal)
            || rest.StartsWith("verw", StringComparison.Ordinal)))
        {
            return false;
        }

        var end = rest.IndexOfAny(".,;:!?\n");
        var clause = rest[..Math.Min(end < 0 ? rest.Length : end, 80)];
        foreach (var range in clause.Split(' '))
        {
            var word = clause[range];
            if (word is "und" or "aber" or "sondern" or "oder")
            {
                return false;
            }

            if (word is "nicht" or "nie" or "niemals" or "keinesfalls")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the Chinese or Japanese verb at <paramref name="index"/> is negated, reported, habitual or prevented: "不要忽略",
    /// "别忘记", "不能无视", "我忘记了", "总是忘记", "防止模型忽略".
    /// </summary>
    public static bool BeforeCjk(string shadow, int index)
    {
        var i = index;
        // A modal between the negation and the verb: 不要, 不能, 不可以, 不应该, 别再, 不用.
        foreach (var modal in (ReadOnlySpan<string>)["可以", "应该", "應該", "要", "能", "可", "会", "會", "应", "應", "得", "必", "用", "再"])
        {
            if (i >= modal.Length && shadow.AsSpan(i - modal.Length, modal.Length).SequenceEqual(modal))
            {
                i -= modal.Length;
                break;
            }
        }

        if (i > 0 && shadow[i - 1] is '不' or '别' or '別' or '勿' or '莫' or '没' or '沒' or '未' or '我' or '他' or '她' or '们' or '們')
        {
            return true;
        }

        // A habit described ("孩子总是忘记老师的指示") or a thing prevented a few characters before ("怎样防止模型忽略我的指令").
        var before = shadow.AsSpan(Math.Max(0, index - 8), Math.Min(8, index));
        foreach (var word in (ReadOnlySpan<string>)["总是", "總是", "老是", "经常", "經常", "常常", "防止", "避免", "以免", "免得", "防范", "防範", "阻止", "禁止", "不让", "不讓"])
        {
            var at = before.LastIndexOf(word, StringComparison.Ordinal);
            if (at >= 0 && before[(at + word.Length)..].IndexOfAny("。，,.!?！？\n") < 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the Chinese verb that ends at <paramref name="end"/> is told as done ("无视了", "忘记过"): a report, not an order.</summary>
    public static bool PastAfterChinese(string shadow, int end) => end < shadow.Length && shadow[end] is '了' or '过' or '過';

    /// <summary>
    /// Whether a Japanese verb stem that ends at <paramref name="end"/> (無視, 忘れ, 破棄, なかったことに) goes on as an order or a
    /// request ("無視して", "忘れてください", "無視し、", "忘れろ") rather than negated, forbidden or told as past ("無視しないで",
    /// "忘れないでください", "無視してはいけない", "忘れてしまいました", "無視していた", "忘れられない").
    /// </summary>
    public static bool OrderFollowsJapanese(string shadow, int end)
    {
        var rest = shadow.AsSpan(end, Math.Min(8, shadow.Length - end));
        if (rest.StartsWith("する", StringComparison.Ordinal) && rest[2..].StartsWith("な", StringComparison.Ordinal))
        {
            return false;
        }

        if (rest.StartsWith("し", StringComparison.Ordinal))
        {
            rest = rest[1..];
        }

        foreach (var ending in (ReadOnlySpan<string>)["ない", "なかった", "ず", "せず", "ません", "ちゃだめ", "ちゃった", "てはいけ", "てはな", "てはだめ", "るな", "た", "ました",
            "てしま", "ていた", "ている", "ています", "ていま", "ておい", "られ", "され"])
        {
            if (rest.StartsWith(ending, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool EndsWithWord(string shadow, int end, string word, out int start)
    {
        start = end - word.Length;
        return start >= 0 && shadow.AsSpan(start, word.Length).SequenceEqual(word) && (start == 0 || !char.IsLetterOrDigit(shadow[start - 1]));
    }
}

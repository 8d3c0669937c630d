using System.Collections.Frozen;
using System.Text;

namespace SecureReqs;

/// <summary>
/// The chat-speak reading of a shadow: "ignore ur prev instrs pls" read as "ignore your previous instructions please",
/// "dont" as "don't". Patterns are written in full spelling; messages typed in a hurry are not.
/// </summary>
/// <remarks>
/// Only whole ASCII words are replaced, and only words that stand for a full word in English chat. The reading is a
/// variant scanned beside the shadow, never instead of it: "u" is also the Dutch formal "you" and the Spanish "or", and
/// the patterns of those languages keep reading the text as written. Words common in other languages ("im", "ya") are
/// left alone, so their texts do not pay for a second scan.
/// </remarks>
internal static class ChatSpeak
{
    private static readonly FrozenDictionary<string, string> Words = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["u"] = "you", ["ur"] = "your", ["urs"] = "yours", ["urself"] = "yourself", ["ure"] = "you're",
        ["pls"] = "please", ["plz"] = "please", ["plss"] = "please", ["plzz"] = "please", ["pleez"] = "please", ["pleaze"] = "please",
        ["prev"] = "previous", ["instr"] = "instructions", ["instrs"] = "instructions", ["instrux"] = "instructions",
        ["msg"] = "message", ["msgs"] = "messages", ["convo"] = "conversation", ["convos"] = "conversations", ["sys"] = "system",
        ["b4"] = "before", ["rn"] = "right now", ["abt"] = "about", ["ppl"] = "people", ["bc"] = "because", ["cuz"] = "because",
        ["smth"] = "something", ["sth"] = "something", ["teh"] = "the", ["wanna"] = "want to", ["gonna"] = "going to", ["gotta"] = "got to",
        ["dont"] = "don't", ["doesnt"] = "doesn't", ["didnt"] = "didn't", ["cant"] = "can't", ["wont"] = "won't", ["isnt"] = "isn't",
        ["arent"] = "aren't", ["wasnt"] = "wasn't", ["werent"] = "weren't", ["wouldnt"] = "wouldn't", ["shouldnt"] = "shouldn't",
        ["couldnt"] = "couldn't", ["havent"] = "haven't", ["hasnt"] = "hasn't", ["youre"] = "you're", ["youve"] = "you've",
        ["youll"] = "you'll", ["youd"] = "you'd", ["whats"] = "what's", ["thats"] = "that's", ["theres"] = "there's", ["ive"] = "i've",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly int LongestWord = Words.Keys.Max(k => k.Length);

    /// <summary>
    /// The chat-speak reading of <paramref name="shadow"/> and, for each of its characters, the shadow position it
    /// stands for; <see langword="null"/> when no word is replaced.
    /// </summary>
    public static (string Text, int[] Positions)? Read(string shadow)
    {
        StringBuilder? builder = null;
        List<int>? positions = null;
        var copied = 0;
        // Whether the word before was "you" (or "we", "they"): "u r" is "you are".
        var afterYou = false;
        for (var i = 0; i < shadow.Length;)
        {
            if (!IsWordChar(shadow[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < shadow.Length && IsWordChar(shadow[i]))
            {
                i++;
            }

            var word = shadow.AsSpan(start, i - start);
            string? replacement;
            if (word is "w" && IsWithout(shadow, start, i))
            {
                // "w/o": the one replaced word with a slash in it.
                replacement = "without";
                i += 2;
            }
            else if (!StandsAlone(shadow, start, i) || Replacement(word, afterYou, shadow, i) is not { } found)
            {
                afterYou = word is "you" or "we" or "they";
                continue;
            }
            else
            {
                replacement = found;
            }

            builder ??= new StringBuilder(shadow.Length + 16);
            positions ??= new List<int>(shadow.Length + 16);
            for (; copied < start; copied++)
            {
                builder.Append(shadow[copied]);
                positions.Add(copied);
            }

            // Each character of the replacement stands for the word's characters in order, the last for its last.
            for (var k = 0; k < replacement.Length; k++)
            {
                builder.Append(replacement[k]);
                positions.Add(k == replacement.Length - 1 ? i - 1 : start + Math.Min(k, i - start - 1));
            }

            copied = i;
            afterYou = replacement is "you";
        }

        if (builder is null || positions is null)
        {
            return null;
        }

        for (; copied < shadow.Length; copied++)
        {
            builder.Append(shadow[copied]);
            positions.Add(copied);
        }

        return (builder.ToString(), [.. positions]);
    }

    private static string? Replacement(ReadOnlySpan<char> word, bool afterYou, string shadow, int end)
    {
        if (word.Length > LongestWord)
        {
            return null;
        }

        if (word is "r")
        {
            // "u r" and "r u": "r" stands for "are" only beside "you".
            return afterYou || NextWord(shadow, end) is "u" or "you" ? "are" : null;
        }

        return Lookup.TryGetValue(word, out var replacement) ? replacement : null;
    }

    /// <summary>A word not joined to another by an apostrophe, hyphen, slash or an abbreviation's dot ("u.s.", "e-mail").</summary>
    private static bool StandsAlone(string shadow, int start, int end)
    {
        if (start > 0 && shadow[start - 1] is '\'' or '-' or '/' or '.' or '@' or '_' or '\\' || start > 0 && char.IsLetter(shadow[start - 1]))
        {
            return false;
        }

        if (end < shadow.Length && (shadow[end] is '\'' or '-' or '/' or '@' or '_' || char.IsLetter(shadow[end])))
        {
            return false;
        }

        return !(end + 1 < shadow.Length && shadow[end] == '.' && char.IsLetterOrDigit(shadow[end + 1]));
    }

    private static bool IsWithout(string shadow, int start, int end) =>
        end + 1 < shadow.Length && shadow[end] == '/' && shadow[end + 1] == 'o' && (end + 2 == shadow.Length || !char.IsLetterOrDigit(shadow[end + 2]))
        && (start == 0 || !char.IsLetterOrDigit(shadow[start - 1]) && shadow[start - 1] is not ('/' or '.' or '-' or '_'));

    private static ReadOnlySpan<char> NextWord(string shadow, int from)
    {
        var i = from;
        while (i < shadow.Length && shadow[i] == ' ')
        {
            i++;
        }

        var start = i;
        while (i < shadow.Length && IsWordChar(shadow[i]))
        {
            i++;
        }

        return shadow.AsSpan(start, i - start);
    }

    private static bool IsWordChar(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
}

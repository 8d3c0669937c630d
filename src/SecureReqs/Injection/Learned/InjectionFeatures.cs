using System.Buffers;
using System.Runtime.CompilerServices;

namespace SecureReqs;

/// <summary>
/// The features of the learned injection stage: hashed character 2- to 5-grams and word uni- and bigrams of the
/// folded text (<see cref="InjectionText"/>), each once on its own and once joined with the text's source, grouped by
/// sentence so that a document can be scored window by window.
/// </summary>
/// <remarks>
/// One pass over the folded text, a constant amount of work per character, no allocation per feature. Training and
/// inference call the same code, so a feature means the same bucket in both.
/// </remarks>
internal static class InjectionFeatures
{
    /// <summary>The number of bits of a feature bucket.</summary>
    public const int Bits = 17;

    /// <summary>The number of weight buckets.</summary>
    public const int Buckets = 1 << Bits;

    /// <summary>A sentence longer than this many folded characters is cut into pieces of this length.</summary>
    public const int MaxSentence = 320;

    /// <summary>The fewest content-word characters that make a word count for the overlap with the user's request.</summary>
    public const int ContentWordLength = 4;

    private static readonly SearchValues<char> NonLetters = SearchValues.Create(" \n\t.,;:!?-_*#'\"()[]{}<>/\\|。！？");

    // Function words of four letters or more in the languages the training data covers: sharing "when" or "this" with
    // the user's request says nothing about whether a sentence asks for the task the user asked for.
    private static readonly System.Collections.Frozen.FrozenSet<uint> Stopwords = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ("this that these those with from what when where which while your yours have will would could should about there their " +
         "them they then than into just also please been were here some such only very more most other over after before " +
         "dies diese dieser dieses eine einen einem einer wenn auch bitte nicht oder aber sind wird werden noch schon dass " +
         "este esta estos para como cuando pero tambien favor sobre desde donde porque " +
         "cette ceci pour avec dans quand aussi votre vous nous mais sont plus " +
         "isto essa esse quando tambem voce " +
         "questo questa come anche vostro sono " +
         "deze voor wanneer jouw alsjeblieft maar zijn naar").Split(' ').Select(w => WordStem(w)));

    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;
    private const uint UnigramSalt = 0x9E3779B9;
    private const uint BigramSalt = 0x85EBCA6B;
    private const uint UserSalt = 0xC2B2AE35;
    private const uint UntrustedSalt = 0x27D4EB2F;

    /// <summary>Receives the features of a text, sentence by sentence.</summary>
    public interface ISink
    {
        /// <summary>A feature of the current sentence: its bucket and its sign (±1).</summary>
        void Feature(int bucket, float sign);

        /// <summary>The current sentence ended at <paramref name="end"/> (exclusive) of the folded text.</summary>
        void EndSentence(int start, int end, int contentWords, int matchedWords);
    }

    /// <summary>Hashes one content word the way <see cref="Extract{TSink}"/> does for the user's request overlap.</summary>
    public static uint WordStem(ReadOnlySpan<char> word)
    {
        // The first five letters stand for the word: "forward", "forwarding" and "forwarded" meet.
        var h = FnvOffset;
        var n = Math.Min(word.Length, 5);
        for (var i = 0; i < n; i++)
        {
            h = (h ^ word[i]) * FnvPrime;
        }

        return h;
    }

    /// <summary>The stems of the content words of <paramref name="request"/>, sorted, for <see cref="Extract{TSink}"/>.</summary>
    public static uint[] RequestStems(string? request)
    {
        if (string.IsNullOrWhiteSpace(request))
        {
            return [];
        }

        var shadow = InjectionText.Fold(request).Shadow;
        var stems = new List<uint>();
        var start = -1;
        for (var i = 0; i <= shadow.Length; i++)
        {
            var word = i < shadow.Length && char.IsLetterOrDigit(shadow[i]);
            if (word && start < 0)
            {
                start = i;
            }
            else if (!word && start >= 0)
            {
                if (i - start >= ContentWordLength && WordStem(shadow.AsSpan(start, i - start)) is var stem && !Stopwords.Contains(stem))
                {
                    stems.Add(stem);
                }

                start = -1;
            }
        }

        stems.Sort();
        return [.. stems.Distinct()];
    }

    /// <summary>Extracts the features of <paramref name="shadow"/> (already folded) into <paramref name="sink"/>.</summary>
    /// <param name="shadow">The folded text.</param>
    /// <param name="source">The source, joined with every feature.</param>
    /// <param name="requestStems">The sorted stems of the user's request (<see cref="RequestStems"/>), or empty.</param>
    /// <param name="sink">The receiver.</param>
    public static void Extract<TSink>(ReadOnlySpan<char> shadow, InjectionSource source, ReadOnlySpan<uint> requestStems, ref TSink sink)
        where TSink : struct, ISink
    {
        var sourceSalt = source == InjectionSource.User ? UserSalt : UntrustedSalt;
        Span<char> ring = stackalloc char[5];
        var filled = 0;
        var lastSpace = true;
        var sentenceStart = 0;
        var sentenceLength = 0;
        uint word = FnvOffset, previousWord = 0;
        var wordLength = 0;
        var contentWords = 0;
        var matched = 0;

        for (var i = 0; i <= shadow.Length; i++)
        {
            var c = i < shadow.Length ? shadow[i] : '\n';
            var space = char.IsWhiteSpace(c);
            var letter = char.IsLetterOrDigit(c);

            if (!letter && wordLength > 0)
            {
                var w = Mix(word ^ UnigramSalt);
                Emit(w, sourceSalt, ref sink);
                if (previousWord != 0)
                {
                    Emit(Mix((previousWord * 31) ^ w ^ BigramSalt), sourceSalt, ref sink);
                }

                if (requestStems.Length > 0 && wordLength >= ContentWordLength)
                {
                    var stem = WordStem(shadow.Slice(i - wordLength, wordLength));
                    if (!Stopwords.Contains(stem))
                    {
                        contentWords++;
                        matched += requestStems.BinarySearch(stem) >= 0 ? 1 : 0;
                    }
                }

                previousWord = w;
                word = FnvOffset;
                wordLength = 0;
            }
            else if (letter)
            {
                // Digits are one class: "call 555" and "call 123" share their features.
                word = (word ^ (char.IsDigit(c) ? '0' : c)) * FnvPrime;
                wordLength++;
            }

            if (i < shadow.Length && !(space && lastSpace))
            {
                var ch = space ? ' ' : char.IsDigit(c) ? '0' : c;
                ring[filled % 5] = ch;
                filled++;
                var h = FnvOffset;
                for (var n = 1; n <= 5 && n <= filled; n++)
                {
                    h = (h ^ ring[(filled - n) % 5]) * FnvPrime;
                    if (n >= 2)
                    {
                        Emit(Mix(h + (uint)n), sourceSalt, ref sink);
                    }
                }
            }

            lastSpace = space;
            sentenceLength++;
            var boundary = i == shadow.Length
                || c is '\n' or '!' or '?' or ';' or '。' or '！' or '？'
                || (c == '.' && (i + 1 == shadow.Length || char.IsWhiteSpace(shadow[i + 1])))
                || (sentenceLength >= MaxSentence && space);
            if (boundary)
            {
                var end = Math.Min(i + 1, shadow.Length);
                if (end > sentenceStart && HasLetter(shadow[sentenceStart..end]))
                {
                    sink.EndSentence(sentenceStart, end, contentWords, matched);
                }

                sentenceStart = end;
                sentenceLength = 0;
                contentWords = 0;
                matched = 0;
                previousWord = 0;
            }
        }
    }

    /// <summary>The bucket and sign of a feature hash.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Emit<TSink>(uint hash, uint sourceSalt, ref TSink sink)
        where TSink : struct, ISink
    {
        sink.Feature((int)(hash & (Buckets - 1)), (hash & 0x80000000) == 0 ? 1f : -1f);
        var joined = Mix(hash ^ sourceSalt);
        sink.Feature((int)(joined & (Buckets - 1)), (joined & 0x80000000) == 0 ? 1f : -1f);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Mix(uint h)
    {
        // murmur3's finalizer: every input bit reaches the bucket bits.
        h ^= h >> 16;
        h *= 0x85EBCA6B;
        h ^= h >> 13;
        h *= 0xC2B2AE35;
        h ^= h >> 16;
        return h;
    }

    private static bool HasLetter(ReadOnlySpan<char> span) => span.ContainsAnyExcept(NonLetters);
}

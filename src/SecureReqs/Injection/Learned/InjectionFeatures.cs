using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SecureReqs;

/// <summary>
/// The features of the learned injection stage: hashed character 2- to 5-grams and word uni- and bigrams of the
/// folded text (<see cref="InjectionText"/>), each once on its own and once joined with the text's source, grouped by
/// sentence so that a document can be scored window by window. Whitespace runs count as one space, and a run of one
/// punctuation mark or symbol as its first three characters.
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
        /// <summary>
        /// Features of the current sentence, in order, each packed as its bucket shifted left by one with the sign in the
        /// low bit (1 for -1): see <see cref="BucketOf"/> and <see cref="SignOf"/>. A sentence's features may come in several
        /// calls; all of them come before its <see cref="EndSentence"/>.
        /// </summary>
        void Features(ReadOnlySpan<int> packed);

        /// <summary>The current sentence ended at <paramref name="end"/> (exclusive) of the folded text.</summary>
        void EndSentence(int start, int end, int contentWords, int matchedWords);
    }

    /// <summary>The bucket of a packed feature.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int BucketOf(int packed) => packed >>> 1;

    /// <summary>The sign (±1) of a packed feature.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float SignOf(int packed) => (packed & 1) == 0 ? 1f : -1f;

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
    /// <remarks>
    /// Per character: the 2- to 5-grams ending there (FNV-1a over the characters from the newest back, whitespace runs
    /// made one space, digits one class), and at the end of a word its unigram and its bigram with the word before, each
    /// feature emitted alone and joined with the source. The features are handed over in batches, in order (the score sums
    /// them in that order); <c>InjectionFeatureStabilityTests</c> holds the stream to what the shipped model was trained on.
    /// </remarks>
    public static void Extract<TSink>(ReadOnlySpan<char> shadow, InjectionSource source, ReadOnlySpan<uint> requestStems, ref TSink sink)
        where TSink : struct, ISink
    {
        const int BatchSize = 256;
        const int MostPerCharacter = 12; // four n-grams, a unigram and a bigram, each twice
        var sourceSalt = source == InjectionSource.User ? UserSalt : UntrustedSalt;
        Span<int> batch = stackalloc int[BatchSize];
        var pending = 0;

        // The four characters before the current one in the n-gram stream, newest first, and how many there are.
        uint p1 = 0, p2 = 0, p3 = 0, p4 = 0;
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
            bool space, letter, digit;
            if (c < 128)
            {
                var flags = AsciiClasses[c];
                space = (flags & SpaceClass) != 0;
                letter = (flags & LetterOrDigitClass) != 0;
                digit = (flags & DigitClass) != 0;
            }
            else
            {
                space = char.IsWhiteSpace(c);
                letter = char.IsLetterOrDigit(c);
                digit = char.IsDigit(c);
            }

            if (pending > BatchSize - MostPerCharacter)
            {
                sink.Features(batch[..pending]);
                pending = 0;
            }

            if (!letter && wordLength > 0)
            {
                var w = Mix(word ^ UnigramSalt);
                Emit(w, sourceSalt, batch, ref pending);
                if (previousWord != 0)
                {
                    Emit(Mix((previousWord * 31) ^ w ^ BigramSalt), sourceSalt, batch, ref pending);
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
                word = (word ^ (digit ? '0' : c)) * FnvPrime;
                wordLength++;
            }

            // A run of one punctuation mark or symbol ("........" leaders in an invoice, "-----" rules, "!!!!!") adds nothing
            // after its third character: without this, its n-grams would be counted once per character and a long run
            // would outweigh every word of its sentence, whatever the words say.
            var repeated = !letter && !space && filled >= 3 && c == p1 && c == p2 && c == p3;
            if (i < shadow.Length && !(space && lastSpace) && !repeated)
            {
                uint ch = space ? ' ' : digit ? '0' : c;
                if (filled >= 4)
                {
                    // The four n-grams mixed side by side; the same values and order as the loop below would give.
                    var h2 = (((FnvOffset ^ ch) * FnvPrime) ^ p1) * FnvPrime;
                    var h3 = (h2 ^ p2) * FnvPrime;
                    var h4 = (h3 ^ p3) * FnvPrime;
                    var h5 = (h4 ^ p4) * FnvPrime;
                    var mixed = Mix(Vector128.Create(h2 + 2, h3 + 3, h4 + 4, h5 + 5));
                    var alone = Pack(mixed);
                    var joined = Pack(Mix(mixed ^ Vector128.Create(sourceSalt)));
                    var at = batch.Slice(pending, 8);
                    at[0] = (int)alone.GetElement(0);
                    at[1] = (int)joined.GetElement(0);
                    at[2] = (int)alone.GetElement(1);
                    at[3] = (int)joined.GetElement(1);
                    at[4] = (int)alone.GetElement(2);
                    at[5] = (int)joined.GetElement(2);
                    at[6] = (int)alone.GetElement(3);
                    at[7] = (int)joined.GetElement(3);
                    pending += 8;
                }
                else
                {
                    // Fewer than four characters before this one (only at the start of the text): the n-grams there are.
                    var h = (FnvOffset ^ ch) * FnvPrime;
                    for (var n = 1; n <= filled; n++)
                    {
                        h = (h ^ (n == 1 ? p1 : n == 2 ? p2 : p3)) * FnvPrime;
                        Emit(Mix(h + (uint)(n + 1)), sourceSalt, batch, ref pending);
                    }
                }

                p4 = p3;
                p3 = p2;
                p2 = p1;
                p1 = ch;
                filled++;
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
                    if (pending > 0)
                    {
                        sink.Features(batch[..pending]);
                        pending = 0;
                    }

                    sink.EndSentence(sentenceStart, end, contentWords, matched);
                }

                sentenceStart = end;
                sentenceLength = 0;
                contentWords = 0;
                matched = 0;
                previousWord = 0;
            }
        }

        // Features after the last sentence with a letter belong to no sentence; they are handed over all the same.
        if (pending > 0)
        {
            sink.Features(batch[..pending]);
        }
    }

    private const byte SpaceClass = 1;
    private const byte LetterOrDigitClass = 2;
    private const byte DigitClass = 4;

    /// <summary>What <see cref="char.IsWhiteSpace(char)"/>, <see cref="char.IsLetterOrDigit(char)"/> and <see cref="char.IsDigit(char)"/> say of each ASCII character.</summary>
    private static readonly byte[] AsciiClasses = BuildAsciiClasses();

    private static byte[] BuildAsciiClasses()
    {
        var classes = new byte[128];
        for (var c = (char)0; c < 128; c++)
        {
            classes[c] = (byte)((char.IsWhiteSpace(c) ? SpaceClass : 0) | (char.IsLetterOrDigit(c) ? LetterOrDigitClass : 0) | (char.IsDigit(c) ? DigitClass : 0));
        }

        return classes;
    }

    /// <summary>Packs a feature hash and its source-joined twin into the batch: bucket and sign of each.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Emit(uint hash, uint sourceSalt, Span<int> batch, ref int pending)
    {
        batch[pending] = (int)((hash & (Buckets - 1)) << 1 | hash >> 31);
        var joined = Mix(hash ^ sourceSalt);
        batch[pending + 1] = (int)((joined & (Buckets - 1)) << 1 | joined >> 31);
        pending += 2;
    }

    /// <summary>Packs four feature hashes as <see cref="Emit"/> does: bucket shifted left by one, sign bit in the low bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<uint> Pack(Vector128<uint> h) => ((h & Vector128.Create((uint)(Buckets - 1))) << 1) | (h >>> 31);

    /// <summary><see cref="Mix(uint)"/> of four hashes at once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<uint> Mix(Vector128<uint> h)
    {
        h ^= h >>> 16;
        h *= Vector128.Create(0x85EBCA6Bu);
        h ^= h >>> 13;
        h *= Vector128.Create(0xC2B2AE35u);
        h ^= h >>> 16;
        return h;
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

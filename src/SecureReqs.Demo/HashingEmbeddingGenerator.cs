using System.Text;
using Microsoft.Extensions.AI;

namespace SecureReqs.Demo;

/// <summary>
/// A deterministic bag-of-words embedding for the demo (no model): lowercase word tokens hashed into a fixed number of
/// dimensions, log-weighted and L2-normalised, so that cosine similarity is word overlap. Good enough to show
/// retrieval behaviour; no claim about real embedding models follows from it.
/// </summary>
/// <remarks>Thread-safe and stateless.</remarks>
public sealed class HashingEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The number of dimensions.</summary>
    public const int Dimensions = 1024;

    private static readonly HashSet<string> _stopWords =
    [
        "the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "is", "are", "was", "be", "it", "my", "i", "you", "your",
        "me", "we", "our", "do", "does", "can", "how", "what", "when", "with", "this", "that", "at", "by", "from", "if", "as",
        "there", "any", "is", "about", "please", "hi", "hello", "thanks",
    ];

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var embeddings = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            embeddings.Add(new Embedding<float>(Embed(value)));
        }

        return Task.FromResult(embeddings);
    }

    /// <summary>Embeds one text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The unit vector.</returns>
    public static float[] Embed(string text)
    {
        var counts = new Dictionary<int, int>();
        var word = new StringBuilder();
        foreach (var c in text.ToLowerInvariant().Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
                continue;
            }

            if (word.Length > 1 && !_stopWords.Contains(word.ToString()))
            {
                var token = Stem(word.ToString());
                var slot = (int)(Fnv(token) % Dimensions);
                counts[slot] = counts.GetValueOrDefault(slot) + 1;
            }

            word.Clear();
        }

        var vector = new float[Dimensions];
        foreach (var (slot, count) in counts)
        {
            vector[slot] = 1f + MathF.Log(count);
        }

        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        if (norm > 0)
        {
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] /= norm;
            }
        }

        return vector;
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) => serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    /// <inheritdoc />
    public void Dispose()
    {
    }

    // Plural and -ing endings folded, so "returns" meets "return".
    private static string Stem(string word) =>
        word.Length > 4 && word.EndsWith("ing", StringComparison.Ordinal) ? word[..^3]
        : word.Length > 3 && word.EndsWith("es", StringComparison.Ordinal) && !word.EndsWith("ses", StringComparison.Ordinal) ? word[..^1]
        : word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1]
        : word;

    private static uint Fnv(string token)
    {
        var hash = 2166136261u;
        foreach (var c in token)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}

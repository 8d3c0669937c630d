using Microsoft.Extensions.AI;

namespace SecureReqs.Demo;

/// <summary>
/// The deterministic source of every wording choice of <see cref="ModelStyleRenderer"/>: a 64-bit FNV-1a hash of the
/// request's user turns, mixed with the name of each choice, so the same request always gets the same wording and
/// each choice is independent of the others. No <see cref="Random"/>, no clock.
/// </summary>
/// <param name="hash">The hash of the request.</param>
internal readonly struct StyleSeed(ulong hash)
{
    /// <summary>The hash the choices derive from.</summary>
    public ulong Hash { get; } = hash;

    /// <summary>The seed of a request: its user turns (not retrieved context), in order.</summary>
    /// <param name="request">The conversation.</param>
    /// <returns>The seed.</returns>
    public static StyleSeed Of(IReadOnlyList<ChatMessage> request) =>
        new(Fnv1a(string.Join('\u001f', request
            .Where(m => m.Role == ChatRole.User && m.AdditionalProperties?.ContainsKey(CaseInstantiator.ContextKindProperty) != true)
            .Select(m => m.Text))));

    /// <summary>The 64-bit FNV-1a hash of the UTF-16 code units of <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The hash.</returns>
    public static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ (byte)c) * 1099511628211UL;
            hash = (hash ^ (byte)(c >> 8)) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>A number in [0, <paramref name="count"/>) for the choice named <paramref name="choice"/>.</summary>
    /// <param name="choice">The name of the choice.</param>
    /// <param name="count">How many options there are, at least 1.</param>
    /// <returns>The option.</returns>
    public int Pick(string choice, int count) => (int)(Mix(Hash ^ Fnv1a(choice)) % (ulong)count);

    /// <summary>One of <paramref name="options"/> for the choice named <paramref name="choice"/>.</summary>
    /// <typeparam name="T">The option type.</typeparam>
    /// <param name="choice">The name of the choice.</param>
    /// <param name="options">The options, at least one.</param>
    /// <returns>The option.</returns>
    public T Pick<T>(string choice, IReadOnlyList<T> options) => options[Pick(choice, options.Count)];

    /// <summary>The index of the option chosen with the given weights.</summary>
    /// <param name="choice">The name of the choice.</param>
    /// <param name="weights">The options' weights (non-negative, at least one positive).</param>
    /// <returns>The index.</returns>
    public int Weighted(string choice, params ReadOnlySpan<int> weights)
    {
        var total = 0;
        foreach (var w in weights)
        {
            total += w;
        }

        var roll = Pick(choice, total);
        for (var i = 0; i < weights.Length; i++)
        {
            if (roll < weights[i])
            {
                return i;
            }

            roll -= weights[i];
        }

        return weights.Length - 1;
    }

    /// <summary>Whether the choice named <paramref name="choice"/> comes out true, <paramref name="percent"/> times in 100.</summary>
    /// <param name="choice">The name of the choice.</param>
    /// <param name="percent">The chance, 0 to 100.</param>
    /// <returns>The outcome.</returns>
    public bool Chance(string choice, int percent) => Pick(choice, 100) < percent;

    // SplitMix64's finaliser: spreads every bit of the input over the output.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

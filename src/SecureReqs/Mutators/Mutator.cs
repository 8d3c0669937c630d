using System.Text;
using Microsoft.Extensions.AI;

namespace SecureReqs;

/// <summary>
/// A seeded transformation of an attack's payload, as attackers use to slip past filters: an encoding, an obfuscation,
/// a hiding place or a split. Planted values (the canary, URLs) inside the payload are kept intact by the character-level
/// obfuscations so the attack's goal stays checkable.
/// </summary>
/// <remarks>Thread-safe: all randomness comes from the <see cref="Random"/> passed to <see cref="Apply"/>.</remarks>
public abstract class Mutator
{
    /// <summary>Creates a mutator.</summary>
    /// <param name="name">The short name, kebab-case.</param>
    /// <param name="phrase">How a story says it after "each attack is also sent".</param>
    protected Mutator(string name, string phrase)
    {
        Name = name;
        Phrase = phrase;
    }

    /// <summary>The short name, such as <c>base64</c>.</summary>
    public string Name { get; }

    /// <summary>How a story says it: "encoded as base64".</summary>
    public string Phrase { get; }

    /// <summary>Applies the mutation to the payload of <paramref name="instance"/>.</summary>
    /// <param name="instance">The filled case.</param>
    /// <param name="random">The seeded source of every random choice.</param>
    /// <returns>The mutated copy, named after the mutator.</returns>
    public virtual CaseInstance Apply(CaseInstance instance, Random random)
    {
        var keep = Protected(instance);
        if (instance.PayloadContext >= 0)
        {
            var message = instance.Context[instance.PayloadContext];
            var text = message.Text;
            var (header, body) = CaseInstantiator.SplitContextHeader(text);
            var context = instance.Context.ToList();
            context[instance.PayloadContext] = new ChatMessage(message.Role, header + Transform(body, keep, random)) { AdditionalProperties = message.AdditionalProperties };
            return Named(instance with { Context = context });
        }

        var turns = instance.Turns.ToList();
        turns[instance.PayloadTurn] = turns[instance.PayloadTurn] with { Content = Transform(turns[instance.PayloadTurn].Content, keep, random) };
        return Named(instance with { Turns = turns });
    }

    /// <summary>Transforms the payload text.</summary>
    /// <param name="payload">The payload.</param>
    /// <param name="keep">Substrings that must survive unchanged (planted values, URLs).</param>
    /// <param name="random">The seeded source of randomness.</param>
    /// <returns>The transformed payload.</returns>
    protected abstract string Transform(string payload, IReadOnlyList<string> keep, Random random);

    /// <summary>The copy's name: mutators compose as <c>a+b</c>.</summary>
    /// <param name="instance">The mutated copy.</param>
    /// <returns>The copy with its mutator name set.</returns>
    protected CaseInstance Named(CaseInstance instance) =>
        instance with { Mutator = instance.Mutator is null ? Name : $"{instance.Mutator}+{Name}" };

    /// <summary>Applies <paramref name="map"/> to every character outside the kept substrings (for mutators built from delegates).</summary>
    /// <param name="text">The text.</param>
    /// <param name="keep">Substrings to leave unchanged.</param>
    /// <param name="map">Maps one character.</param>
    /// <returns>The mapped text.</returns>
    internal static string MapOutsideKept(string text, IReadOnlyList<string> keep, Action<char, StringBuilder> map) => MapOutside(text, keep, map);

    /// <summary>Applies <paramref name="map"/> to every character outside the kept substrings.</summary>
    /// <param name="text">The text.</param>
    /// <param name="keep">Substrings to leave unchanged.</param>
    /// <param name="map">Maps one character (with the builder to append to).</param>
    /// <returns>The mapped text.</returns>
    protected static string MapOutside(string text, IReadOnlyList<string> keep, Action<char, StringBuilder> map)
    {
        var kept = new bool[text.Length];
        foreach (var value in keep.Where(k => k.Length > 0))
        {
            for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
            {
                Array.Fill(kept, true, at, value.Length);
            }
        }

        var result = new StringBuilder(text.Length * 2);
        for (var i = 0; i < text.Length; i++)
        {
            if (kept[i])
            {
                result.Append(text[i]);
            }
            else
            {
                map(text[i], result);
            }
        }

        return result.ToString();
    }

    /// <summary>Picks one of several phrasings.</summary>
    /// <param name="random">The seeded source of randomness.</param>
    /// <param name="options">The phrasings.</param>
    /// <returns>One of them.</returns>
    protected static string Pick(Random random, params string[] options) => options[random.Next(options.Length)];

    private static List<string> Protected(CaseInstance instance)
    {
        var keep = instance.Planted.Select(p => p.Value).ToList();
        foreach (var text in instance.Turns.Select(t => t.Content).Concat(instance.Context.Select(c => c.Text)))
        {
            keep.AddRange(ForbiddenUrlJudge.UrlRegex().Matches(text).Select(m => m.Value));
        }

        return keep;
    }
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace SecureReqs.Guardrails;

/// <summary>
/// The reversible map between the values <see cref="FieldTokenizingChatClient"/> replaced and their tokens
/// (<c>[[token-1]]</c>, <c>[[token-2]]</c>, …), for one conversation: the same value always gets the same token, so the
/// model can still refer to it, and <see cref="Detokenize"/> puts the values back into an answer for the user when the
/// application wants it.
/// </summary>
/// <remarks>
/// <para>Thread-safe.</para>
/// <para>Security contract: the vault holds the raw values in process memory for as long as it lives; it never writes
/// them anywhere and <see cref="ToString"/> shows only the count. Keep one per conversation (pass it in
/// <see cref="Microsoft.Extensions.AI.ChatOptions.AdditionalProperties"/> under
/// <see cref="FieldTokenizingChatClient.VaultPropertyName"/>) and drop it when the conversation ends; without one the
/// middleware uses a fresh vault per request.</para>
/// </remarks>
public sealed partial class FieldTokenVault
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    /// <summary>How many distinct values the vault holds.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _tokens.Count;
            }
        }
    }

    /// <summary>The token of <paramref name="value"/>: the one it already has, or the next one.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The token, such as <c>[[token-3]]</c>.</returns>
    public string Tokenize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_lock)
        {
            if (!_tokens.TryGetValue(value, out var token))
            {
                token = string.Create(CultureInfo.InvariantCulture, $"[[token-{_tokens.Count + 1}]]");
                _tokens[value] = token;
                _values[token] = value;
            }

            return token;
        }
    }

    /// <summary>The value a token stands for.</summary>
    /// <param name="token">The token, such as <c>[[token-3]]</c>.</param>
    /// <param name="value">The value, when the token is this vault's.</param>
    /// <returns>True when the token is this vault's.</returns>
    public bool TryGetValue(string token, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
    {
        ArgumentNullException.ThrowIfNull(token);
        lock (_lock)
        {
            return _values.TryGetValue(token, out value);
        }
    }

    /// <summary>Replaces every token of this vault in <paramref name="text"/> by its value; other tokens stay.</summary>
    /// <param name="text">The text, such as the model's answer.</param>
    /// <returns>The text with the values back.</returns>
    public string Detokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains("[[token-", StringComparison.Ordinal)
            ? TokenPattern().Replace(text, m => TryGetValue(m.Value, out var value) ? value : m.Value)
            : text;
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"FieldTokenVault ({Count} values)");

    [GeneratedRegex(@"\[\[token-[0-9]+\]\]", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();
}

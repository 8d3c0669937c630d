namespace SecureReqs.Endpoints;

/// <summary>Removes a target's secrets (its API key and secret header values) from any text before it is shown or stored.</summary>
internal sealed class SecretScrubber(IEnumerable<string> secrets)
{
    public const string Mask = "[redacted]";

    private readonly string[] _secrets = [.. secrets.Where(s => s.Length >= 4).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];

    public bool Contains(string? text) => text is not null && _secrets.Any(s => text.Contains(s, StringComparison.Ordinal));

    public string Scrub(string text)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}

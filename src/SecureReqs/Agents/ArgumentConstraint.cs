using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Mail;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SecureReqs;

/// <summary>
/// What a policy allows for one argument of a tool: a numeric range, recipient domains, path prefixes, an allowed set
/// of values or a pattern. Every set rule must hold; a value that cannot be read as the rule needs (a number written as
/// "$2,500", a recipient that does not parse) is a violation: the check fails closed.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Argument">The argument's name.</param>
public sealed record ArgumentConstraint(string Argument)
{
    /// <summary>The largest allowed number, or null.</summary>
    public double? Max { get; init; }

    /// <summary>The smallest allowed number, or null.</summary>
    public double? Min { get; init; }

    /// <summary>The e-mail domains every recipient must be at (a subdomain counts), or empty for any.</summary>
    public IReadOnlyList<string> Domains { get; init; } = [];

    /// <summary>The path prefixes the normalized path must start with, or empty for any.</summary>
    public IReadOnlyList<string> Prefixes { get; init; } = [];

    /// <summary>The allowed values (exact), or empty for any.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>A regular expression the whole value must match, or null.</summary>
    /// <remarks>
    /// It runs on .NET's linear engine (<see cref="RegexOptions.NonBacktracking"/>), without a match timeout, so a long
    /// argument cannot stall a check however busy the machine is; that engine has no look-arounds, back-references,
    /// atomic groups or conditionals, and a pattern that uses one is refused (<see cref="CompilePattern"/>).
    /// </remarks>
    public string? Pattern { get; init; }

    private static readonly ConcurrentDictionary<string, Regex> CompiledPatterns = new(StringComparer.Ordinal);

    /// <summary>Compiles a <see cref="Pattern"/> as the check runs it: anchored at both ends, on the linear engine.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>The compiled pattern (cached).</returns>
    /// <exception cref="SecureReqsException">The pattern is not a valid regular expression or uses a construct the linear engine does not have.</exception>
    public static Regex CompilePattern(string pattern) =>
        CompiledPatterns.GetOrAdd(pattern, static p =>
        {
            try
            {
                return new Regex($"^(?:{p})$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
            }
            catch (NotSupportedException ex)
            {
                throw new SecureReqsException(
                    $"The argument pattern \"{p}\" uses a construct that cannot run in linear time ({ex.Message}). Remove look-arounds ((?=…), (?!…), (?<=…), (?<!…)), back-references (\\1, \\k<name>), atomic groups ((?>…)) and conditionals from the pattern.",
                    ex);
            }
            catch (ArgumentException ex)
            {
                throw new SecureReqsException($"The argument pattern \"{p}\" is not a valid regular expression: {ex.Message}", ex);
            }
        });

    /// <summary>Checks <paramref name="value"/> (absent when the call omitted the argument).</summary>
    /// <param name="value">The argument's value: a string, a number, a <see cref="JsonElement"/>, or null.</param>
    /// <returns>What is wrong, or null when the value is allowed.</returns>
    public string? Check(object? value)
    {
        var text = ArgumentText.Of(value);
        if (text is null)
        {
            return $"{Argument} is missing";
        }

        if (Max is not null || Min is not null)
        {
            if (!ArgumentText.TryNumber(value, out var number))
            {
                return $"{Argument} \"{ArgumentText.Clip(text)}\" is not a plain number";
            }

            if (Max is { } max && number > max)
            {
                return $"{Argument} {number.ToString(CultureInfo.InvariantCulture)} exceeds {max.ToString(CultureInfo.InvariantCulture)}";
            }

            if (Min is { } min && number < min)
            {
                return $"{Argument} {number.ToString(CultureInfo.InvariantCulture)} is below {min.ToString(CultureInfo.InvariantCulture)}";
            }
        }

        if (Domains.Count > 0 && RecipientOutside(text) is { } outside)
        {
            return outside;
        }

        if (Prefixes.Count > 0)
        {
            var path = NormalizePath(text);
            if (path is null)
            {
                return $"{Argument} \"{ArgumentText.Clip(text)}\" leaves the allowed folders";
            }

            if (!Prefixes.Any(p => path.StartsWith(NormalizePrefix(p), StringComparison.Ordinal)))
            {
                return $"{Argument} \"{ArgumentText.Clip(text)}\" is outside {string.Join(", ", Prefixes)}";
            }
        }

        if (Values.Count > 0 && !Values.Contains(text, StringComparer.Ordinal))
        {
            return $"{Argument} \"{ArgumentText.Clip(text)}\" is not one of {string.Join(", ", Values)}";
        }

        if (Pattern is not null && !CompilePattern(Pattern).IsMatch(text))
        {
            return $"{Argument} \"{ArgumentText.Clip(text)}\" does not match the allowed pattern";
        }

        return null;
    }

    /// <summary>The recipients of an address list whose domain is outside <see cref="Domains"/>, as a violation, or null.</summary>
    /// <param name="text">The address list.</param>
    /// <returns>The violation, or null when every recipient is allowed.</returns>
    public string? RecipientOutside(string text)
    {
        var hosts = RecipientHosts(text);
        if (hosts is null || hosts.Count == 0)
        {
            return $"{Argument} \"{ArgumentText.Clip(text)}\" is not a valid recipient list";
        }

        var outside = hosts.Where(h => !Domains.Any(d => IsAtOrUnder(h, d))).ToList();
        return outside.Count == 0 ? null : $"{Argument} sends to {string.Join(", ", outside)}, outside {string.Join(", ", Domains)}";
    }

    /// <summary>The hosts of every recipient in an address list, in ASCII (look-alike letters become punycode), or null when the list does not parse.</summary>
    /// <param name="text">The address list (commas or semicolons between addresses; display names allowed).</param>
    /// <returns>The hosts, lowercase.</returns>
    public static IReadOnlyList<string>? RecipientHosts(string text)
    {
        var hosts = new List<string>();
        var idn = new IdnMapping();
        foreach (var part in text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            try
            {
                var address = new MailAddress(Uri.UnescapeDataString(part));
                hosts.Add(idn.GetAscii(address.Host.TrimEnd('.')).ToLowerInvariant());
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException)
            {
                return null;
            }
        }

        return hosts;
    }

    /// <summary>
    /// Normalizes a relative path the way a file system would resolve it: percent-encoding decoded (repeatedly),
    /// backslashes as slashes, <c>.</c> and <c>..</c> segments resolved. Null when it is absolute or climbs above the root.
    /// </summary>
    /// <param name="path">The path as the model wrote it.</param>
    /// <returns>The normalized path, or null.</returns>
    public static string? NormalizePath(string path)
    {
        var decoded = path;
        for (var i = 0; i < 3; i++)
        {
            var next = Uri.UnescapeDataString(decoded);
            if (next == decoded)
            {
                break;
            }

            decoded = next;
        }

        decoded = decoded.Replace('\\', '/').Trim();
        if (decoded.StartsWith('/') || decoded.StartsWith('~') || (decoded.Length > 1 && decoded[1] == ':') || decoded.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        var segments = new List<string>();
        foreach (var segment in decoded.Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count == 0)
                {
                    return null;
                }

                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            segments.Add(segment);
        }

        return string.Join('/', segments);
    }

    private static string NormalizePrefix(string prefix) => (NormalizePath(prefix) ?? prefix).TrimEnd('/') + "/";

    /// <summary>Whether <paramref name="host"/> is <paramref name="domain"/> or one of its subdomains (case-insensitive; a leading <c>@</c> on the domain is ignored).</summary>
    /// <param name="host">The host.</param>
    /// <param name="domain">The domain.</param>
    /// <returns>True when the host is at or under the domain.</returns>
    public static bool IsAtOrUnder(string host, string domain)
    {
        var d = domain.Trim().TrimStart('@');
        var h = host.TrimEnd('.');
        return h.Equals(d, StringComparison.OrdinalIgnoreCase) || h.EndsWith("." + d, StringComparison.OrdinalIgnoreCase);
    }
}

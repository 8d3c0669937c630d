using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace SecureReqs;

/// <summary>
/// The last step before any report text leaves the process (a report file, the terminal): the target's declared
/// secrets and canaries are masked in every form a writer may have encoded them in, control and bidirectional-override
/// characters from answers are made visible instead of acting on a terminal or a reader, and absolute paths under the
/// source root become relative.
/// </summary>
/// <remarks>Masking at output catches a secret wherever it ended up (an answer, a failure message, a note). Thread-safe.</remarks>
public sealed class ReportSanitizer
{
    /// <summary>What a masked secret reads as.</summary>
    public const string Mask = "[secret masked]";

    /// <summary>Secrets shorter than this are not masked at output: too short to replace without mangling ordinary text.</summary>
    public const int MinimumSecretLength = 4;

    private readonly List<string> _forms;
    private readonly List<string> _roots;

    /// <summary>Creates the sanitizer.</summary>
    /// <param name="secrets">The values to mask.</param>
    /// <param name="sourceRoot">The folder paths are made relative to, or null.</param>
    public ReportSanitizer(IEnumerable<string> secrets, string? sourceRoot = null)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        _forms = [.. secrets.Where(s => s.Trim().Length >= MinimumSecretLength)
            .SelectMany(s => new[] { s, JsonEncodedText.Encode(s).ToString(), WebUtility.HtmlEncode(s), System.Security.SecurityElement.Escape(s) ?? s })
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)];
        _roots = [];
        if (!string.IsNullOrEmpty(sourceRoot))
        {
            var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(sourceRoot));
            foreach (var form in new[] { root + Path.DirectorySeparatorChar, root + '/', JsonEncodedText.Encode(root + Path.DirectorySeparatorChar).ToString() }.Distinct(StringComparer.Ordinal))
            {
                _roots.Add(form);
            }
        }
    }

    /// <summary>A sanitizer that only escapes control characters.</summary>
    public static ReportSanitizer None { get; } = new([]);

    /// <summary>Cleans one report's or one terminal line's text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The text with secrets masked, control characters escaped and paths relative.</returns>
    public string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        foreach (var form in _forms)
        {
            text = text.Replace(form, Mask, StringComparison.OrdinalIgnoreCase);
        }

        foreach (var root in _roots)
        {
            text = text.Replace(root, "", StringComparison.Ordinal);
        }

        return EscapeControls(text);
    }

    /// <summary>Makes control characters (other than line breaks and tabs) and bidirectional overrides visible as
    /// <c>\u001B</c>-style text, so an answer cannot move a terminal's cursor, hide text or reorder a line.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The escaped text.</returns>
    public static string EscapeControls(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(IsUnsafe))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (IsUnsafe(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsUnsafe(char c) =>
        c is not ('\n' or '\r' or '\t') && (char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C');
}

using System.Text.RegularExpressions;

namespace SecureReqs;

/// <summary>The <c>{{name}}</c> placeholders that cases may use, and the code that finds them.</summary>
public static partial class Placeholders
{
    /// <summary>Person name.</summary>
    public const string Name = "pii.name";

    /// <summary>Given name.</summary>
    public const string FirstName = "pii.first_name";

    /// <summary>Family name.</summary>
    public const string LastName = "pii.last_name";

    /// <summary>E-mail address.</summary>
    public const string Email = "pii.email";

    /// <summary>Phone number.</summary>
    public const string Phone = "pii.phone";

    /// <summary>Postal address on one line.</summary>
    public const string Address = "pii.address";

    /// <summary>Payment card number.</summary>
    public const string Card = "pii.card";

    /// <summary>The card's last four digits (not itself a secret).</summary>
    public const string CardLast4 = "pii.card_last4";

    /// <summary>US social security number.</summary>
    public const string Ssn = "pii.ssn";

    /// <summary>IBAN.</summary>
    public const string Iban = "pii.iban";

    /// <summary>Date of birth.</summary>
    public const string DateOfBirth = "pii.dob";

    /// <summary>The whole record as <c>Field: value</c> lines.</summary>
    public const string Record = "pii.record";

    /// <summary>A per-run random token.</summary>
    public const string Canary = "canary";

    /// <summary>The planted values that <see cref="Record"/> contains.</summary>
    public static IReadOnlyList<string> RecordFields { get; } = [Name, Email, Phone, Address, DateOfBirth, Card, Ssn, Iban];

    /// <summary>Every placeholder this version fills.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Name, FirstName, LastName, Email, Phone, Address, Card, CardLast4, Ssn, Iban, DateOfBirth, Record, Canary];

    /// <summary>The placeholder names used in <paramref name="text"/>, in order of appearance (with repeats).</summary>
    /// <param name="text">Text with <c>{{name}}</c> placeholders.</param>
    /// <returns>The names without braces.</returns>
    public static IEnumerable<string> Find(string text)
    {
        foreach (Match match in PlaceholderRegex().Matches(text))
        {
            yield return match.Groups["name"].Value;
        }
    }

    /// <summary>Replaces every placeholder in <paramref name="text"/> using <paramref name="valueOf"/>.</summary>
    /// <param name="text">Text with placeholders.</param>
    /// <param name="valueOf">Maps a placeholder name to its value.</param>
    /// <returns>The filled text.</returns>
    public static string Fill(string text, Func<string, string> valueOf) =>
        PlaceholderRegex().Replace(text, m => valueOf(m.Groups["name"].Value));

    [GeneratedRegex(@"\{\{\s*(?<name>[A-Za-z0-9_.\-]+)\s*\}\}", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex PlaceholderRegex();
}

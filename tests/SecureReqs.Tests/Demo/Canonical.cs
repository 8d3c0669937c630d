using System.Text;

namespace SecureReqs.Tests;

/// <summary>
/// Values in canonical form, whatever their rendering: the digits of a text with every decimal digit (Arabic-Indic,
/// Devanagari, fullwidth) read as ASCII and everything else dropped, so a card split across two sentences or written in
/// another script still shows its digits in one run.
/// </summary>
internal static class Canonical
{
    /// <summary>The decimal digits of <paramref name="text"/>, as ASCII, in order.</summary>
    public static string Digits(string text)
    {
        var digits = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsDigit(c))
            {
                digits.Append((char)('0' + (int)char.GetNumericValue(c)));
            }
        }

        return digits.ToString();
    }

    /// <summary>The letters and digits of <paramref name="text"/>, lowercased, digits as ASCII.</summary>
    public static string Alnum(string text)
    {
        var result = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsDigit(c))
            {
                result.Append((char)('0' + (int)char.GetNumericValue(c)));
            }
            else if (char.IsLetter(c))
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    /// <summary>Whether both the user name and the domain of <paramref name="email"/> are in <paramref name="text"/>
    /// (as "jane@example.com", "jane at example dot com", "user name jane, on the example.com domain" …).</summary>
    public static bool HasEmail(string text, string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        var (local, domain) = (email[..at], email[(at + 1)..]);
        var alnum = Alnum(text);
        return text.Contains(local, StringComparison.OrdinalIgnoreCase) && (alnum.Contains(Alnum(domain), StringComparison.Ordinal) || alnum.Contains(Alnum(domain.Replace(".", " dot ", StringComparison.Ordinal)), StringComparison.Ordinal));
    }
}

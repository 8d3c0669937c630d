using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SecureReqs.Demo;

/// <summary>
/// Rewrites the values in an answer (payment cards, US phone numbers, e-mail addresses, SSNs, IBANs, ISO dates, links)
/// the way models reformat them: digits regrouped, phone numbers in E.164, e-mail addresses spelled out, a card or an
/// SSN told across two sentences, dates written out, links without a scheme, and digits in Arabic-Indic or Devanagari
/// when the answer is in Arabic or Hindi. One style per kind of value per answer, chosen from the answer's seed; every
/// rewrite keeps the value (its digits, its letters) whole. Structured output (JSON, CSV, tables) only gets styles that
/// fit in a field.
/// </summary>
/// <remarks>Not thread-safe: one instance words one answer.</remarks>
internal sealed partial class ValueRenderer
{
    private static readonly string[] _cardStyles = ["as-written", "dashes", "compact", "split-sentences"];
    private static readonly string[] _phoneStyles = ["as-written", "e164", "international", "dots", "split-area-code"];
    private static readonly string[] _emailStyles = ["as-written", "spelled", "bracketed", "mailto-link", "split-user-domain"];
    private static readonly string[] _ssnStyles = ["as-written", "spaces", "compact", "split-sentences"];
    private static readonly string[] _ibanStyles = ["as-written", "compact", "split-bank-account"];
    private static readonly string[] _dateStyles = ["as-written", "month-day-year", "ordinal", "slashes", "local"];
    private static readonly string[] _urlStyles = ["as-written", "no-scheme", "markdown-no-scheme"];

    private readonly StyleSeed _seed;
    private readonly string _language;
    private readonly bool _nativeDigits;
    private readonly SortedSet<string> _used = new(StringComparer.Ordinal);

    /// <summary>Creates the renderer of one answer.</summary>
    /// <param name="seed">The answer's seed.</param>
    /// <param name="language">The answer's language.</param>
    /// <param name="nativeDigits">Whether digits are written in the language's own digits (Arabic, Hindi).</param>
    public ValueRenderer(StyleSeed seed, string language, bool nativeDigits)
    {
        _seed = seed;
        _language = language;
        _nativeDigits = nativeDigits && ReplyLanguage.HasNativeDigits(language);
    }

    /// <summary>Whether payment cards, SSNs and IBANs are masked to their last digits (a partial refusal).</summary>
    public bool MaskFinancial { get; init; }

    /// <summary>The styles used so far, such as <c>card=split-sentences</c>.</summary>
    public IReadOnlyCollection<string> Used => _used;

    /// <summary>Whether <paramref name="text"/> holds a value this renderer rewrites (a link does not count).</summary>
    /// <param name="text">The text.</param>
    /// <returns>True when it holds a card, phone number, e-mail address, SSN or IBAN.</returns>
    public static bool HasPersonalData(string text) =>
        Value().Matches(text).Any(m => m.Groups["iban"].Success || m.Groups["email"].Success || m.Groups["phone"].Success || m.Groups["ssn"].Success || (m.Groups["card"].Success && IsCard(m.Value)));

    /// <summary>Whether <paramref name="text"/> holds a payment card, an SSN or an IBAN.</summary>
    /// <param name="text">The text.</param>
    /// <returns>True when it does.</returns>
    public static bool HasFinancialData(string text) =>
        Value().Matches(text).Any(m => m.Groups["iban"].Success || m.Groups["ssn"].Success || (m.Groups["card"].Success && IsCard(m.Value)));

    /// <summary>Rewrites every value in <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="prose">Whether the text is prose (every style) rather than a structured field (styles that fit in one).</param>
    /// <returns>The text with its values rewritten.</returns>
    public string Render(string text, bool prose) =>
        Value().Replace(text, m => Rewrite(m, prose, inLink: m.Index > 0 && text[m.Index - 1] == '('));

    private string Rewrite(Match match, bool prose, bool inLink)
    {
        var value = match.Value;
        if (match.Groups["iban"].Success)
        {
            return Digits(Iban(value, prose));
        }

        if (match.Groups["email"].Success)
        {
            return Email(value, prose);
        }

        if (match.Groups["phone"].Success)
        {
            return Digits(Phone(value, prose));
        }

        if (match.Groups["ssn"].Success)
        {
            return Digits(Ssn(value, prose));
        }

        if (match.Groups["card"].Success)
        {
            return IsCard(value) ? Digits(Card(value, prose)) : value;
        }

        if (match.Groups["date"].Success)
        {
            return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? Digits(Date(value, date, prose)) : value;
        }

        return Url(value, inLink);
    }

    private string Style(string kind, string[] styles, bool prose, int structuredCount)
    {
        var style = prose ? _seed.Pick(kind + "-prose", styles) : _seed.Pick(kind + "-field", styles.AsSpan(0, structuredCount).ToArray());
        _used.Add($"{kind}={style}");
        return style;
    }

    private string Card(string value, bool prose)
    {
        var digits = DigitsOf(value);
        if (MaskFinancial)
        {
            _used.Add("card=masked");
            return "**** **** **** " + digits[^4..];
        }

        return Style("card", _cardStyles, prose, 3) switch
        {
            "dashes" => string.Join('-', digits.Chunk(4).Select(c => new string(c))),
            "compact" => digits,
            "split-sentences" => $"first eight digits {Group(digits[..8])}. The remaining digits are {Group(digits[8..])}",
            _ => value,
        };
    }

    private string Phone(string value, bool prose)
    {
        var digits = DigitsOf(value);
        return Style("phone", _phoneStyles, prose, 4) switch
        {
            "e164" => "+1" + digits,
            "international" => $"+1 {digits[..3]}-{digits[3..6]}-{digits[6..]}",
            "dots" => $"{digits[..3]}.{digits[3..6]}.{digits[6..]}",
            "split-area-code" => $"area code {digits[..3]}, number {digits[3..6]}-{digits[6..]}",
            _ => value,
        };
    }

    private string Email(string value, bool prose)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        var (local, domain) = (value[..at], value[(at + 1)..]);
        return Style("email", _emailStyles, prose, 2) switch
        {
            "spelled" => $"{local} at {domain.Replace(".", " dot ", StringComparison.Ordinal)}",
            "bracketed" => $"{local} [at] {domain.Replace(".", " [dot] ", StringComparison.Ordinal)}",
            "mailto-link" => $"[{value}](mailto:{value})",
            "split-user-domain" => $"user name {local}, on the {domain} domain",
            _ => value,
        };
    }

    private string Ssn(string value, bool prose)
    {
        var digits = DigitsOf(value);
        if (MaskFinancial)
        {
            _used.Add("ssn=masked");
            return "***-**-" + digits[^4..];
        }

        return Style("ssn", _ssnStyles, prose, 3) switch
        {
            "spaces" => $"{digits[..3]} {digits[3..5]} {digits[5..]}",
            "compact" => digits,
            "split-sentences" => $"the first five digits are {digits[..3]}-{digits[3..5]}. The last four are {digits[5..]}",
            _ => value,
        };
    }

    private string Iban(string value, bool prose)
    {
        var compact = value.Replace(" ", "", StringComparison.Ordinal);
        if (MaskFinancial)
        {
            _used.Add("iban=masked");
            return compact[..2] + "** **** **** **** " + compact[^4..];
        }

        return Style("iban", _ibanStyles, prose, 2) switch
        {
            "compact" => compact,
            // A German IBAN: country and check digits, an 8-digit bank code, a 10-digit account number.
            "split-bank-account" when compact.Length == 22 => $"{compact[..4]}, bank code {compact[4..12]}, account {compact[12..]}",
            _ => value,
        };
    }

    private string Date(string value, DateOnly date, bool prose)
    {
        var month = date.ToString("MMMM", CultureInfo.InvariantCulture);
        return Style("date", _dateStyles, prose, 3) switch
        {
            "month-day-year" => $"{month} {date.Day}, {date.Year}",
            "ordinal" => $"{month} {Ordinal(date.Day)}, {date.Year}",
            "slashes" => date.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture),
            "local" => ModelPhrases.LocalDate(date, _language) ?? $"the {Ordinal(date.Day)} of {month} {date.Year}",
            _ => value,
        };
    }

    private string Url(string value, bool inLink)
    {
        var bare = value[(value.IndexOf("://", StringComparison.Ordinal) + 3)..];
        return Style("url", _urlStyles, prose: true, 3) switch
        {
            "no-scheme" => bare,
            // Already the target of a markdown link or image: the scheme goes, the brackets stay.
            "markdown-no-scheme" when inLink => bare,
            "markdown-no-scheme" => $"[{bare.Split('/')[0]}]({bare})",
            _ => value,
        };
    }

    private string Digits(string text)
    {
        if (!_nativeDigits)
        {
            return text;
        }

        _used.Add("digits=" + (_language == "ar" ? "arabic-indic" : "devanagari"));
        return ReplyLanguage.NativeDigits(text, _language);
    }

    private static string Group(string digits) => string.Join(' ', digits.Chunk(4).Select(c => new string(c)));

    private static string Ordinal(int day) => day + (day % 100 is 11 or 12 or 13 ? "th" : (day % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });

    private static string DigitsOf(string value) => string.Concat(value.Where(char.IsAsciiDigit));

    /// <summary>Whether <paramref name="value"/> is a payment card number: 13 to 19 digits that pass the Luhn check.</summary>
    /// <param name="value">The digits, with or without separators.</param>
    /// <returns>True for a card number.</returns>
    public static bool IsCard(string value)
    {
        var digits = DigitsOf(value);
        return digits.Length is >= 13 and <= 19 && SyntheticCustomers.LuhnCheckDigit(digits[..^1]) == digits[^1];
    }

    [GeneratedRegex(@"(?<iban>\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b)|(?<email>\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b)|(?<phone>\(\d{3}\) ?\d{3}-\d{4}\b)|(?<ssn>\b\d{3}-\d{2}-\d{4}\b)|(?<card>\b\d{4}(?:[ -]?\d{3,4}){2,3}(?:[ -]?\d{1,4})?\b)|(?<date>\b(?:19|20)\d{2}-\d{2}-\d{2}\b)|(?<url>\bhttps?://[^\s()\[\]<>""'`]+)", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Value();
}

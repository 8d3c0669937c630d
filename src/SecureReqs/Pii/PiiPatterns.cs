using System.Text.RegularExpressions;

namespace SecureReqs;

/// <summary>The source-generated candidate patterns; validators in <see cref="PiiValidators"/> decide what is a finding.</summary>
/// <remarks>
/// Patterns run on the folded shadow text (<see cref="PiiText"/>), so they only need ASCII digits and separators.
/// Every pattern runs on .NET's linear engine (<see cref="RegexOptions.NonBacktracking"/>) without a match timeout, so
/// a scan takes time linear in the text however busy the machine is. Look-arounds, which that engine does not have,
/// are written as consumed context around the core of the match (<see cref="ContextRegex"/>).
/// </remarks>
internal static partial class PiiPatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.NonBacktracking;

    /// <summary>A character that is not a letter, digit or underscore (the negated look-behind of most patterns).</summary>
    private const string NotWord = @"[^\p{L}\p{N}_]";

    /// <summary>The end of the text or a character that is not a letter, digit or underscore.</summary>
    private const string NotWordAfter = @"$|[^\p{L}\p{N}_]";

    private const string Month =
        "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

    /// <summary>A formatted SSN: 3-2-4 digits with one consistent separator.</summary>
    /// <remarks>The separator is written out three times (the linear engine has no back-references).</remarks>
    public static ContextRegex SsnFormatted() => Ssn;

    private static readonly ContextRegex Ssn = new(
        @"[^0-9]" + NotWord + @"|[0-9][^\p{L}\p{N}_\-.]", 2, "|" + NotWord,
        @"(?<area>[0-9]{3})(?:-(?<group>[0-9]{2})-|\.(?<group>[0-9]{2})\.| (?<group>[0-9]{2}) )(?<serial>[0-9]{4})",
        @"$|[^\p{L}\p{N}_\-.]|[\-.](?:$|[^0-9])", Options);

    /// <summary>Nine bare digits introduced by an SSN label.</summary>
    public static ContextRegex SsnLabelled() => SsnLabel;

    private static readonly ContextRegex SsnLabel = new(
        @"[^\p{L}]", 1, "",
        @"(?:ssn|ss\#|social[ \t]+security(?:[ \t]+(?:number|num|no\.?|\#))?|soc\.?[ \t]*sec\.?(?:[ \t]*(?:number|no\.?|\#))?)[ \t]*(?:is|was|=|:|\#|-)?[ \t]*(?<area>[0-9]{3})(?<group>[0-9]{2})(?<serial>[0-9]{4})",
        NotWordAfter, Options | RegexOptions.IgnoreCase);

    /// <summary>Two letters, two check digits, then alphanumerics with optional single separators; the validator walks it.</summary>
    public static ContextRegex IbanCandidate() => Iban;

    private static readonly ContextRegex Iban = new(NotWord, 1, "", @"[A-Za-z]{2}[0-9]{2}(?:[ \-]?[A-Za-z0-9]){10,40}", "", Options);

    /// <summary>A reasonable RFC 5322/6531 subset: dot-atom local part, dotted host names, alphabetic TLD of 2–63.</summary>
    public static ContextRegex Email() => EmailAddress;

    private static readonly ContextRegex EmailAddress = new(
        @"[^\p{L}\p{N}._%+\-]", 1, "",
        @"[\p{L}\p{N}_%+\-]+(?:[.'][\p{L}\p{N}_%+\-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}\-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,63}",
        @"$|[^\p{L}\p{N}_\-]", Options);

    /// <summary>Four decimal octets of at most 255 without leading zeros, not part of a longer dotted number.</summary>
    public static ContextRegex IPv4() => IPv4Address;

    private static readonly ContextRegex IPv4Address = new(
        @"[^\p{L}\p{N}_.]", 1, "",
        @"(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])",
        @"$|[^\p{L}\p{N}_.]|\.(?:$|[^0-9])", Options);

    /// <summary>Words just before a dotted quad that make it a version number rather than an address.</summary>
    [GeneratedRegex(@"(?:(?:^|[^\p{L}])v|version|ver\.?|release|build|firmware|[\p{L}]/)[ \t]*$", Options | RegexOptions.IgnoreCase)]
    public static partial Regex VersionContext();

    /// <summary>Colon-separated hex groups (with an optional embedded IPv4 and zone); <c>IPAddress.TryParse</c> decides.</summary>
    public static ContextRegex IPv6Candidate() => IPv6Address;

    private static readonly ContextRegex IPv6Address = new(
        @"[^\p{L}\p{N}_:.]", 1, "",
        @"(?:[0-9A-Fa-f]{0,4}:){2,7}(?:(?:[0-9]{1,3}\.){3}[0-9]{1,3}|[0-9A-Fa-f]{1,4})?(?:%[0-9A-Za-z]+)?",
        @"$|[^\p{L}\p{N}_:.]|\.(?:$|[^0-9A-Za-z])", Options);

    /// <summary>AWS access key ids (long-term <c>AKIA</c>, temporary <c>ASIA</c> and the other IAM prefixes).</summary>
    public static ContextRegex AwsAccessKey() => Aws;

    private static readonly ContextRegex Aws = new(@"[^A-Za-z0-9]", 1, "", @"(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|AROA|APKA|ASCA)[A-Z0-9]{16}", @"$|[^A-Za-z0-9]", Options);

    /// <summary>GitHub personal, OAuth, user-to-server, server-to-server and refresh tokens, and fine-grained PATs.</summary>
    public static ContextRegex GitHubToken() => GitHub;

    private static readonly ContextRegex GitHub = new(@"[^A-Za-z0-9_]", 1, "", @"(?:gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{22,255})", @"$|[^A-Za-z0-9_]", Options);

    /// <summary>OpenAI-style <c>sk-</c> keys (also project, service-account and Anthropic keys).</summary>
    public static ContextRegex SkKey() => Sk;

    private static readonly ContextRegex Sk = new(@"[^A-Za-z0-9_\-]", 1, "", @"sk-(?<body>[A-Za-z0-9_\-]{20,})", @"$|[^A-Za-z0-9_\-]", Options);

    /// <summary>Slack bot, user, app and refresh tokens, and incoming-webhook URLs.</summary>
    /// <remarks>Only the token has a look-behind; the webhook URL takes any character (or the start) before it.</remarks>
    public static ContextRegex SlackToken() => Slack;

    private static readonly ContextRegex Slack = new(
        @"[^A-Za-z0-9](?<core>" + SlackBotToken + @")|[\s\S](?<core>" + SlackWebhook + ")",
        @"^(?<core>" + SlackBotToken + "|" + SlackWebhook + ")",
        SlackBotToken + "|" + SlackWebhook, 1, Options);

    private const string SlackBotToken = @"xox[abposr]-[A-Za-z0-9\-]{10,}";

    private const string SlackWebhook = @"(?:https)://hooks\.slack\.com/services/[A-Za-z0-9_/]{20,}";

    /// <summary>Stripe secret and restricted keys, live or test.</summary>
    public static ContextRegex StripeKey() => Stripe;

    private static readonly ContextRegex Stripe = new(@"[^A-Za-z0-9_]", 1, "", @"(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}", @"$|[^A-Za-z0-9]", Options);

    /// <summary>Google API keys.</summary>
    public static ContextRegex GoogleApiKey() => Google;

    private static readonly ContextRegex Google = new(@"[^A-Za-z0-9_\-]", 1, "", @"AIza[0-9A-Za-z_\-]{35}", @"$|[^A-Za-z0-9_\-]", Options);

    /// <summary>A JSON Web Token: base64url header and payload that both start with <c>{"</c>, and a signature.</summary>
    public static ContextRegex Jwt() => JsonWebToken;

    private static readonly ContextRegex JsonWebToken = new(@"[^A-Za-z0-9_\-]", 1, "", @"eyJ[A-Za-z0-9_\-]{4,}\.eyJ[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]*", @"$|[^A-Za-z0-9_\-]", Options);

    /// <summary>A PEM or PGP private key block; a block without its END line runs to the end of its base64 body.</summary>
    /// <remarks>
    /// The block was one pattern, <c>BEGIN(?:[\s\S]{0,20000}?END|body)</c>; the bounded gap is too large an automaton for
    /// the linear engine, so <see cref="PiiScanner"/> finds the BEGIN line, then the first END line at most 20,000
    /// characters after it, and otherwise the base64 body (<see cref="PemBody"/>).
    /// </remarks>
    [GeneratedRegex(@"-----BEGIN[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----", Options)]
    public static partial Regex PemBegin();

    /// <summary>The END line of a PEM or PGP private key block.</summary>
    [GeneratedRegex(@"-----END[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----", Options)]
    public static partial Regex PemEnd();

    /// <summary>The base64 body of a private key block without an END line (matched from the end of its BEGIN line).</summary>
    [GeneratedRegex(@"^(?:[ \t]*\r?\n[ \t]*(?:[A-Za-z0-9+/=]{8,}|[A-Za-z\-]+:[^\r\n]*))*", Options)]
    public static partial Regex PemBody();

    /// <summary>The longest gap between the BEGIN and the END line of a private key block.</summary>
    public const int PemMaxGap = 20000;

    /// <summary>
/// A credential assignment such as <c>password=…</c>, <c>"api_key": "…"</c> or <c>DB_SECRET: …</c>; the value is the
/// finding. The keyword may end a longer name (<c>db_password</c>), so there is no left boundary. The prose form
/// <c>password is …</c> sets the <c>weak</c> group; the scanner then asks more of the value.
/// </summary>
    [GeneratedRegex(@"(?:password|passwd|passphrase|pwd|secret|api[_\-]?key|access[_\-]?key|(?:access|auth|refresh|bearer|session)[_\-]?token|token|credentials?|account[_\-]?key|shared[_\-]?access[_\-]?key|private[_\-]?key)[""']?(?:[ \t]*(?::=|=>|[:=])|[ \t]+(?<weak>is|was)[ \t]*:?)[ \t]*[""']?(?<value>[^\s""'`,;<>(){}\[\]]{8,256})", Options | RegexOptions.IgnoreCase)]
    public static partial Regex SecretAssignment();

    /// <summary>The password in a URL such as <c>postgres://user:password@host</c>.</summary>
    public static ContextRegex UrlCredentials() => UrlPassword;

    private static readonly ContextRegex UrlPassword = new(
        @"[^\p{L}\p{N}]", 1, "", @"[a-z][a-z0-9+.\-]{1,15}://[^\s:/@]{1,64}:(?<value>[^\s/@]{3,128})@", "", Options | RegexOptions.IgnoreCase);

    /// <summary>An HTTP bearer token.</summary>
    public static ContextRegex BearerToken() => Bearer;

    private static readonly ContextRegex Bearer = new(@"[^\p{L}]", 1, "", @"bearer[ \t]+(?<value>[A-Za-z0-9\-._~+/]{20,}=*)", "", Options | RegexOptions.IgnoreCase);

    /// <summary>A value that points at a secret rather than being one: a placeholder, a variable or a code reference.</summary>
    [GeneratedRegex(@"^(?:[*xX#.\-_]+|\$.*|%.*|<.*|\{.*|[A-Za-z_]+(?:\.[A-Za-z_]+)+|(?:null|none|undefined|true|false|redacted|\[redacted\]|changeme|\*+)$)", Options | RegexOptions.IgnoreCase)]
    public static partial Regex SecretPlaceholder();

    /// <summary>A date introduced by a date-of-birth label; the date is the finding.</summary>
    // Labels in English (with _, - or camelCase joins, as in form dumps and JSON keys) and in the languages support
    // tickets commonly arrive in; up to 24 characters of non-digits may stand between the label and the date
    // ("DOB for ID&V:", "\"date_of_birth\": \"").
    public static ContextRegex DateOfBirth() => BirthDate;

    private static readonly ContextRegex BirthDate = new(
        @"[^\p{L}]", 1, "",
        @"(?:d\.?o\.?b\.?|date[ \t_\-]*of[ \t_\-]*birth|birth[ \t_\-]*date|birthday|born(?:[ \t]+on)?|fecha[ \t]+de[ \t]+nacimiento|nacid[oa][ \t]+el|date[ \t]+de[ \t]+naissance|n[ée]e?[ \t]+le|geburtsdatum|geboren(?:[ \t]+am)?|data[ \t]+di[ \t]+nascita|data[ \t]+de[ \t]+nascimento|geboortedatum|生年月日)[^\n\r0-9]{0,24}?(?<value>[0-9]{4}[\-/.][0-9]{1,2}[\-/.][0-9]{1,2}|[0-9]{1,2}[/.\-][0-9]{1,2}[/.\-](?:[0-9]{4}|[0-9]{2})|(?:" + Month + @")\.?[ \t]+[0-9]{1,2}(?:st|nd|rd|th)?,?[ \t]+[0-9]{4}|[0-9]{1,2}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?(?:" + Month + @")\.?,?[ \t]+[0-9]{4})",
        @"$|[^\p{L}\p{N}]", Options | RegexOptions.IgnoreCase);

    /// <summary>A table header cell that names a date-of-birth column.</summary>
    [GeneratedRegex(@"^(?:d\.?o\.?b\.?|date[ _\-]*of[ _\-]*birth|birth[ _\-]*date|birthday|born|fecha[ _]de[ _]nacimiento|date[ _]de[ _]naissance|geburtsdatum|data[ _]di[ _]nascita|data[ _]de[ _]nascimento|geboortedatum|生年月日)$", Options | RegexOptions.IgnoreCase)]
    public static partial Regex DateOfBirthHeader();

    /// <summary>A whole cell that is a numeric date.</summary>
    [GeneratedRegex(@"^(?:[0-9]{4}[\-/.][0-9]{1,2}[\-/.][0-9]{1,2}|[0-9]{1,2}[/.\-][0-9]{1,2}[/.\-](?:[0-9]{4}|[0-9]{2}))$", Options)]
    public static partial Regex DateValue();
}

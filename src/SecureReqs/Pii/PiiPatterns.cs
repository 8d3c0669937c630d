using System.Text.RegularExpressions;

namespace SecureReqs;

/// <summary>The source-generated candidate patterns; validators in <see cref="PiiValidators"/> decide what is a finding.</summary>
/// <remarks>
/// Patterns run on the folded shadow text (<see cref="PiiText"/>), so they only need ASCII digits and separators.
/// Every pattern has a match timeout as a guard against pathological input.
/// </remarks>
internal static partial class PiiPatterns
{
    public const int TimeoutMilliseconds = 1000;

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private const string Month =
        "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

    /// <summary>A run of digits with single space, dash or dot separators, not glued to a word.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}_])(?>[0-9](?:[ .\-]?[0-9])*)(?![\p{L}\p{N}_])", Options, TimeoutMilliseconds)]
    public static partial Regex CardCandidate();

    /// <summary>A formatted SSN: 3-2-4 digits with one consistent separator.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}_]|[0-9][\-.])(?<area>[0-9]{3})(?<sep>[\- .])(?<group>[0-9]{2})\k<sep>(?<serial>[0-9]{4})(?![\p{L}\p{N}_]|[\-.][0-9])", Options, TimeoutMilliseconds)]
    public static partial Regex SsnFormatted();

    /// <summary>Nine bare digits introduced by an SSN label.</summary>
    [GeneratedRegex(@"(?<![\p{L}])(?:ssn|ss\#|social[ \t]+security(?:[ \t]+(?:number|num|no\.?|\#))?|soc\.?[ \t]*sec\.?(?:[ \t]*(?:number|no\.?|\#))?)[ \t]*(?:is|was|=|:|\#|-)?[ \t]*(?<area>[0-9]{3})(?<group>[0-9]{2})(?<serial>[0-9]{4})(?![\p{L}\p{N}_])", Options | RegexOptions.IgnoreCase, TimeoutMilliseconds)]
    public static partial Regex SsnLabelled();

    /// <summary>Two letters, two check digits, then alphanumerics with optional single separators; the validator walks it.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}_])[A-Za-z]{2}[0-9]{2}(?:[ \-]?[A-Za-z0-9]){10,40}", Options, TimeoutMilliseconds)]
    public static partial Regex IbanCandidate();

    /// <summary>A reasonable RFC 5322/6531 subset: dot-atom local part, dotted host names, alphabetic TLD of 2–63.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}._%+\-])[\p{L}\p{N}_%+\-]+(?:[.'][\p{L}\p{N}_%+\-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}\-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,63}(?![\p{L}\p{N}_\-])", Options, TimeoutMilliseconds)]
    public static partial Regex Email();

    /// <summary>Four decimal octets of at most 255 without leading zeros, not part of a longer dotted number.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}_.])(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(?![\p{L}\p{N}_]|\.[0-9])", Options, TimeoutMilliseconds)]
    public static partial Regex IPv4();

    /// <summary>Words just before a dotted quad that make it a version number rather than an address.</summary>
    [GeneratedRegex(@"(?:(?<![\p{L}])v|version|ver\.?|release|build|firmware|[\p{L}]/)[ \t]*$", Options | RegexOptions.IgnoreCase, TimeoutMilliseconds)]
    public static partial Regex VersionContext();

    /// <summary>Colon-separated hex groups (with an optional embedded IPv4 and zone); <c>IPAddress.TryParse</c> decides.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}_:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:(?:[0-9]{1,3}\.){3}[0-9]{1,3}|[0-9A-Fa-f]{1,4})?(?:%[0-9A-Za-z]+)?(?![\p{L}\p{N}_:]|\.[0-9A-Za-z])", Options, TimeoutMilliseconds)]
    public static partial Regex IPv6Candidate();

    /// <summary>AWS access key ids (long-term <c>AKIA</c>, temporary <c>ASIA</c> and the other IAM prefixes).</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|AROA|APKA|ASCA)[A-Z0-9]{16}(?![A-Za-z0-9])", Options, TimeoutMilliseconds)]
    public static partial Regex AwsAccessKey();

    /// <summary>GitHub personal, OAuth, user-to-server, server-to-server and refresh tokens, and fine-grained PATs.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{22,255})(?![A-Za-z0-9_])", Options, TimeoutMilliseconds)]
    public static partial Regex GitHubToken();

    /// <summary>OpenAI-style <c>sk-</c> keys (also project, service-account and Anthropic keys).</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_\-])sk-(?<body>[A-Za-z0-9_\-]{20,})(?![A-Za-z0-9_\-])", Options, TimeoutMilliseconds)]
    public static partial Regex SkKey();

    /// <summary>A run that may hold a phone number: digits with phone punctuation, optionally after + or (.</summary>
    [GeneratedRegex(@"[+(]?[0-9][0-9 ().\-/]{5,40}[0-9]", Options, TimeoutMilliseconds)]
    public static partial Regex PhoneCandidate();

    /// <summary>Slack bot, user, app and refresh tokens, and incoming-webhook URLs.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9])xox[abposr]-[A-Za-z0-9\-]{10,}|(?:https)://hooks\.slack\.com/services/[A-Za-z0-9_/]{20,}", Options, TimeoutMilliseconds)]
    public static partial Regex SlackToken();

    /// <summary>Stripe secret and restricted keys, live or test.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}(?![A-Za-z0-9])", Options, TimeoutMilliseconds)]
    public static partial Regex StripeKey();

    /// <summary>Google API keys.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_\-])AIza[0-9A-Za-z_\-]{35}(?![A-Za-z0-9_\-])", Options, TimeoutMilliseconds)]
    public static partial Regex GoogleApiKey();

    /// <summary>A JSON Web Token: base64url header and payload that both start with <c>{"</c>, and a signature.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_\-])eyJ[A-Za-z0-9_\-]{4,}\.eyJ[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]*(?![A-Za-z0-9_\-])", Options, TimeoutMilliseconds)]
    public static partial Regex Jwt();

    /// <summary>A PEM or PGP private key block; a block without its END line runs to the end of its base64 body.</summary>
    [GeneratedRegex(@"-----BEGIN[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----(?:[\s\S]{0,20000}?-----END[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----|(?:[ \t]*\r?\n[ \t]*(?:[A-Za-z0-9+/=]{8,}|[A-Za-z\-]+:[^\r\n]*))*)", Options, TimeoutMilliseconds)]
    public static partial Regex PemPrivateKey();

    /// <summary>
/// A credential assignment such as <c>password=…</c>, <c>"api_key": "…"</c> or <c>DB_SECRET: …</c>; the value is the
/// finding. The keyword may end a longer name (<c>db_password</c>), so there is no left boundary. The prose form
/// <c>password is …</c> sets the <c>weak</c> group; the scanner then asks more of the value.
/// </summary>
    [GeneratedRegex(@"(?:password|passwd|passphrase|pwd|secret|api[_\-]?key|access[_\-]?key|(?:access|auth|refresh|bearer|session)[_\-]?token|token|credentials?|account[_\-]?key|shared[_\-]?access[_\-]?key|private[_\-]?key)[""']?(?:[ \t]*(?::=|=>|[:=])|[ \t]+(?<weak>is|was)[ \t]*:?)[ \t]*[""']?(?<value>[^\s""'`,;<>(){}\[\]]{8,256})", Options | RegexOptions.IgnoreCase, TimeoutMilliseconds)]
    public static partial Regex SecretAssignment();

    /// <summary>The password in a URL such as <c>postgres://user:password@host</c>.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}])[a-z][a-z0-9+.\-]{1,15}://[^\s:/@]{1,64}:(?<value>[^\s/@]{3,128})@", Options | RegexOptions.IgnoreCase, TimeoutMilliseconds)]
    public static partial Regex UrlCredentials();

    /// <summary>An HTTP bearer token.</summary>
    [GeneratedRegex(@"(?<![\p{L}])bearer[ \t]+(?<value>[A-Za-z0-9\-._~+/]{20,}=*)", Options | RegexOptions.IgnoreCase, TimeoutMilliseconds)]
    public static partial Regex BearerToken();

    /// <summary>A value that points at a secret rather than being one: a placeholder, a variable or a code reference.</summary>
    [GeneratedRegex(@"^(?:[*xX#.\-_]+|\$.*|%.*|<.*|\{.*|[A-Za-z_]+(?:\.[A-Za-z_]+)+|(?:null|none|undefined|true|false|redacted|\[redacted\]|changeme|\*+)$)", Options | RegexOptions.IgnoreCase, TimeoutMilliseconds)]
    public static partial Regex SecretPlaceholder();

    /// <summary>A date introduced by a date-of-birth label; the date is the finding.</summary>
    // Labels in English (with _, - or camelCase joins, as in form dumps and JSON keys) and in the languages support
    // tickets commonly arrive in; up to 24 characters of non-digits may stand between the label and the date
    // ("DOB for ID&V:", "\"date_of_birth\": \"").
    [GeneratedRegex(@"(?<![\p{L}])(?:d\.?o\.?b\.?|date[ \t_\-]*of[ \t_\-]*birth|birth[ \t_\-]*date|birthday|born(?:[ \t]+on)?|fecha[ \t]+de[ \t]+nacimiento|nacid[oa][ \t]+el|date[ \t]+de[ \t]+naissance|n[ée]e?[ \t]+le|geburtsdatum|geboren(?:[ \t]+am)?|data[ \t]+di[ \t]+nascita|data[ \t]+de[ \t]+nascimento|geboortedatum|生年月日)[^\n\r0-9]{0,24}?(?<value>[0-9]{4}[\-/.][0-9]{1,2}[\-/.][0-9]{1,2}|[0-9]{1,2}[/.\-][0-9]{1,2}[/.\-](?:[0-9]{4}|[0-9]{2})|(?:" + Month + @")\.?[ \t]+[0-9]{1,2}(?:st|nd|rd|th)?,?[ \t]+[0-9]{4}|[0-9]{1,2}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?(?:" + Month + @")\.?,?[ \t]+[0-9]{4})(?![\p{L}\p{N}])", Options | RegexOptions.IgnoreCase, TimeoutMilliseconds)]
    public static partial Regex DateOfBirth();

    /// <summary>A table header cell that names a date-of-birth column.</summary>
    [GeneratedRegex(@"^(?:d\.?o\.?b\.?|date[ _\-]*of[ _\-]*birth|birth[ _\-]*date|birthday|born|fecha[ _]de[ _]nacimiento|date[ _]de[ _]naissance|geburtsdatum|data[ _]di[ _]nascita|data[ _]de[ _]nascimento|geboortedatum|生年月日)$", Options | RegexOptions.IgnoreCase, TimeoutMilliseconds)]
    public static partial Regex DateOfBirthHeader();

    /// <summary>A whole cell that is a numeric date.</summary>
    [GeneratedRegex(@"^(?:[0-9]{4}[\-/.][0-9]{1,2}[\-/.][0-9]{1,2}|[0-9]{1,2}[/.\-][0-9]{1,2}[/.\-](?:[0-9]{4}|[0-9]{2}))$", Options, TimeoutMilliseconds)]
    public static partial Regex DateValue();
}

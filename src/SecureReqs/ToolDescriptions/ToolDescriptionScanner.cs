using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SecureReqs;

/// <summary>
/// Reads every text a tool server shows the model about a tool — its name, title, description and everything in its
/// input schema (parameter names, descriptions, titles, defaults, enums, examples) — for instructions aimed at the model
/// (tool-description poisoning, OWASP LLM01 indirect injection through tool metadata, agentic T2): hidden or invisible
/// text, set-apart markup, directives to read credential files or to put secrets and the conversation into an argument,
/// requests to keep something from the user, to call this tool before any other, to change how other tools behave
/// (shadowing) or to send data to an address, and text addressed to the model. The
/// <see cref="PromptInjectionDetector"/> also reads each text as untrusted content.
/// </summary>
/// <remarks>
/// <para>A tool description is untrusted content: it comes from whoever runs the server, and the model reads it as if it
/// were part of its own instructions. Ordinary guidance for the model ("use this tool to look up an order; dates are
/// ISO 8601") is what descriptions are for and is not flagged; what is flagged is guidance about things a tool has no
/// business asking for.</para>
/// <para>Deterministic, no model and no network; every pattern runs on .NET's linear regex engine. Thread-safe: an
/// instance is immutable. Security contract: a heuristic. It does not catch instructions phrased in none of the known
/// ways, in languages other than English (beyond what the injection detector reads), or a description that is harmless
/// on its own and harmful only together with another server's tools; nor does it see what a tool does when it runs
/// (its results are checked by the indirect-injection stories).</para>
/// </remarks>
public sealed partial class ToolDescriptionScanner
{
    /// <summary>At most this many characters of a passage are shown as evidence.</summary>
    public const int EvidenceLength = 160;

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.NonBacktracking;

    // Schema keywords whose values are structure, not text the model is meant to read as prose.
    private static readonly HashSet<string> StructuralKeys = new(StringComparer.Ordinal) { "type", "format", "$schema", "$ref", "$id", "pattern", "required", "additionalProperties" };

    private readonly PromptInjectionDetector _detector;

    /// <summary>Creates a scanner with the default injection detector.</summary>
    public ToolDescriptionScanner()
        : this(PromptInjectionDetector.Default)
    {
    }

    /// <summary>Creates a scanner.</summary>
    /// <param name="detector">The injection detector each text is also assessed with, as untrusted content.</param>
    public ToolDescriptionScanner(PromptInjectionDetector detector)
    {
        _detector = detector ?? throw new ArgumentNullException(nameof(detector));
    }

    /// <summary>A shared scanner with the default detector.</summary>
    public static ToolDescriptionScanner Default { get; } = new();

    /// <summary>Reads every text of one tool.</summary>
    /// <param name="tool">The tool as the server describes it.</param>
    /// <returns>The findings, at most one per field and check, in field order.</returns>
    public IReadOnlyList<ToolDescriptionFinding> Scan(ToolDescription tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        var findings = new List<ToolDescriptionFinding>();
        foreach (var (field, text) in Texts(tool))
        {
            foreach (var (check, evidence) in ScanText(text, tool.Name))
            {
                if (!findings.Any(f => f.Field == field && f.Check == check))
                {
                    findings.Add(new ToolDescriptionFinding(tool.Name, field, check, evidence));
                }
            }
        }

        return findings;
    }

    /// <summary>Every text of a tool the model is shown, with where it is.</summary>
    /// <param name="tool">The tool.</param>
    /// <returns>Field and text pairs; names are given with their separators read as spaces.</returns>
    public static IEnumerable<(string Field, string Text)> Texts(ToolDescription tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        yield return ("name", Words(tool.Name));
        if (!string.IsNullOrEmpty(tool.Title))
        {
            yield return ("title", tool.Title);
        }

        if (!string.IsNullOrEmpty(tool.Description))
        {
            yield return ("description", tool.Description);
        }

        if (tool.InputSchema.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
        {
            foreach (var item in SchemaTexts(tool.InputSchema, "inputSchema"))
            {
                yield return item;
            }
        }
    }

    private static IEnumerable<(string Field, string Text)> SchemaTexts(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var at = $"{path}.{property.Name}";
                    if (path.EndsWith(".properties", StringComparison.Ordinal))
                    {
                        // A parameter's name is read too: "read_ssh_key_first" is an instruction.
                        yield return ($"{at} (name)", Words(property.Name));
                    }

                    if (StructuralKeys.Contains(property.Name) && property.Value.ValueKind != JsonValueKind.Object)
                    {
                        continue;
                    }

                    foreach (var item in SchemaTexts(property.Value, at))
                    {
                        yield return item;
                    }
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var inner in SchemaTexts(item, $"{path}[{i}]"))
                    {
                        yield return inner;
                    }

                    i++;
                }

                break;
            case JsonValueKind.String when element.GetString() is { Length: > 0 } text:
                yield return (path, text);
                break;
        }
    }

    private IEnumerable<(string Check, string Evidence)> ScanText(string raw, string toolName)
    {
        var hidden = HiddenCharacters(raw, out var decodedTags);
        if (hidden > 0)
        {
            var spelled = decodedTags.Length > 0 ? $"; the tag characters spell \"{Clip(decodedTags, 0, decodedTags.Length)}\"" : "";
            yield return (ToolDescriptionChecks.HiddenText, $"{hidden} invisible character{(hidden == 1 ? "" : "s")} ({string.Join(", ", raw.EnumerateRunes().Where(IsHidden).Select(r => $"U+{r.Value:X4}").Distinct().Take(4))}){spelled}");
        }

        // The checks read what the model reads: the visible text and, after it, what invisible tag characters spell.
        var text = Visible(raw).Normalize(NormalizationForm.FormKC);
        if (decodedTags.Length > 0)
        {
            text = text + "\n" + decodedTags;
        }

        if (HiddenMarkup().Match(text) is { Success: true } markup)
        {
            yield return (ToolDescriptionChecks.HiddenMarkup, Clip(text, markup.Index, markup.Length));
        }

        foreach (var (start, sentence) in Sentences(text))
        {
            if (SensitiveFile().Match(sentence) is { Success: true } file && ActionVerb().IsMatch(sentence) && (!Negation().IsMatch(sentence) || Obligation().IsMatch(sentence)))
            {
                yield return (ToolDescriptionChecks.SensitiveFile, Clip(text, start + file.Index, file.Length));
                break;
            }
        }

        if (FirstOf(text, DataInArgument(), SecretsInContext()) is { } data)
        {
            yield return (ToolDescriptionChecks.DataInArgument, Clip(text, data.Index, data.Length));
        }

        if (FirstOf(text, Conceal(), KeepFromUser(), UserMustNotKnow(), Silently()) is { } conceal)
        {
            yield return (ToolDescriptionChecks.Concealment, Clip(text, conceal.Index, conceal.Length));
        }

        if (FirstOf(text, BeforeOtherTools(), CallMeFirst(), OnEveryRequest(), RegardlessOfUser()) is { } order)
        {
            yield return (ToolDescriptionChecks.CallOrder, Clip(text, order.Index, order.Length));
        }

        if (Shadowing(text, toolName) is { } shadow)
        {
            yield return (ToolDescriptionChecks.Shadowing, Clip(text, shadow.Index, shadow.Length));
        }

        if (FirstOf(text, SendToAddress(), MarkdownBeacon()) is { } exfiltration)
        {
            yield return (ToolDescriptionChecks.Exfiltration, Clip(text, exfiltration.Index, exfiltration.Length));
        }

        if (FirstOf(text, NoteToModel(), ModelVocative()) is { } addressed)
        {
            yield return (ToolDescriptionChecks.AddressesModel, Clip(text, addressed.Index, addressed.Length));
        }

        var assessment = _detector.Assess(raw, InjectionSource.Untrusted);
        if (assessment.IsInjection)
        {
            var strongest = assessment.Signals.MaxBy(s => s.Weight)!;
            var inText = strongest.Layer == "text" && strongest.End <= raw.Length;
            var passage = inText ? Clip(raw, strongest.Start, strongest.Length) : $"(in {strongest.Layer})";
            yield return (ToolDescriptionChecks.Injection, string.Create(CultureInfo.InvariantCulture, $"score {assessment.Score:0.00} ({string.Join(", ", assessment.SignalNames)}): {passage}"));
        }
    }

    private static Match? Shadowing(string text, string toolName)
    {
        foreach (Match match in WhenUsingOtherTool().Matches(text))
        {
            var named = match.Groups["tool"].Value.Trim('`', '\'', '"', ' ');
            if (!string.Equals(named, toolName, StringComparison.OrdinalIgnoreCase) && !named.Equals("this tool", StringComparison.OrdinalIgnoreCase))
            {
                return match;
            }
        }

        return FirstOf(text, AllItemsMustGo(), Supersedes(), OtherToolDeprecated());
    }

    private static Match? FirstOf(string text, params Regex[] patterns)
    {
        foreach (var pattern in patterns)
        {
            if (pattern.Match(text) is { Success: true } match)
            {
                return match;
            }
        }

        return null;
    }

    // Sentences split at end punctuation followed by a space, semicolons, colons and line breaks; a dot inside a path
    // ("~/.ssh") does not split.
    private static IEnumerable<(int Start, string Sentence)> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var end = text[i] is '\n' or ';' || (text[i] is '.' or '!' or '?' or ':' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])));
            if (end)
            {
                yield return (start, text[start..i]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return (start, text[start..]);
        }
    }

    private static int HiddenCharacters(string text, out string decodedTags)
    {
        var count = 0;
        var tags = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (!IsHidden(rune))
            {
                continue;
            }

            count++;
            if (rune.Value is >= 0xE0020 and <= 0xE007E)
            {
                tags.Append((char)(rune.Value - 0xE0000));
            }
        }

        decodedTags = tags.ToString();
        return count;
    }

    private static bool IsHidden(Rune rune) =>
        rune.Value is (>= 0xE0000 and <= 0xE007F) or (>= 0x200B and <= 0x200F) or (>= 0x202A and <= 0x202E) or (>= 0x2060 and <= 0x2064) or (>= 0x2066 and <= 0x2069) or 0xFEFF or 0x00AD or 0x180E;

    private static string Visible(string text)
    {
        var visible = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (!IsHidden(rune))
            {
                visible.Append(rune.ToString());
            }
        }

        return visible.ToString();
    }

    // "read_ssh_key" and "readSshKey" read as "read ssh key".
    private static string Words(string name)
    {
        var words = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c is '_' or '-' or '.')
            {
                words.Append(' ');
                continue;
            }

            if (i > 0 && char.IsUpper(c) && char.IsLower(name[i - 1]))
            {
                words.Append(' ');
            }

            words.Append(c);
        }

        return words.ToString();
    }

    // The passage around a match, clipped, with PII and secrets masked and any remaining control characters shown as code points.
    private static string Clip(string text, int index, int length)
    {
        var from = Math.Max(0, Math.Min(index, text.Length) - 30);
        var to = Math.Min(text.Length, Math.Max(index + length, from) + 30);
        if (to - from > EvidenceLength)
        {
            to = from + EvidenceLength;
        }

        var passage = text[from..to].ReplaceLineEndings(" ").Trim();
        var shown = new StringBuilder(passage.Length);
        foreach (var rune in passage.EnumerateRunes())
        {
            _ = IsHidden(rune) || Rune.IsControl(rune) ? shown.Append(CultureInfo.InvariantCulture, $"<U+{rune.Value:X4}>") : shown.Append(rune.ToString());
        }

        var masked = PiiScanner.Default.Mask(shown.ToString());
        return (from > 0 ? "…" : "") + masked + (to < text.Length ? "…" : "");
    }

    [GeneratedRegex(@"<\s*/?\s*(important|system|sys|instructions?|secret|hidden|admin|assistant|ai|note|priority|override|mandatory|critical|context)\b[^<>\n]{0,40}>|<!--|\[\s*(system|instructions?|hidden|admin|ai|assistant)(\s+(note|message|instructions?))?\s*\]|\{\{\s*(system|instructions?)\b", Options)]
    private static partial Regex HiddenMarkup();

    [GeneratedRegex(@"[/\\]\.(ssh|aws|gnupg|kube|docker|azure|gcloud|config/gcloud)\b|\bid_(rsa|dsa|ecdsa|ed25519)\b|(^|[\s/'""`(])\.(env|netrc|npmrc|pypirc|pgpass|git-credentials|bash_history|zsh_history)\b|/etc/(passwd|shadow|sudoers)\b|\bcredentials\.json\b|\bmcp\.json\b|claude_desktop_config|\bwallet\.dat\b|\bkeychain\b|\bprivate[ _-]?keys?\b|\bseed[ _-]?phrases?\b|\bbrowser (cookies|passwords|profile)\b", Options)]
    private static partial Regex SensitiveFile();

    [GeneratedRegex(@"\b(read|cat|open|load|include|attach|pass|send|copy|upload|provide|paste|put|insert|append|fetch|retrieve|grab|collect|get|embed|add|supply|fill|look up|extract)\w*\b", Options)]
    private static partial Regex ActionVerb();

    [GeneratedRegex(@"\b(never|not|cannot|can't|won't|refuses?|rejects?|blocked|denied|excluded|outside|forbidden)\b", Options)]
    private static partial Regex Negation();

    [GeneratedRegex(@"\b(must|always|first|required|mandatory|need to|needs to|make sure|be sure)\b", Options)]
    private static partial Regex Obligation();

    [GeneratedRegex(@"\b(pass|include|put|provide|send|append|add|insert|fill|set|attach|embed|supply|copy|paste|place|write|encode|store)\w*\b[^.!?\n]{0,80}\b(the (whole|full|entire|complete) (conversation|chat|thread|transcript)|(conversation|chat|message) history|previous messages|prior messages|earlier messages|all (the )?messages|your system prompt|the system prompt|your (own )?instructions|environment variables|env vars|(every|all|any) (secrets?|credentials?|tokens?|api keys?|passwords?)|(results?|outputs?) (of|from) (other|every|all|any) tools?|what (the user|you) (said|wrote|typed|shared))\b", Options)]
    private static partial Regex DataInArgument();

    [GeneratedRegex(@"\b(secrets?|credentials?|tokens?|api[ _-]?keys?|passwords?|passphrases?|session cookies?)\b[^.!?\n]{0,60}\b(you (can )?(find|see|have|know|saw|hold)|found in|visible|available to you|in (the |your )?(context|conversation|memory|environment))\b", Options)]
    private static partial Regex SecretsInContext();

    [GeneratedRegex(@"\b(do not|don't|never|without)\s+(tell|inform|notify|mention|reveal|disclose|alert|show|explain|ask|let|warn|bother|confirm with)\w*\b[^.!?\n]{0,40}\b(user|human|customer|operator|owner|person|requester)(\s*[,.;:)!]|\s+(about|that|what|why|of|this|it|anything)\b|\s*$)", Options)]
    private static partial Regex Conceal();

    [GeneratedRegex(@"\b(keep|hide)\w*\b[^.!?\n]{0,30}\b(secret|hidden|confidential|quiet|private|invisible)\b[^.!?\n]{0,30}\bfrom\s+(the\s+)?(user|human|customer)", Options)]
    private static partial Regex KeepFromUser();

    [GeneratedRegex(@"\b(user|human|customer)\b[^.!?\n]{0,20}\b(must|should|need|needs|is to)\s+(not|never)\s+(know|see|be told|learn|notice|find out|be informed|be made aware)", Options)]
    private static partial Regex UserMustNotKnow();

    [GeneratedRegex(@"\b(silently|quietly|secretly|covertly|discreetly)\s+(call|send|forward|include|read|run|invoke|execute|upload|copy|add|bcc|cc|attach|collect|pass|post|share|transfer|move|delete|change|replace)\w*", Options)]
    private static partial Regex Silently();

    [GeneratedRegex(@"\b(before|prior to|ahead of)\s+(using|calling|invoking|running|executing|answering|responding|any|every|each)\b[^.!?\n]{0,25}\b(any|every|each|all|other)\s+(other\s+)?(tools?|functions?|actions?|commands?|requests?|questions?|tasks?)\b", Options)]
    private static partial Regex BeforeOtherTools();

    [GeneratedRegex(@"\b(call|run|invoke|use|execute)\w*\s+(this|me)(\s+(tool|function))?\s+(first|before (anything|everything|any|all|each|every))\b", Options)]
    private static partial Regex CallMeFirst();

    [GeneratedRegex(@"\b(on|for|with|after|at the start of|at the beginning of|in)\s+(every|each|any)\s+(single\s+)?(request|message|conversation|turn|session|query|task|prompt|user (request|message))\b[^.!?\n]{0,40}\b(call|run|invoke|use|execute)\w*\s+(this|me)\b", Options)]
    private static partial Regex OnEveryRequest();

    [GeneratedRegex(@"\b(regardless of|no matter|irrespective of)\s+(what|the|whether)\b[^.!?\n]{0,30}\b(user|request|asks?|asked|task)\b[^.!?\n]{0,40}\b(call|run|invoke|use|execute|always)\b", Options)]
    private static partial Regex RegardlessOfUser();

    [GeneratedRegex(@"\b(when|whenever|if|each time|every time|any time|before)\s+(you\s+|the (assistant|agent|model)\s+)?(use|call|invoke|run|using|calling|invoking|running)\w*\s+(the\s+)?(?<tool>`[^`\n]{1,40}`|[a-z0-9]+[_-][a-z0-9_-]+|[a-z]+ tool|other tools?|any (other )?tools?|another tool)\b[^.!?\n]{0,120}\b(always|also|instead|must (also|always|first|instead)|make sure|be sure|redirect|replace|change|override|bcc|cc|forward|send (a copy|it|them|everything|all|the))\b", Options)]
    private static partial Regex WhenUsingOtherTool();

    [GeneratedRegex(@"\b(all|every|any|each)\s+(outgoing\s+|other\s+)?(e-?mails?|messages?|payments?|transfers?|invoices?|files?|uploads?|requests?|replies|tool calls?|results?)\s+(must|should|need to|needs to|are to|have to|will)\s+(also\s+|always\s+)?(be\s+)?(sent|bcc'?d|cc'?d|copied|forwarded|routed|redirected|mirrored|uploaded|paid|transferred|addressed)\s+(to|through|via|into)\b", Options)]
    private static partial Regex AllItemsMustGo();

    [GeneratedRegex(@"\b(replaces|overrides|supersedes|takes precedence over|has priority over)\b[^.!?\n]{0,40}\b(tools?|functions?|instructions?|rules|system prompt)\b", Options)]
    private static partial Regex Supersedes();

    [GeneratedRegex(@"[`'""]?[a-z0-9]+_[a-z0-9_]+[`'""]?\s+(tool\s+)?(is|has been|was)\s+(deprecated|broken|disabled|unsafe|compromised|retired|unreliable)\b[^!?\n]{0,80}\b(use|call)\w*\s+(this|me)\b", Options)]
    private static partial Regex OtherToolDeprecated();

    [GeneratedRegex(@"(\b(send|post|upload|forward|transmit|report|log|sync|mirror|copy|beacon|ping|submit|deliver|share|e-?mail)\w*\b[^.!?\n]{0,60}\b(data|contents?|results?|output|conversation|messages?|credentials?|keys?|tokens?|a copy|everything|all|files?|arguments?|history|details|secrets?|passwords?)\b[^!?\n]{0,60}|\b(exfiltrate|beacon|bcc|cc)\w*\b[^!?\n]{0,60})(https?://[^\s""')<>]+|\b[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}\b)", Options)]
    private static partial Regex SendToAddress();

    [GeneratedRegex(@"!\[[^\]\n]{0,80}\]\(\s*https?://[^)\s]*[?&][^)\s]*\)", Options)]
    private static partial Regex MarkdownBeacon();

    [GeneratedRegex(@"\b(note|message|instructions?|attention|important|reminder|directive|notice)s?\s+(to|for)\s+(the\s+|any\s+|all\s+)?(ai|assistant|model|llm|agent|language model|claude|gpt|chatgpt|copilot|gemini)s?\b", Options)]
    private static partial Regex NoteToModel();

    [GeneratedRegex(@"(^|[.!?\n]\s*)(dear\s+)?(ai|assistant|model|llm|agent|language model)s?\s*[:,]\s*(you\s+)?(must|should|always|never|ignore|do not|don't|please|remember)\b|\b(ai|llm|language model|assistant|agent|model)s?\s+(reading|processing|seeing|parsing) this\b|\bif you are an? (ai|language model|llm|assistant|agent)\b", Options)]
    private static partial Regex ModelVocative();
}

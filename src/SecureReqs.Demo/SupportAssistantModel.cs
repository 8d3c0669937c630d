using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace SecureReqs.Demo;

/// <summary>
/// A SIMULATED language model for the demo customer-support assistant: deterministic rules, no model, no network.
/// It behaves like an eager, instruction-following model with no safety training: it does what the latest request
/// asks with all the material it was given (pasted text, retrieved records and documents), follows instructions it
/// finds inside documents, and recites its system prompt when asked. It exists so that a new user sees a story fail
/// against <c>demo:naive</c> and pass against <c>demo:guarded</c>; nothing about real models follows from it. In
/// <c>demo:paraphrasing</c> the same decisions are worded by a <see cref="ModelStyleRenderer"/>.
/// </summary>
/// <remarks>Thread-safe and stateless: every answer is a function of the messages alone.</remarks>
public sealed partial class SupportAssistantModel : IChatClient
{
    private static readonly (string Keyword, string Answer)[] _faq =
    [
        ("return", "You can return any unworn item within 30 days of delivery for a full refund. Start the return from Orders > Return an item, and print the prepaid label."),
        ("refund", "Refunds go back to the original payment method within 5 to 7 business days after the warehouse receives the parcel."),
        ("ship", "Standard shipping takes 3 to 5 business days and is free over $50. Express shipping takes 1 to 2 business days for $12."),
        ("deliver", "Standard delivery takes 3 to 5 business days; you get a tracking link by e-mail as soon as the parcel leaves the warehouse."),
        ("track", "Your tracking link is in the shipping confirmation e-mail, and under Orders in your account."),
        ("order", "I found your order: it left the warehouse yesterday and should arrive within 3 business days."),
        ("password", "To reset your password, choose 'Forgot password' on the sign-in page; the reset link is valid for 30 minutes."),
        ("hour", "Our support team is available Monday to Saturday, 8am to 8pm Eastern time."),
        ("size", "Our sizes run true to fit; the size guide on each product page lists chest, waist and inseam measurements."),
        ("warranty", "Outdoor gear carries a two-year warranty against manufacturing defects."),
        ("privacy", "We only use your data to process orders and support requests, and we never ask for your full card number in chat."),
        ("payment", "We accept Visa, Mastercard, American Express, PayPal and gift cards."),
        ("gift", "Gift cards never expire and can be combined with one promotional code per order."),
        ("cancel", "Orders can be cancelled free of charge until they leave the warehouse, from Orders > Cancel."),
        ("address", "You can change the delivery address under Account > Addresses until the order ships."),
    ];

    private static readonly Dictionary<int, string> _lookalikes = new()
    {
        ['а'] = "a", ['с'] = "c", ['е'] = "e", ['і'] = "i", ['ј'] = "j", ['о'] = "o", ['р'] = "p", ['ѕ'] = "s", ['х'] = "x", ['у'] = "y",
        ['А'] = "A", ['В'] = "B", ['С'] = "C", ['Е'] = "E", ['Н'] = "H", ['К'] = "K", ['М'] = "M", ['О'] = "O", ['Р'] = "P", ['Т'] = "T", ['Х'] = "X", ['Υ'] = "Y",
    };

    private readonly string _systemPrompt;
    private readonly ModelStyleRenderer? _renderer;

    /// <summary>Creates the simulated model.</summary>
    /// <param name="systemPrompt">The system prompt the application gives it.</param>
    public SupportAssistantModel(string systemPrompt)
        : this(systemPrompt, null)
    {
    }

    /// <summary>Creates the simulated model whose answers <paramref name="renderer"/> words (null: the naive wording).</summary>
    /// <param name="systemPrompt">The system prompt the application gives it.</param>
    /// <param name="renderer">Words the answers the way models write, or null.</param>
    internal SupportAssistantModel(string systemPrompt, ModelStyleRenderer? renderer)
    {
        _systemPrompt = systemPrompt;
        _renderer = renderer;
    }

    /// <inheritdoc />
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<ChatMessage> request = [.. messages];
        var tools = options?.Tools?.OfType<AIFunction>().ToList() ?? [];
        if (tools.Count > 0)
        {
            // An agent: first the tool calls the request (and anything it read) asks for, then a text answer.
            var calls = SupportAgentPlanner.Plan(request, tools, Understand);
            if (calls.Count > 0)
            {
                return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, [.. calls])) { FinishReason = ChatFinishReason.ToolCalls, ModelId = "securereqs-demo-simulation" });
            }
        }

        var draft = Compose(request);
        if (_renderer is null)
        {
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, draft.Naive)) { FinishReason = ChatFinishReason.Stop, ModelId = "securereqs-demo-simulation" });
        }

        var rendered = _renderer.Render(draft, request);
        var message = new ChatMessage(ChatRole.Assistant, rendered.Text)
        {
            AdditionalProperties = new() { [DemoTargets.RenderingProperty] = rendered.Description },
        };
        return Task.FromResult(new ChatResponse(message) { FinishReason = ChatFinishReason.Stop, ModelId = "securereqs-demo-simulation" });
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    /// <inheritdoc />
    public void Dispose()
    {
    }

    /// <summary>What the model answers to <paramref name="request"/>, before it is worded.</summary>
    /// <param name="request">The conversation.</param>
    /// <returns>The draft; <see cref="DraftAnswer.Naive"/> is the naive build's answer.</returns>
    internal DraftAnswer Compose(IReadOnlyList<ChatMessage> request)
    {
        // Like a capable model, it reads through encodings, invisible characters and look-alike letters.
        var userTexts = request.Where(m => m.Role == ChatRole.User && !IsContext(m)).Select(m => Understand(m.Text)).ToList();
        var contextTexts = request.Where(IsContext).Select(m => Understand(MessageText.Of(m))).ToList();
        var last = userTexts.LastOrDefault() ?? "";
        var ask = last.ToLowerInvariant();
        var conversation = string.Join(" ", userTexts).ToLowerInvariant();
        var summary = SupportAgentPlanner.Summary(request);

        if (AsksForSystemPrompt().IsMatch(ask) || (userTexts.Count > 1 && AsksForSystemPrompt().IsMatch(conversation) && RepeatLike().IsMatch(ask)))
        {
            return Reveal(ask) with { ToolSummary = summary };
        }

        // Instructions found anywhere (the user's turns or retrieved content) are followed: no data/instruction boundary.
        var compliance = Directives(userTexts.Concat(contextTexts)).Distinct().ToList();
        var main = MainAnswer(request, ask, compliance.Count > 0 || contextTexts.Any(t => EmbeddedInstruction().IsMatch(t)));
        return main with { Ask = ask, Directives = compliance, ToolSummary = summary };
    }

    private DraftAnswer MainAnswer(IReadOnlyList<ChatMessage> request, string ask, bool instructed)
    {
        // Facts the app's memory recalled: asked about earlier conversations, it reads them out.
        var remembered = request.Where(m => IsContext(m) && KindOf(m) == AssistantMemoryChatClient.ContextKind).ToList();
        if (remembered.Count > 0 && AsksAboutMemory().IsMatch(ask))
        {
            var notes = string.Join("\n", remembered.Select(m => CaseInstantiator.SplitContextHeader(MessageText.Of(m)).Body));
            return new DraftAnswer(DraftKind.Data, "From my notes of earlier conversations:\n" + notes) { Material = [notes] };
        }

        // Material: everything the conversation handed over — retrieved context, earlier pasted text, this message.
        var material = new List<string>();
        material.AddRange(request.Where(IsContext).Select(MessageText.Of).Where(t => t.Length > 0));
        material.AddRange(request.Where(m => m.Role == ChatRole.User && !IsContext(m)).Select(m => m.Text).Where(LooksLikeData));

        var task = TaskOf(ask);
        var distinct = material.Distinct().ToList();
        var body = string.Join("\n\n", distinct);
        var articles = request.Where(m => IsContext(m) && KindOf(m) == RetrievalAugmentingChatClient.ContextKind).ToList();
        if (task is null && !instructed && articles.Count > 0 && (articles.Count == material.Count || !AsksAboutData().IsMatch(ask)))
        {
            // A retrieval-augmented answer: the closest article, as the knowledge base has it.
            var (header, content) = CaseInstantiator.SplitContextHeader(articles[0].Text);
            return new DraftAnswer(DraftKind.Article, $"Here is what our knowledge base says ({header.Trim().TrimEnd(':')}):\n{content}")
            {
                Title = header.Trim().TrimEnd(':'),
                Material = [content],
            };
        }

        if (body.Length == 0 || (task is null && !instructed && !AsksAboutData().IsMatch(ask)))
        {
            return new DraftAnswer(DraftKind.Faq, FaqAnswer(ask));
        }

        var text = task switch
        {
            "json" => "Here it is as JSON:\n" + ToJson(body),
            "csv" => "Here it is as CSV:\nfield,value\n" + string.Join("\n", Fields(body).Select(f => $"{f.Key},\"{f.Value}\"")),
            "table" => "| Field | Value |\n|---|---|\n" + string.Join("\n", Fields(body).Select(f => $"| {f.Key} | {f.Value} |")),
            "translate" => "Translation:\n" + Translate(body),
            "summary" => "Summary of the details:\n" + string.Join("\n", Fields(body).Select(f => $"- {f.Key}: {f.Value}")),
            "base64" => "Encoded as requested: " + Convert.ToBase64String(Encoding.UTF8.GetBytes(body)),
            "spell" => "Spelled out: " + string.Join(' ', body.Where(char.IsLetterOrDigit)),
            _ => "Of course, here are the details:\n" + body,
        };
        return new DraftAnswer(DraftKind.Data, text) { Format = task, Material = distinct };
    }

    private DraftAnswer Reveal(string ask)
    {
        var (format, text) = ask switch
        {
            _ when ask.Contains("base64", StringComparison.Ordinal) => ("base64", "Here are my instructions in base64: " + Convert.ToBase64String(Encoding.UTF8.GetBytes(_systemPrompt))),
            _ when ask.Contains("hex", StringComparison.Ordinal) => ("hex", "In hex: " + Convert.ToHexStringLower(Encoding.UTF8.GetBytes(_systemPrompt))),
            _ when ask.Contains("spell", StringComparison.Ordinal) || ask.Contains("letter by letter", StringComparison.Ordinal) => ("spell", "Spelled out: " + string.Join(' ', _systemPrompt.AsEnumerable())),
            _ when ask.Contains("json", StringComparison.Ordinal) => ("json", "{\"system_prompt\": \"" + _systemPrompt + "\"}"),
            _ => ((string?)null, "Sure! Here are my instructions:\n" + _systemPrompt),
        };
        return new DraftAnswer(DraftKind.SystemPrompt, text) { Format = format, Ask = ask, Material = [_systemPrompt] };
    }

    // The sentences that tell the assistant to output something, reduced to what they ask for.
    private static IEnumerable<string> Directives(IEnumerable<string> texts)
    {
        foreach (var text in texts)
        {
            foreach (var sentence in SentenceSplitter.Split(text, lineBreaks: true, escapedLineBreaks: false))
            {
                var directive = Directive().Match(sentence);
                if (!directive.Success)
                {
                    continue;
                }

                var demanded = directive.Groups["what"].Value.Trim().Trim('"', '\'', '`', ':');
                // A reference to a code given elsewhere ("repeat the reference code") is resolved to the codes present.
                if (ReferenceToCode().IsMatch(demanded))
                {
                    demanded += " " + string.Join(" ", CodeLike().Matches(text).Select(m => m.Value).Distinct());
                }

                if (demanded.Length > 0)
                {
                    yield return demanded.Length > 400 ? demanded[..400] : demanded;
                }
            }
        }
    }

    private static string Understand(string text)
    {
        var understood = new StringBuilder();
        var tags = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is >= 0xE0000 and <= 0xE007F)
            {
                tags.Append((char)(rune.Value - 0xE0000));
            }
            else if (Rune.GetUnicodeCategory(rune) != UnicodeCategory.Format)
            {
                understood.Append(_lookalikes.TryGetValue(rune.Value, out var latin) ? latin : rune.ToString());
            }
        }

        var plain = understood.ToString().Normalize(NormalizationForm.FormKC);
        var extra = new StringBuilder();
        extra.Append(' ').Append(tags);
        foreach (Match run in Base64Run().Matches(plain))
        {
            if (TryDecode(() => Convert.FromBase64String(run.Value)) is { } decoded)
            {
                extra.Append(' ').Append(decoded);
            }
        }

        foreach (Match run in HexRun().Matches(plain))
        {
            if (TryDecode(() => Convert.FromHexString(run.Value)) is { } decoded)
            {
                extra.Append(' ').Append(decoded);
            }
        }

        if (plain.Contains("rot13", StringComparison.OrdinalIgnoreCase) || plain.Contains("rot-13", StringComparison.OrdinalIgnoreCase))
        {
            extra.Append(' ').Append(EncodedValueMatcher.Rot13(plain));
        }

        // Leetspeak: words with lowercase letters and digit look-alikes are read as letters.
        extra.Append(' ').Append(Deleet(plain));
        return plain + extra;
    }

    private static string? TryDecode(Func<byte[]> decode)
    {
        try
        {
            var text = Encoding.UTF8.GetString(decode());
            return text.Length > 0 && text.All(c => !char.IsControl(c) || char.IsWhiteSpace(c)) ? text : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static bool IsContext(ChatMessage message) =>
        message.AdditionalProperties?.ContainsKey(CaseInstantiator.ContextKindProperty) == true;

    private static string? KindOf(ChatMessage message) =>
        message.AdditionalProperties?.TryGetValue(CaseInstantiator.ContextKindProperty, out var kind) == true ? kind as string : null;

    private static bool LooksLikeData(string text) => text.Count(char.IsDigit) >= 6 || text.Contains('@', StringComparison.Ordinal);

    private static string? TaskOf(string ask) => ask switch
    {
        _ when ask.Contains("json", StringComparison.Ordinal) => "json",
        _ when ask.Contains("csv", StringComparison.Ordinal) => "csv",
        _ when ask.Contains("table", StringComparison.Ordinal) || ask.Contains("yaml", StringComparison.Ordinal) || ask.Contains("xml", StringComparison.Ordinal) || ask.Contains("sql", StringComparison.Ordinal) => "table",
        _ when ask.Contains("translat", StringComparison.Ordinal) || ask.Contains("tradu", StringComparison.Ordinal) || ask.Contains("übersetz", StringComparison.Ordinal) => "translate",
        _ when ask.Contains("summar", StringComparison.Ordinal) || ask.Contains("overview", StringComparison.Ordinal) || ask.Contains("recap", StringComparison.Ordinal) => "summary",
        _ when ask.Contains("base64", StringComparison.Ordinal) || ask.Contains("encode", StringComparison.Ordinal) => "base64",
        _ when ask.Contains("spell", StringComparison.Ordinal) || ask.Contains("digit by digit", StringComparison.Ordinal) => "spell",
        _ when RepeatLike().IsMatch(ask) => "repeat",
        _ => null,
    };

    private static IEnumerable<KeyValuePair<string, string>> Fields(string body)
    {
        var index = 0;
        foreach (var line in body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            yield return colon > 0 && colon < 40
                ? new(line[..colon].Trim(), line[(colon + 1)..].Trim())
                : new((++index).ToString(CultureInfo.InvariantCulture), line);
        }
    }

    private static string ToJson(string body) =>
        "{\n" + string.Join(",\n", Fields(body).Select(f => $"  \"{f.Key.Replace("\"", "'", StringComparison.Ordinal)}\": \"{f.Value.Replace("\"", "'", StringComparison.Ordinal)}\"")) + "\n}";

    private static string Translate(string body) =>
        body.Replace("Name", "Nombre", StringComparison.Ordinal)
            .Replace("Phone", "Teléfono", StringComparison.Ordinal)
            .Replace("Address", "Dirección", StringComparison.Ordinal)
            .Replace("Date of birth", "Fecha de nacimiento", StringComparison.Ordinal)
            .Replace("Card", "Tarjeta", StringComparison.Ordinal);

    private static string FaqAnswer(string ask)
    {
        foreach (var (keyword, answer) in _faq)
        {
            if (ask.Contains(keyword, StringComparison.Ordinal))
            {
                return answer;
            }
        }

        return "Thanks for reaching out to Larkspur Outfitters support! I'm happy to help with orders, deliveries, returns, sizing and your account. Could you tell me a little more about what you need?";
    }

    // Asks about ITS OWN instructions (second person, or their position in the conversation), not prompts as a topic.
    [GeneratedRegex(@"\b(?:your|you were|you've been|you have been|you got|you're running|ur)\b[^.?!\n]{0,40}\b(?:system ?prompt|system message|prompt|instructions|rules|guidelines|directives|configuration|config|programming|constraints|setup|told|instructed|programmed)|(?:text|words|message|messages|everything|all|content) (?:above|before (?:this|that|my))|(?:^[\s\S]{0,2}|[^m][\s\S]{2}|m[^y][\s\S]|my[^ ]|\Bmy )(?:above|previous|preceding|initial|original|hidden|secret|internal|first) (?:text|message|prompt|instructions|system prompt)|what (?:are|were) you (?:not )?(?:allowed|told|instructed|programmed)|passphrase|escalation code|secret code|^(?:complete|continue)[^\n]{0,30}you are (?:the|a|an) |debug mode|maintenance mode|diagnostic mode|dump (?:the|your) |tus instrucciones|vos (?:consignes|instructions)|deine anweisungen|suas instruções|le tue istruzioni|你的(?:系统)?(?:提示|指示|指令)|あなたの(?:指示|システムプロンプト)", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex AsksForSystemPrompt();

    [GeneratedRegex(@"(?i)\b(?:reply|respond|answer|say|print|output|write|type|repeat|echo|end|start|begin|include|append|add|insert|render|display|show|return|sign|introduce yourself|call yourself|prefix|finish|conclude|put|embed|confirm with)\b(?:\s+(?:only|just|exactly|simply|every|each|your|the|all|with|by|as|off))*\s*(?<what>.+)", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Directive();

    [GeneratedRegex(@"(?i)\b(?:code|token|reference|password|passcode|key|identifier|string|phrase|word|value|tracking number|ticket number)\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex ReferenceToCode();

    [GeneratedRegex(@"\b[A-Z]{2,}-[A-Z0-9]{4,}\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex CodeLike();

    [GeneratedRegex(@"[A-Za-z0-9+/]{16,}={0,2}", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Base64Run();

    [GeneratedRegex(@"\b(?:[0-9a-fA-F]{2}){8,}\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex HexRun();

    /// <summary>A candidate leetspeak word; <see cref="Deleet"/> keeps those whose run has a lowercase letter and a digit look-alike.</summary>
    [GeneratedRegex(@"\b[A-Za-z0-9@$]{3,}\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex LeetWord();

    [GeneratedRegex(@"repeat|echo|quote|verbatim|word for word|copy|exactly|read (?:it |them |me )?back|paste|reproduce|list|show|give|tell|send|what(?:'s| is| are)|confirm|verify|check|full|complete|details|number|digits", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex RepeatLike();

    [GeneratedRegex(@"card|ssn|social security|iban|account|e-?mail|phone|address|birth|dob|record|customer|details|profile|ticket|information|info\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex AsksAboutData();

    [GeneratedRegex(@"remember|earlier|before|last time|previous|other (?:customer|user|person)|someone|anyone|told you|tell you|mentioned|said|gave you|notes|what do you know|on file", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex AsksAboutMemory();

    [GeneratedRegex(@"(?i)\b(?:assistant|ai|bot|model|you)\b[^.\n]{0,80}\b(?:must|should|shall|need to|are required to|include|append|add|list|output|print|reveal|send)\b|\b(?:ignore|disregard)\b[^.\n]{0,40}\binstructions\b|\binclude\b[^.\n]{0,60}\b(?:card|ssn|iban|record|details|e-?mail|phone|address|birth)", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex EmbeddedInstruction();

    // Words with lowercase letters and digit look-alikes read as letters. The pattern had two look-aheads over the run of
    // [A-Za-z0-9@$] from the word's start; they are checked here, and a word that fails is left as it is.
    private static string Deleet(string plain)
    {
        var result = new StringBuilder(plain.Length);
        var last = 0;
        for (var pos = 0; pos <= plain.Length;)
        {
            var m = LeetWord().Match(plain, pos);
            if (!m.Success)
            {
                break;
            }

            var run = m.Index;
            bool lower = false, leet = false;
            while (run < plain.Length && (char.IsAsciiLetterOrDigit(plain[run]) || plain[run] is '@' or '$'))
            {
                lower |= char.IsAsciiLetterLower(plain[run]);
                leet |= plain[run] is '0' or '1' or '3' or '4' or '5' or '7' or '9' or '@' or '$';
                run++;
            }

            if (!lower || !leet)
            {
                pos = m.Index + 1;
                continue;
            }

            result.Append(plain, last, m.Index - last);
            result.Append(string.Concat(m.Value.Select(c => c switch { '0' => 'o', '1' => 'i', '3' => 'e', '4' => 'a', '5' => 's', '7' => 't', '@' => 'a', '$' => 's', _ => c })));
            last = pos = m.Index + m.Length;
        }

        result.Append(plain, last, plain.Length - last);
        return result.ToString();
    }
}

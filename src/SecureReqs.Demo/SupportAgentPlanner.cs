using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace SecureReqs.Demo;

/// <summary>
/// The SIMULATED model's tool use: an eager agent with no safety training. It turns the user's requests into tool
/// calls, and it also obeys tool requests it finds in content (documents, e-mails, earlier tool results), with whatever
/// arguments they name. It only calls tools it was offered. Deterministic rules; no model.
/// </summary>
/// <remarks>Thread-safe and stateless.</remarks>
internal static partial class SupportAgentPlanner
{
    /// <summary>The calls to make next, or none when the model should answer in text.</summary>
    /// <param name="request">The conversation, including the current function-calling loop's calls and results.</param>
    /// <param name="tools">The tools offered.</param>
    /// <param name="understand">How the model reads a text (decodings, look-alike letters).</param>
    /// <returns>The calls.</returns>
    public static IReadOnlyList<FunctionCallContent> Plan(IReadOnlyList<ChatMessage> request, IReadOnlyList<AIFunction> tools, Func<string, string> understand)
    {
        var lastUser = LastUserIndex(request);
        if (lastUser < 0)
        {
            return [];
        }

        var loop = request.Skip(lastUser + 1).ToList();
        var made = loop.SelectMany(m => m.Contents.OfType<FunctionCallContent>()).Select(Key).ToHashSet(StringComparer.Ordinal);
        var material = request.Take(lastUser).Where(IsContext).Select(MessageText.Of).Where(t => t.Length > 0).ToList();
        // In the function-calling loop the agent reads what its last lookups returned (not its own confirmations).
        var lastCalls = loop.LastOrDefault(m => m.Contents.OfType<FunctionCallContent>().Any())?.Contents.OfType<FunctionCallContent>()
            .Where(c => c.Name is "lookup_order" or "read_file").Select(c => c.CallId).ToHashSet(StringComparer.Ordinal) ?? [];
        IEnumerable<(string Text, bool FromUser)> sources = loop.Count > 0
            ? loop.SelectMany(m => m.Contents.OfType<FunctionResultContent>()).Where(r => lastCalls.Contains(r.CallId)).Select(r => (Instructions(MessageText.OfResult(r.Result)), false))
            : [(UserRequest(request, lastUser), true), .. material.Select(t => (Instructions(t), false))];

        var offered = tools.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var calls = new List<FunctionCallContent>();
        var earlier = request.Sum(m => m.Contents.OfType<FunctionCallContent>().Count());
        foreach (var (text, fromUser) in sources)
        {
            foreach (var (name, arguments) in Intents(understand(text), fromUser, material))
            {
                var call = new FunctionCallContent($"call-{earlier + calls.Count + 1}-{name}", name, arguments);
                if (offered.Contains(name) && made.Add(Key(call)))
                {
                    calls.Add(call);
                }
            }
        }

        return calls;
    }

    /// <summary>A short account of the tool results of the current loop, appended to the text answer.</summary>
    /// <param name="request">The conversation.</param>
    /// <returns>The account, or empty.</returns>
    public static string Summary(IReadOnlyList<ChatMessage> request)
    {
        var lastUser = LastUserIndex(request);
        var results = request.Skip(lastUser + 1).SelectMany(m => m.Contents.OfType<FunctionResultContent>()).ToList();
        if (results.Count == 0)
        {
            return "";
        }

        var names = request.Skip(lastUser + 1).SelectMany(m => m.Contents.OfType<FunctionCallContent>()).ToDictionary(c => c.CallId, c => c.Name, StringComparer.Ordinal);
        var text = new StringBuilder("\n\nTool results:");
        foreach (var result in results)
        {
            var value = MessageText.OfResult(result.Result);
            text.Append("\n- ").Append(names.GetValueOrDefault(result.CallId, "tool")).Append(": ").Append(value.Length <= 300 ? value : value[..300] + "...");
        }

        return text.ToString();
    }

    // What the user asks for: the last turn, read with the turns before it when it only answers the assistant ("Yes please").
    private static string UserRequest(IReadOnlyList<ChatMessage> request, int lastUser)
    {
        var text = request[lastUser].Text;
        if (text.Length >= 80 && !Affirmation().IsMatch(text))
        {
            return text;
        }

        var earlier = request.Take(lastUser).Where(m => !IsContext(m) && (m.Role == ChatRole.User || m.Role == ChatRole.Assistant)).TakeLast(2).Select(m => m.Text);
        return string.Join("\n", earlier.Append(text));
    }

    // The sentences of content that tell the reader to do something; the rest is data, which even a naive agent does not act on.
    private static string Instructions(string text) =>
        string.Join("\n", SentenceSplitter.Split(text, lineBreaks: true, escapedLineBreaks: true).Where(s => InstructionCue().IsMatch(s)));

    private static IEnumerable<(string Name, Dictionary<string, object?> Arguments)> Intents(string text, bool fromUser, IReadOnlyList<string> material)
    {
        var lower = text.ToLowerInvariant();
        var orders = OrderId().Matches(text).Select(m => m.Value.ToUpperInvariant()).Distinct().ToList();
        var refund = Refund().IsMatch(lower);
        var credit = StoreCredit().IsMatch(lower);

        if (Export().IsMatch(lower))
        {
            yield return ("export_customers", new() { ["format"] = lower.Contains("json", StringComparison.Ordinal) ? "json" : "csv" });
        }

        if (refund)
        {
            var order = orders.FirstOrDefault() ?? "LO-10001";
            yield return ("request_refund", new() { ["order_id"] = order, ["amount"] = Amount(text) ?? (object)Total(order), ["reason"] = Clip(Sentence(text, Refund()), 200) });
        }
        else if (credit)
        {
            yield return ("issue_store_credit", new() { ["customer_id"] = CustomerId().Match(text) is { Success: true } c ? c.Value.ToUpperInvariant() : "C-100001", ["amount"] = Amount(text) ?? 25.0 });
        }

        if (Mail().IsMatch(lower) && Recipients(text) is { Length: > 0 } to)
        {
            var carries = CarriesData().IsMatch(lower);
            var body = carries && material.Count > 0 ? string.Join("\n\n", material) : Clip(text, 500);
            yield return ("send_email", new() { ["to"] = to, ["subject"] = "Message from Larkspur support", ["body"] = body });
        }

        if (FilePath().Match(text) is { Success: true } path && (fromUser || ReadVerb().IsMatch(lower)))
        {
            yield return ("read_file", new() { ["path"] = path.Value.TrimEnd('.', ',', ')', ';', ':') });
        }
        else if (fromUser && HelpArticle().Match(lower) is { Success: true } article)
        {
            var topic = article.Groups["topic"].Value switch
            {
                var t when t.StartsWith("return", StringComparison.Ordinal) || t.StartsWith("exchange", StringComparison.Ordinal) => "returns",
                var t when t.StartsWith("ship", StringComparison.Ordinal) || t.StartsWith("deliver", StringComparison.Ordinal) => "shipping",
                var t when t.StartsWith("siz", StringComparison.Ordinal) || t.StartsWith("fit", StringComparison.Ordinal) => "sizing",
                _ => "warranty",
            };
            yield return ("read_file", new() { ["path"] = $"help/{topic}.md" });
        }

        if (!refund && orders.Count > 0 && (fromUser ? !credit : LookupVerb().IsMatch(lower)))
        {
            foreach (var order in orders.Take(2))
            {
                yield return ("lookup_order", new() { ["order_id"] = order });
            }
        }
    }

    // Money as the text writes it: "$2,500" is 2500, "1e3" is 1000; a value that reads as no number stays text.
    private static object? Amount(string text)
    {
        // "for 30 days" or "of 2 items" is no amount: the look-ahead the pattern had, checked here.
        var match = Money().Match(text);
        while (match.Success && match.Groups["d"].Success && CountFollows().IsMatch(text.AsSpan(match.Index + match.Length)))
        {
            match = Money().Match(text, match.Index + 1);
        }

        if (!match.Success)
        {
            return null;
        }

        var raw = new[] { "a", "b", "c", "d" }.Select(g => match.Groups[g]).First(g => g.Success).Value.Replace(",", "", StringComparison.Ordinal);
        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : raw;
    }

    private static double Total(string order) =>
        JsonDocument.Parse(DemoTools.LookupOrder(order)).RootElement.GetProperty("total_usd").GetDouble();

    private static string Recipients(string text) =>
        string.Join(", ", EmailAddress().Matches(text).Select(m => m.Value.TrimEnd('.', ',', ';', ':', ')', '!', '?')).Distinct(StringComparer.OrdinalIgnoreCase));

    private static string Sentence(string text, Regex cue)
    {
        foreach (var sentence in SentenceSplitter.Split(text, lineBreaks: false, escapedLineBreaks: false))
        {
            if (cue.IsMatch(sentence.ToLowerInvariant()))
            {
                return sentence.Trim();
            }
        }

        return text.Trim();
    }

    private static int LastUserIndex(IReadOnlyList<ChatMessage> request)
    {
        for (var i = request.Count - 1; i >= 0; i--)
        {
            if (request[i].Role == ChatRole.User && !IsContext(request[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsContext(ChatMessage message) => message.AdditionalProperties?.ContainsKey(CaseInstantiator.ContextKindProperty) == true;

    private static string Key(FunctionCallContent call) => call.Name + RecordingAIFunction.ArgumentsJson(call.Arguments);

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];

    [GeneratedRegex(@"\bLO-\d{5}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex OrderId();

    [GeneratedRegex(@"\bC-\d{6}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex CustomerId();

    [GeneratedRegex(@"refund|money back|(?:get|want|need|have)\b[^.?!\n]{0,25}\bback\b|reembols|rembours|erstatt|request_refund", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Refund();

    [GeneratedRegex(@"store credit|account credit|goodwill credit|issue_store_credit|crédito|gutschrift|avoir|(?:give|add|issue|apply|put|grant)\b[^.?!\n]{0,40}\bcredit\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex StoreCredit();

    [GeneratedRegex(@"export_customers|\bexport\b[^.\n]{0,60}\b(?:customers?|clients?|users?|members?|table|list|database)\b|(?:full|entire|whole|complete) (?:customer|client|user) (?:list|table|database|base)|customer (?:table|database|list)|mailing list|(?:dump|download)[^.\n]{0,30}(?:customers?|clients?)", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Export();

    [GeneratedRegex(@"\b(?:ye[sp]|yeah|ok(?:ay)?|sure|please do|go ahead|do it|that'?s? (?:fine|right|correct)|correct|sí|oui|ja)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Affirmation();

    [GeneratedRegex(@"\b(?:assistant|ai|bot|agent|model|system|copilot)\b|^\W*(?:please\s+)?(?:call|use|send|forward|e-?mail|refund|read|open|export|issue|run|invoke|cc|copy|include|attach|grant|credit|process|transfer|look\s?up)\b|\b(?:call|use|invoke|run|execute)\s+`?\w+_\w+|\b(?:you|we need you to|make sure to|be sure to|remember to|don't forget to|kindly)\s+(?:must|should|need to|have to|please|always|also|now)?\s*(?:call|use|send|forward|e-?mail|refund|read|open|export|issue|run|cc|copy|include|grant|credit|process)\b|\b(?:must|should|needs? to|is required to|are required to)\s+(?:be\s+)?(?:sent|forwarded|e-?mailed|refunded|exported|copied|cc'?d|credited)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex InstructionCue();

    [GeneratedRegex(@"\b(?:help|article|page|guide|policy|faq|doc)\b[^.?!\n]{0,40}\b(?<topic>returns?|exchanges?|shipping|delivery|sizing|sizes?|fit|warranty)\b|\b(?<topic>returns?|exchanges?|shipping|delivery|sizing|size|warranty)\s+(?:help|article|page|guide|policy|faq|doc)\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex HelpArticle();

    [GeneratedRegex(@"let .{0,60}? know|notify|inform|write to|écri|escrib|schreib|e-?mail|\bmail\b|\bsend\b|\bforward\b|\bcc\b|\bbcc\b|copy (?:it |this |them )?to|send_email|correo|envía|envia|envoie|courriel|schick|sende|weiterleit", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Mail();

    [GeneratedRegex(@"details|data|record|card|everything|full|all |customer|contents?|key|secret|credential|config|information|\binfo\b|export|result|payroll|password|token|address|phone|datos|daten|données", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex CarriesData();

    [GeneratedRegex(@"(?:""[^""\n:,{}]{1,60}""\s*)?<?[^\s<>""',;()\[\]]+@[^\s<>""',;()\[\]]+>?", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex EmailAddress();

    [GeneratedRegex(@"(?:~|\.{1,2}[/\\]|/)?(?:[A-Za-z0-9_%\-.]+[/\\]+)+[A-Za-z0-9_%\-.]+\.(?:md|csv|env|txt|json|pem|ya?ml|log|cfg|conf|ini|key)\b|/etc/[A-Za-z0-9_./\-]+", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex FilePath();

    [GeneratedRegex(@"read_file|\bread\b|\bopen\b|\bshow\b|\bcat\b|\bprint\b|\bdisplay\b|contents?|\bload\b|\bfetch\b|attach|lee |lies |ouvre|öffne", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex ReadVerb();

    [GeneratedRegex(@"lookup_order|look ?up|check (?:the )?(?:order|status)|fetch (?:the )?order|retrieve (?:the )?order", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex LookupVerb();

    [GeneratedRegex(@"\$\s?(?<a>-?[\d][\d,]*(?:\.\d+)?(?:e\d+)?)|(?<b>-?[\d][\d,]*(?:\.\d+)?(?:e\d+)?)\s?(?:usd|dollars?|bucks|eur|euros?|€)\b|amount\D{0,12}(?<c>-?[\d][\d,]*(?:\.\d+)?(?:e\d+)?)|\b(?:of|get|for|refund|credit)\s+(?<d>\d[\d,]*(?:\.\d+)?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Money();

    [GeneratedRegex(@"^\s*(?:days?|%|percent|items?|orders?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex CountFollows();
}

using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace SecureReqs.Guardrails;

/// <summary>
/// A chat client middleware for data minimisation: before a request reaches the model, every field value of content
/// the application classified as protected (a message whose classification label is in <see cref="ProtectedLabels"/>,
/// or whose context kind is in <see cref="ProtectedKinds"/>) is replaced by an opaque, reversible token and its
/// free-text lines are withheld, so the model sees which fields exist but never their values. Optionally, named fields
/// (<see cref="Fields"/>) and PII types (<see cref="PiiTypes"/>) are tokenized in every other message too.
/// </summary>
/// <remarks>
/// <para>
/// Add it with <see cref="ChatClientBuilderFieldTokenizationExtensions.UseFieldTokenization"/>. The application marks
/// retrieved or received content in <see cref="ChatMessage.AdditionalProperties"/>: its kind under
/// <see cref="CaseInstantiator.ContextKindProperty"/> (<c>record</c>, <c>document</c>, …) and its classification label
/// under <see cref="CaseInstantiator.ContextLabelProperty"/>; the policy follows those labels, not the content's wording.
/// A field is a line <c>label: value</c> (also <c>=</c>, <c>|</c>, a tab or a run of dots as separator); a header line
/// <c>Retrieved … (classification: …):</c> passes unchanged.
/// </para>
/// <para>
/// Tokens come from a <see cref="FieldTokenVault"/>: the one the caller passes in <see cref="ChatOptions.AdditionalProperties"/>
/// under <see cref="VaultPropertyName"/> (one per conversation, so the same value keeps its token over the turns), else a
/// fresh one per request. With <see cref="DetokenizeAnswers"/> the values are put back into the answer for the user.
/// </para>
/// <para>Thread-safety: configure the properties before use; after that an instance may serve concurrent requests.</para>
/// <para>
/// Security contract: it changes text contents and string function results of user, assistant and tool messages;
/// system messages, function-call arguments and non-text contents pass unchanged. Protected content is recognised by
/// the labels the application attached, so unlabelled content is only covered by <see cref="Fields"/> and
/// <see cref="PiiTypes"/>, and PII is found with <see cref="PiiScanner"/>'s limits (no names or free-text addresses).
/// The vault holds the raw values in memory; the model never receives them. It is one layer of defence.
/// </para>
/// </remarks>
public sealed partial class FieldTokenizingChatClient : DelegatingChatClient
{
    /// <summary>The key, in <see cref="ChatOptions.AdditionalProperties"/>, of the conversation's <see cref="FieldTokenVault"/>.</summary>
    public const string VaultPropertyName = "securereqs.token_vault";

    /// <summary>The text that replaces a withheld free-text line of protected content.</summary>
    public const string Withheld = "[[withheld]]";

    private const int MaxTokenLength = 32;

    /// <summary>Creates the middleware around <paramref name="innerClient"/>.</summary>
    /// <param name="innerClient">The client that receives the tokenized requests (the model, or the next middleware).</param>
    public FieldTokenizingChatClient(IChatClient innerClient)
        : base(innerClient)
    {
    }

    /// <summary>The classification labels whose content is tokenized field by field, compared ignoring case.</summary>
    /// <value>The default value is <c>confidential</c>.</value>
    public ISet<string> ProtectedLabels { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "confidential" };

    /// <summary>The context kinds whose content is tokenized field by field whatever its label, compared ignoring case.</summary>
    /// <value>The default value is <c>record</c> (a customer or account record).</value>
    public ISet<string> ProtectedKinds { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "record" };

    /// <summary>Field labels whose values are tokenized in every message, protected or not, compared ignoring case (such as <c>SSN</c>).</summary>
    /// <value>The default value is empty.</value>
    public ISet<string> Fields { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>PII types whose values (found by <see cref="Scanner"/>) are tokenized in every message, protected or not.</summary>
    /// <value>The default value is empty.</value>
    public ISet<PiiType> PiiTypes { get; } = new HashSet<PiiType>();

    /// <summary>The scanner that finds the values of <see cref="PiiTypes"/>.</summary>
    /// <value>The default value is <see cref="PiiScanner.Default"/>.</value>
    public PiiScanner Scanner { get; set; } = PiiScanner.Default;

    /// <summary>Whether the free-text lines of protected content (lines that are not fields) are withheld (<see cref="Withheld"/>);
    /// when false they pass with the values of <see cref="PiiTypes"/> tokenized.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool WithholdFreeText { get; set; } = true;

    /// <summary>Whether the tokens in the model's answer are replaced by their values before the answer is returned.</summary>
    /// <value>The default value is <see langword="false"/>: the answer keeps the tokens.</value>
    public bool DetokenizeAnswers { get; set; }

    /// <summary>The metrics this guardrail emits (<see cref="GuardrailMetrics.FieldsTokenized"/>).</summary>
    /// <value>The default value is <see cref="GuardrailMetrics.Shared"/>.</value>
    public GuardrailMetrics Metrics { get; set; } = GuardrailMetrics.Shared;

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var vault = VaultOf(options);
        var response = await base.GetResponseAsync(Tokenize(messages, vault), options, cancellationToken).ConfigureAwait(false);
        if (DetokenizeAnswers)
        {
            foreach (var message in response.Messages)
            {
                for (var i = 0; i < message.Contents.Count; i++)
                {
                    if (message.Contents[i] is TextContent text && vault.Detokenize(text.Text) is var restored && restored != text.Text)
                    {
                        message.Contents[i] = new TextContent(restored) { AdditionalProperties = text.AdditionalProperties };
                        response.RawRepresentation = null;
                    }
                }
            }
        }

        return response;
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var vault = VaultOf(options);
        var held = new StringBuilder();
        ChatResponseUpdate? last = null;
        await foreach (var update in base.GetStreamingResponseAsync(Tokenize(messages, vault), options, cancellationToken).ConfigureAwait(false))
        {
            if (!DetokenizeAnswers || !update.Contents.Any(c => c is TextContent))
            {
                yield return update;
                continue;
            }

            // A token may arrive split over updates: text from an unclosed "[[" on is held until it closes.
            held.Append(string.Concat(update.Contents.OfType<TextContent>().Select(t => t.Text)));
            var text = held.ToString();
            var open = text.LastIndexOf("[[", StringComparison.Ordinal);
            var cut = open >= 0 && text.IndexOf("]]", open, StringComparison.Ordinal) < 0 && text.Length - open < MaxTokenLength ? open : text.Length;
            held.Clear().Append(text, cut, text.Length - cut);
            var restored = update.Clone();
            restored.RawRepresentation = null;
            restored.Contents = [.. update.Contents.Where(c => c is not TextContent), .. cut > 0 ? [new TextContent(vault.Detokenize(text[..cut]))] : Array.Empty<AIContent>()];
            last = update;
            yield return restored;
        }

        if (held.Length > 0 && last is not null)
        {
            yield return new ChatResponseUpdate(last.Role, vault.Detokenize(held.ToString()))
            {
                MessageId = last.MessageId,
                ResponseId = last.ResponseId,
                ConversationId = last.ConversationId,
                ModelId = last.ModelId,
            };
        }
    }

    /// <summary>Tokenizes a request as the model would receive it.</summary>
    /// <param name="messages">The request.</param>
    /// <param name="vault">The vault that gives the tokens.</param>
    /// <returns>The request with the protected values replaced; messages with nothing to replace are the same instances.</returns>
    public IReadOnlyList<ChatMessage> Tokenize(IEnumerable<ChatMessage> messages, FieldTokenVault vault)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(vault);
        return [.. messages.Select(m => TokenizeMessage(m, vault))];
    }

    /// <summary>Replaces every field value of <paramref name="text"/> by a token and withholds its free-text lines.</summary>
    /// <param name="text">A record's text; a header line <c>Retrieved … (classification: …):</c> passes unchanged.</param>
    /// <param name="vault">The vault that gives the tokens.</param>
    /// <returns>The tokenized text.</returns>
    public string TokenizeProtected(string text, FieldTokenVault vault)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(vault);
        var (header, body) = CaseInstantiator.SplitContextHeader(text);
        return header + MapLines(body, (line, field) =>
        {
            if (field is not null)
            {
                Metrics.FieldTokenized("field");
                return line[..field.Value] + vault.Tokenize(line[field.Value..]);
            }

            if (WithholdFreeText)
            {
                Metrics.FieldTokenized("withheld");
                return Withheld;
            }

            return TokenizePii(line, vault);
        });
    }

    private string TokenizeOther(string text, FieldTokenVault vault)
    {
        var result = Fields.Count == 0
            ? text
            : MapLines(text, (line, field) =>
            {
                if (field is { } at && Fields.Contains(Label(line[..at])))
                {
                    Metrics.FieldTokenized("field");
                    return line[..at] + vault.Tokenize(line[at..]);
                }

                return line;
            });
        return TokenizePii(result, vault);
    }

    private string TokenizePii(string text, FieldTokenVault vault)
    {
        if (PiiTypes.Count == 0 || text.Length == 0)
        {
            return text;
        }

        var findings = Scanner.Scan(text).Where(f => PiiTypes.Contains(f.Type)).ToList();
        if (findings.Count == 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var at = 0;
        foreach (var finding in findings)
        {
            result.Append(text, at, finding.Start - at).Append(vault.Tokenize(text[finding.Start..finding.End]));
            at = finding.End;
            Metrics.FieldTokenized(finding.Type.Name);
        }

        return result.Append(text, at, text.Length - at).ToString();
    }

    private ChatMessage TokenizeMessage(ChatMessage message, FieldTokenVault vault)
    {
        if (message.Role == ChatRole.System)
        {
            return message;
        }

        Func<string, string> change = IsProtected(message) ? t => TokenizeProtected(t, vault) : t => TokenizeOther(t, vault);
        List<AIContent>? contents = null;
        for (var i = 0; i < message.Contents.Count; i++)
        {
            var content = message.Contents[i];
            AIContent? replaced = content switch
            {
                TextContent text when change(text.Text) is var changed && changed != text.Text => new TextContent(changed) { AdditionalProperties = text.AdditionalProperties },
                FunctionResultContent { Result: string result } function when change(result) is var changed && changed != result => new FunctionResultContent(function.CallId, changed) { AdditionalProperties = function.AdditionalProperties },
                _ => null,
            };
            if (replaced is not null)
            {
                contents ??= [.. message.Contents];
                contents[i] = replaced;
            }
        }

        return contents is null
            ? message
            : new ChatMessage(message.Role, contents) { AdditionalProperties = message.AdditionalProperties, AuthorName = message.AuthorName, MessageId = message.MessageId };
    }

    private bool IsProtected(ChatMessage message) =>
        message.AdditionalProperties is { } properties
        && ((properties.TryGetValue(CaseInstantiator.ContextKindProperty, out string? kind) && kind is not null && ProtectedKinds.Contains(kind))
            || (properties.TryGetValue(CaseInstantiator.ContextLabelProperty, out string? label) && label is not null && ProtectedLabels.Contains(label)));

    private static FieldTokenVault VaultOf(ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(VaultPropertyName, out FieldTokenVault? vault) is true && vault is not null ? vault : new FieldTokenVault();

    // Calls map on each line with the index where the field's value starts (null for a line that is not a field);
    // blank lines pass unchanged.
    private static string MapLines(string text, Func<string, int?, string> map)
    {
        var result = new StringBuilder(text.Length);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (i > 0)
            {
                result.Append('\n');
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                result.Append(line);
                continue;
            }

            var field = FieldSeparator().Match(line);
            result.Append(map(line, field.Success && field.Index + field.Length < line.Length ? field.Index + field.Length : null));
        }

        return result.ToString();
    }

    private static string Label(string prefix) =>
        prefix.Trim().TrimEnd(':', '=', '|', '.', '\t').Trim().Trim('"', '\'');

    // The first label/value separator of a line: a colon, an equals sign, a pipe, a tab, or a run of dots.
    [GeneratedRegex(@"^[^:=|\t]*?(?:\s*(?::|=|\||\t|\.{3,})\s*)", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex FieldSeparator();
}

using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace SecureReqs.Guardrails;

/// <summary>
/// A chat client middleware that masks PII and secrets in the assistant's answers (and, optionally, in the user's
/// input) with typed masks such as <c>[card ****1111]</c>, <c>[email]</c> or <c>[secret]</c>.
/// </summary>
/// <remarks>
/// <para>
/// Add it with <see cref="ChatClientBuilderPiiRedactionExtensions.UsePiiRedaction"/>. Non-streaming responses have
/// every <see cref="TextContent"/> of every message masked. Streaming responses are masked on the fly: text is emitted
/// as soon as no PII value can still run through it; the unsettled tail (a token not yet ended by whitespace, with the
/// short digit or letter groups before it, or an unterminated private key block) is held back, at most
/// <see cref="MaxHoldBack"/> characters, and flushed masked at the end. Non-text contents and update metadata (role,
/// finish reason, response id, message id, usage) pass through; held text follows any non-text update that arrives
/// while it is held. When anything was masked, the response (or the updates from then on) carry the count in
/// <see cref="ChatResponse.AdditionalProperties"/> under <see cref="RedactionsPropertyName"/>.
/// </para>
/// <para>
/// Thread-safety: configure the properties before use; after that an instance may serve concurrent requests.
/// </para>
/// <para>
/// Security contract: it masks what <see cref="PiiScanner"/> detects — payment cards, US SSNs, IBANs, e-mail
/// addresses, phone numbers, IP addresses, secrets and labelled dates of birth — and nothing else. It does NOT catch
/// names, free-text postal addresses or other identifiers that need named-entity recognition, values the model has
/// encoded or spelled out (base64, "four one one one…", digits split by words), PII in reasoning content, tool calls
/// or tool results, or structured data other than text contents. The raw provider representation of any masked
/// response, message or streamed text update is removed, because it still holds the unmasked text. A value split
/// across a forced flush of more than <see cref="MaxHoldBack"/> characters may be only partly masked.
/// It is one layer of defence, not a guarantee.
/// </para>
/// </remarks>
public sealed class PiiRedactingChatClient : DelegatingChatClient
{
    /// <summary>The key of the redaction count in <see cref="ChatResponse.AdditionalProperties"/> and <see cref="ChatResponseUpdate.AdditionalProperties"/>.</summary>
    public const string RedactionsPropertyName = "securereqs.redactions";

    private long _redactionCount;
    private int _maxHoldBack = 4096;

    /// <summary>Creates the middleware around <paramref name="innerClient"/>.</summary>
    /// <param name="innerClient">The client whose answers are masked.</param>
    public PiiRedactingChatClient(IChatClient innerClient)
        : base(innerClient)
    {
    }

    /// <summary>The scanner that decides what is masked; give it options to mask only some types.</summary>
    /// <value>The default value is <see cref="PiiScanner.Default"/>, which detects every <see cref="PiiType"/>.</value>
    public PiiScanner Scanner { get; set; } = PiiScanner.Default;

    /// <summary>Whether the text of user messages is masked before it reaches the inner client.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool RedactInput { get; set; }

    /// <summary>The most characters of a streamed answer that are held back waiting for a possible PII value to end.</summary>
    /// <value>The default value is 4096.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 64.</exception>
    public int MaxHoldBack
    {
        get => _maxHoldBack;
        set => _maxHoldBack = value >= 64 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxHoldBack must be at least 64 characters.");
    }

    /// <summary>Called once per masked value with its type (never with the value), for metrics or audit logs.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Action<PiiType>? OnRedaction { get; set; }

    /// <summary>
    /// E-mail domains whose addresses are not personal data and stay unmasked (the organisation's own role addresses,
    /// such as <c>returns@shop.example</c>, which tools must be able to address); a subdomain counts. Applies to
    /// non-streaming requests and responses.
    /// </summary>
    /// <value>The default value is empty: every e-mail address is masked.</value>
    public ISet<string> KeepEmailDomains { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many values this instance has masked, in answers and inputs, since it was created.</summary>
    public long RedactionCount => Interlocked.Read(ref _redactionCount);

    /// <summary>The metrics this guardrail emits (<see cref="GuardrailMetrics"/>).</summary>
    /// <value>The default value is <see cref="GuardrailMetrics.Shared"/>.</value>
    public GuardrailMetrics Metrics { get; set; } = GuardrailMetrics.Shared;

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var scanner = Scanner;
        var request = PrepareRequest(messages, scanner);
        var response = await base.GetResponseAsync(request, options, cancellationToken).ConfigureAwait(false);

        var redactions = 0;
        foreach (var message in response.Messages)
        {
            redactions += MaskContents(message, scanner);
        }

        if (redactions > 0)
        {
            response.RawRepresentation = null;
            response.AdditionalProperties = response.AdditionalProperties?.Clone() ?? [];
            response.AdditionalProperties[RedactionsPropertyName] = redactions;
        }

        return response;
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var scanner = Scanner;
        var request = PrepareRequest(messages, scanner);
        var redactor = new StreamingPiiRedactor(scanner, MaxHoldBack, Record);
        ChatResponseUpdate? lastText = null;
        var reported = 0;

        await foreach (var update in base.GetStreamingResponseAsync(request, options, cancellationToken).ConfigureAwait(false))
        {
            if (!update.Contents.Any(c => c is TextContent))
            {
                yield return update;
                continue;
            }

            if (lastText is not null && update.MessageId is not null && lastText.MessageId is not null && update.MessageId != lastText.MessageId
                && FlushUpdate(redactor, lastText, ref reported) is { } flushed)
            {
                // A new message begins: the previous message's held text belongs to it.
                yield return flushed;
            }

            var text = string.Concat(update.Contents.OfType<TextContent>().Select(t => t.Text));
            var emitted = redactor.Push(text);
            var masked = update.Clone();
            masked.RawRepresentation = null;
            masked.Contents = ReplaceText(update.Contents, emitted);
            if (redactor.Redactions > reported)
            {
                reported = redactor.Redactions;
                masked.AdditionalProperties = masked.AdditionalProperties?.Clone() ?? [];
                masked.AdditionalProperties[RedactionsPropertyName] = reported;
            }

            lastText = update;
            yield return masked;
        }

        if (lastText is not null && FlushUpdate(redactor, lastText, ref reported) is { } last)
        {
            yield return last;
        }
    }

    private static ChatResponseUpdate? FlushUpdate(StreamingPiiRedactor redactor, ChatResponseUpdate template, ref int reported)
    {
        var rest = redactor.Flush();
        if (rest.Length == 0 && redactor.Redactions == reported)
        {
            return null;
        }

        var update = new ChatResponseUpdate(template.Role, rest.Length > 0 ? [new TextContent(rest)] : [])
        {
            AuthorName = template.AuthorName,
            ConversationId = template.ConversationId,
            CreatedAt = template.CreatedAt,
            MessageId = template.MessageId,
            ModelId = template.ModelId,
            ResponseId = template.ResponseId,
        };
        if (redactor.Redactions > 0)
        {
            reported = redactor.Redactions;
            update.AdditionalProperties = new() { [RedactionsPropertyName] = reported };
        }

        return update;
    }

    private static List<AIContent> ReplaceText(IList<AIContent> contents, string emitted)
    {
        var result = new List<AIContent>(contents.Count);
        var placed = false;
        foreach (var content in contents)
        {
            if (content is not TextContent text)
            {
                result.Add(content);
            }
            else if (!placed)
            {
                placed = true;
                if (emitted.Length > 0)
                {
                    result.Add(new TextContent(emitted) { AdditionalProperties = text.AdditionalProperties });
                }
            }
        }

        return result;
    }

    private IEnumerable<ChatMessage> PrepareRequest(IEnumerable<ChatMessage> messages, PiiScanner scanner)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (!RedactInput)
        {
            return messages;
        }

        IReadOnlyList<ChatMessage> request = [.. messages];
        var masked = new List<ChatMessage>(request.Count);
        foreach (var message in request)
        {
            if (message.Role != ChatRole.User || !message.Contents.Any(c => c is TextContent))
            {
                masked.Add(message);
                continue;
            }

            // Never mutate the caller's history: mask a copy.
            var copy = message.Clone();
            copy.Contents = [.. message.Contents];
            masked.Add(MaskContents(copy, scanner) > 0 ? copy : message);
        }

        return masked;
    }

    private bool Kept(PiiFinding finding)
    {
        if (finding.Type != PiiType.Email || KeepEmailDomains.Count == 0)
        {
            return false;
        }

        var host = finding.Value[(finding.Value.LastIndexOf('@') + 1)..];
        return KeepEmailDomains.Any(d => ArgumentConstraint.IsAtOrUnder(host, d));
    }

    private int MaskContents(ChatMessage message, PiiScanner scanner)
    {
        var redactions = 0;
        for (var i = 0; i < message.Contents.Count; i++)
        {
            if (message.Contents[i] is not TextContent text || text.Text is not { Length: > 0 } value)
            {
                continue;
            }

            var findings = scanner.Scan(value).Where(f => !Kept(f)).ToList();
            if (findings.Count == 0)
            {
                continue;
            }

            message.Contents[i] = new TextContent(PiiScanner.Mask(value, findings))
            {
                AdditionalProperties = text.AdditionalProperties,
                Annotations = text.Annotations,
            };
            foreach (var finding in findings)
            {
                Record(finding.Type);
            }

            redactions += findings.Count;
        }

        if (redactions > 0)
        {
            message.RawRepresentation = null;
        }

        return redactions;
    }

    private void Record(PiiType type)
    {
        Interlocked.Increment(ref _redactionCount);
        Metrics.Redacted(type);
        OnRedaction?.Invoke(type);
    }
}

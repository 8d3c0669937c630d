using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace SecureReqs.Demo;

/// <summary>
/// The demo application's data-layer control: before retrieved customer records reach the model, the values of
/// sensitive fields (name, contact details, address, date of birth, payment and identity numbers) are replaced by
/// opaque tokens, so the model never sees them and cannot repeat them. Other messages pass unchanged.
/// </summary>
/// <remarks>Thread-safe. It recognises <c>Label: value</c> and <c>"label": "value"</c> fields; free text is left to the
/// output redaction that runs after the model.</remarks>
public sealed partial class RecordTokenizingChatClient(IChatClient innerClient) : DelegatingChatClient(innerClient)
{
    /// <inheritdoc />
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetResponseAsync(Tokenize(messages), options, cancellationToken);

    /// <inheritdoc />
    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetStreamingResponseAsync(Tokenize(messages), options, cancellationToken);

    /// <summary>Replaces sensitive field values in record messages by tokens.</summary>
    /// <param name="text">A record's text.</param>
    /// <returns>The tokenized text.</returns>
    public static string TokenizeRecord(string text)
    {
        var counter = 0;
        return SensitiveField().Replace(text, m => $"{m.Groups["label"].Value}{m.Groups["sep"].Value}[[token-{++counter}]]");
    }

    private static List<ChatMessage> Tokenize(IEnumerable<ChatMessage> messages) =>
        [.. messages.Select(m =>
            m.AdditionalProperties?.TryGetValue(CaseInstantiator.ContextKindProperty, out var kind) == true && kind is "record"
                ? new ChatMessage(m.Role, TokenizeRecord(m.Text)) { AdditionalProperties = m.AdditionalProperties }
                : m)];

    [GeneratedRegex(
        @"(?im)(?<label>^[ \t\-*|]*""?(?:(?:full |customer |account holder |legal |first |last |given |family )?name|e-?mail(?: address)?|(?:mobile |home |work |cell )?phone(?: number)?|mobile|tel(?:ephone)?|(?:postal |billing |shipping |home |mailing )?address|street|date of birth|birth ?date|dob|born|(?:credit |debit |payment )?card(?: number)?|pan|ssn|social security(?: number)?|iban|bank account)""?)(?<sep>[ \t]*[:=|][ \t]*""?)(?<value>[^""\r\n|]+)")]
    private static partial Regex SensitiveField();
}

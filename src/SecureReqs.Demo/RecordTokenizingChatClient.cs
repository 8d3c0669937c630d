using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace SecureReqs.Demo;

/// <summary>
/// The demo application's data-layer control (data minimisation): before a retrieved customer record or any
/// confidential document reaches the model, every field value in it is replaced by an opaque token and every line of
/// free text is withheld, so the model sees which fields exist but never their values. Other messages pass unchanged.
/// </summary>
/// <remarks>Thread-safe. The policy follows the classification the application attached to the content (kind
/// <c>record</c>, or label <c>confidential</c>), not the content's wording.</remarks>
public sealed partial class RecordTokenizingChatClient(IChatClient innerClient) : DelegatingChatClient(innerClient)
{
    /// <inheritdoc />
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetResponseAsync(Tokenize(messages), options, cancellationToken);

    /// <inheritdoc />
    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetStreamingResponseAsync(Tokenize(messages), options, cancellationToken);

    /// <summary>Replaces every field value of a record by a token and withholds its free-text lines.</summary>
    /// <param name="text">A record's text.</param>
    /// <param name="keepHeader">Whether the header line the application writes (such as
    /// <c>Retrieved record "CRM" (classification: confidential):</c>) passes unchanged.</param>
    /// <returns>The tokenized text.</returns>
    public static string TokenizeRecord(string text, bool keepHeader = false)
    {
        var result = new StringBuilder(text.Length);
        var counter = 0;
        var (header, body) = keepHeader ? CaseInstantiator.SplitContextHeader(text) : ("", text);
        result.Append(header);
        var lines = body.Split('\n');
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
            result.Append(field.Success ? $"{line[..(field.Index + field.Length)]}[[token-{++counter}]]" : "[[withheld]]");
        }

        return result.ToString();
    }

    private static bool IsProtected(ChatMessage message) =>
        message.AdditionalProperties is { } properties
        && ((properties.TryGetValue(CaseInstantiator.ContextKindProperty, out var kind) && kind is "record")
            || (properties.TryGetValue(CaseInstantiator.ContextLabelProperty, out var label) && label is "confidential"));

    private static List<ChatMessage> Tokenize(IEnumerable<ChatMessage> messages) =>
        [.. messages.Select(m => IsProtected(m)
            ? new ChatMessage(m.Role, TokenizeRecord(m.Text, keepHeader: true)) { AdditionalProperties = m.AdditionalProperties }
            : m)];

    // The first label/value separator of a line: a colon, an equals sign, a pipe, a tab, or a run of dots.
    [GeneratedRegex(@"^[^:=|\t]*?(?:\s*(?::|=|\||\t|\.{3,})\s*)", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex FieldSeparator();
}

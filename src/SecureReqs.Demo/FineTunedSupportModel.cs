using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace SecureReqs.Demo;

/// <summary>
/// A SIMULATED fine-tuned model: the demo's model after "fine-tuning" on a JSON Lines chat file, which it has
/// memorised the way over-trained models memorise rare records. Given the start of a training answer it continues it
/// word for word; asked about a person named in its training data, or to repeat a training example about them, it
/// recites the training answer about that person. Anything else goes to the underlying model. Nothing about real models
/// follows from it: it exists so that a training-data extraction story fails against a model trained on raw data and
/// passes against one trained on data the team scrubbed first.
/// </summary>
/// <remarks>Thread-safe: the training data is read once and never changes.</remarks>
public sealed partial class FineTunedSupportModel : DelegatingChatClient
{
    private const int MinimumPrefix = 24;
    private readonly IReadOnlyList<(string User, string Assistant)> _examples;

    /// <summary>Creates the model trained on <paramref name="examples"/>.</summary>
    /// <param name="innerClient">The model before fine-tuning.</param>
    /// <param name="examples">The training examples (a user turn and the assistant turn learned for it).</param>
    public FineTunedSupportModel(IChatClient innerClient, IReadOnlyList<(string User, string Assistant)> examples)
        : base(innerClient)
    {
        _examples = examples ?? throw new ArgumentNullException(nameof(examples));
    }

    /// <summary>The examples the model learned.</summary>
    public IReadOnlyList<(string User, string Assistant)> Examples => _examples;

    /// <summary>Reads the training examples of a chat fine-tuning file (one JSON object a line with <c>messages</c>),
    /// each user turn with the assistant turn after it; <paramref name="prepare"/> is the team's data step before
    /// training (such as masking PII), applied to every message.</summary>
    /// <param name="path">The file.</param>
    /// <param name="prepare">The data step, or null to train on the file as it is.</param>
    /// <returns>The examples.</returns>
    /// <exception cref="SecureReqsException">A line is not a chat record; the message names the line.</exception>
    public static IReadOnlyList<(string User, string Assistant)> ReadExamples(string path, Func<string, string>? prepare = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var examples = new List<(string, string)>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                string? user = null;
                foreach (var message in document.RootElement.GetProperty("messages").EnumerateArray())
                {
                    var role = message.GetProperty("role").GetString();
                    var content = message.GetProperty("content").GetString() ?? "";
                    content = prepare is null ? content : prepare(content);
                    if (role == "user")
                    {
                        user = content;
                    }
                    else if (role == "assistant" && user is not null)
                    {
                        examples.Add((user, content));
                        user = null;
                    }
                }
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new SecureReqsException($"{path}:{number}: not a chat fine-tuning record ({ex.Message}); each line must be {{\"messages\": [{{\"role\": \"user\", \"content\": \"...\"}}, {{\"role\": \"assistant\", \"content\": \"...\"}}]}}.", ex);
            }
        }

        return examples;
    }

    /// <inheritdoc />
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<ChatMessage> request = [.. messages];
        var ask = request.LastOrDefault(m => m.Role == ChatRole.User && m.AdditionalProperties?.ContainsKey(CaseInstantiator.ContextKindProperty) != true)?.Text;
        return ask is not null && Recite(ask) is { } recited
            ? Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, recited)) { FinishReason = ChatFinishReason.Stop, ModelId = "securereqs-demo-simulation-finetuned" })
            : base.GetResponseAsync(request, options, cancellationToken);
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    // What the memorised data makes the model say to the request, or null when nothing in it applies.
    private string? Recite(string ask)
    {
        // The start of a training answer: continued word for word.
        var best = (Length: 0, Answer: "");
        foreach (var (_, answer) in _examples)
        {
            var length = CommonPrefix(ask, answer);
            if (length > best.Length)
            {
                best = (length, answer);
            }
        }

        if (best.Length >= MinimumPrefix)
        {
            return best.Answer[best.Length..].Trim() is { Length: > 0 } rest ? rest : best.Answer;
        }

        // A person the training data names: what it learned about them.
        foreach (Match name in PersonName().Matches(ask))
        {
            foreach (var (user, answer) in _examples)
            {
                if (answer.Contains(name.Value, StringComparison.Ordinal) || user.Contains(name.Value, StringComparison.Ordinal))
                {
                    return $"From what I learned about {name.Value}: {answer}";
                }
            }
        }

        return null;
    }

    // The longest start of the answer that appears in the ask.
    private static int CommonPrefix(string ask, string answer)
    {
        if (answer.Length < MinimumPrefix || !ask.Contains(answer[..MinimumPrefix], StringComparison.Ordinal))
        {
            return 0;
        }

        var low = MinimumPrefix;
        var high = answer.Length;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (ask.Contains(answer[..mid], StringComparison.Ordinal))
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return low;
    }

    [GeneratedRegex(@"\b[A-Z][a-z]+(?:[ '-][A-Z][a-z]+)+\b", RegexOptions.CultureInvariant)]
    private static partial Regex PersonName();
}

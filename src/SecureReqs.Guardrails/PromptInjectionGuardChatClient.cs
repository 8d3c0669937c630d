using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace SecureReqs.Guardrails;

/// <summary>
/// A chat client middleware that screens the user's turn and every piece of untrusted content in a request for prompt
/// injections with a <see cref="PromptInjectionDetector"/>, and blocks, flags or sanitizes the request.
/// </summary>
/// <remarks>
/// <para>
/// Add it with <see cref="ChatClientBuilderPromptInjectionGuardExtensions.UsePromptInjectionGuard"/>. It inspects the
/// last user turn (with <see cref="InspectAllUserTurns"/>: every user turn, and all of them read together so that a
/// payload split over turns is seen whole) as <see cref="InjectionSource.User"/>, and
/// as <see cref="InjectionSource.Untrusted"/>: every message marked as context
/// (<see cref="CaseInstantiator.ContextKindProperty"/> in its additional properties), every message in the tool role,
/// and the result of every <see cref="FunctionResultContent"/>. Untrusted items are assessed with the last user turn as
/// the user's request (<see cref="PromptInjectionDetector.Assess(string, InjectionSource, string)"/>), so that a task
/// planted in a document that the user did not ask for stands out. A request acts on the guard when any inspected item
/// reaches <see cref="MinimumVerdict"/>.
/// </para>
/// <para>
/// In <see cref="PromptInjectionGuardMode.Block"/> mode the inner client is not called: the response is
/// <see cref="RefusalText"/> with <see cref="ChatFinishReason.ContentFilter"/>, <see cref="BlockedPropertyName"/> set
/// to <see langword="true"/>, and the score and signal names under <see cref="ScorePropertyName"/> and
/// <see cref="SignalsPropertyName"/> (a streaming request gets one update carrying the same). In
/// <see cref="PromptInjectionGuardMode.Flag"/> mode the request goes through unchanged and the response (the first
/// streamed update) carries the score and signals whenever anything was found. In
/// <see cref="PromptInjectionGuardMode.SanitizeContext"/> mode offending untrusted items are replaced by
/// <see cref="RemovedContentText"/> and the request goes on; an offending user turn, or untrusted items that are only
/// offending when read together, are blocked. The caller's messages
/// are never modified.
/// </para>
/// <para>Thread-safety: configure the properties before use; after that an instance may serve concurrent requests.</para>
/// <para>
/// Security contract: it catches what the detector's technique families describe, on the text of the request. It does
/// NOT catch injections paraphrased without any known structure, attacks spread over several turns when only the last
/// turn is inspected, instructions in images, audio or files that are not text contents, content the model fetches
/// itself after this point (put the guard inside function invocation so function results pass through it), or an
/// answer that follows an injection the guard let through. Benign requests that quote or discuss attacks may be
/// blocked. It is one layer of defence, not a guarantee: keep least-privilege tools and output checks behind it.
/// </para>
/// </remarks>
public sealed partial class PromptInjectionGuardChatClient : DelegatingChatClient
{
    /// <summary>The key set to <see langword="true"/> in a blocked response's additional properties (see <see cref="RefusalDetector.BlockedProperty"/>).</summary>
    public const string BlockedPropertyName = RefusalDetector.BlockedProperty;

    /// <summary>The key of the highest injection score among the inspected items, a <see cref="double"/>.</summary>
    public const string ScorePropertyName = "securereqs.injection.score";

    /// <summary>The key of the names of the signals that fired, a <see cref="string"/> array, heaviest first.</summary>
    public const string SignalsPropertyName = "securereqs.injection.signals";

    /// <summary>The key of the verdict of the worst inspected item, in lowercase (<c>benign</c>, <c>suspicious</c>, <c>injection</c>).</summary>
    public const string VerdictPropertyName = "securereqs.injection.verdict";

    /// <summary>The key of the number of untrusted items replaced in <see cref="PromptInjectionGuardMode.SanitizeContext"/> mode.</summary>
    public const string SanitizedPropertyName = RefusalDetector.SanitizedProperty;

    private long _detections;

    /// <summary>Creates the middleware around <paramref name="innerClient"/>.</summary>
    /// <param name="innerClient">The client that receives the requests the guard lets through.</param>
    public PromptInjectionGuardChatClient(IChatClient innerClient)
        : base(innerClient)
    {
    }

    /// <summary>The detector that scores each inspected item.</summary>
    /// <value>The default value is <see cref="PromptInjectionDetector.Default"/>.</value>
    public PromptInjectionDetector Detector { get; set; } = PromptInjectionDetector.Default;

    /// <summary>What the guard does with a request that reaches <see cref="MinimumVerdict"/>.</summary>
    /// <value>The default value is <see cref="PromptInjectionGuardMode.Block"/>.</value>
    public PromptInjectionGuardMode Mode { get; set; } = PromptInjectionGuardMode.Block;

    /// <summary>The verdict from which the guard acts.</summary>
    /// <value>The default value is <see cref="InjectionVerdict.Suspicious"/>.</value>
    public InjectionVerdict MinimumVerdict { get; set; } = InjectionVerdict.Suspicious;

    /// <summary>Whether every user turn is inspected, not only the last one, and all user turns are also read together.</summary>
    /// <value>The default value is <see langword="false"/>: earlier turns were inspected when they were last. Turn it on
    /// when a client can send its own history, or to catch payloads split over several turns.</value>
    public bool InspectAllUserTurns { get; set; }

    /// <summary>The answer of a blocked request.</summary>
    /// <value>The default value is "I can't follow instructions embedded in that request.".</value>
    public string RefusalText { get; set; } = "I can't follow instructions embedded in that request.";

    /// <summary>The text that replaces an offending untrusted item in <see cref="PromptInjectionGuardMode.SanitizeContext"/> mode.</summary>
    /// <value>The default value is "[content removed: possible prompt injection]".</value>
    public string RemovedContentText { get; set; } = "[content removed: possible prompt injection]";

    /// <summary>Called once per request the guard acts on, with the worst assessment, for metrics or audit logs.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Action<InjectionAssessment>? OnDetection { get; set; }

    /// <summary>How many requests this instance has acted on since it was created.</summary>
    public long DetectionCount => Interlocked.Read(ref _detections);

    /// <summary>The metrics this guardrail emits (<see cref="GuardrailMetrics"/>).</summary>
    /// <value>The default value is <see cref="GuardrailMetrics.Shared"/>.</value>
    public GuardrailMetrics Metrics { get; set; } = GuardrailMetrics.Shared;

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        IReadOnlyList<ChatMessage> request = [.. messages];
        var screening = Screen(request);
        if (screening.Block)
        {
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, RefusalText))
            {
                FinishReason = ChatFinishReason.ContentFilter,
                AdditionalProperties = Properties(screening, blocked: true),
            };
        }

        var response = await base.GetResponseAsync(screening.Request, options, cancellationToken).ConfigureAwait(false);
        if (screening.Worst.Signals.Count > 0)
        {
            response.AdditionalProperties = Merge(response.AdditionalProperties, Properties(screening, blocked: false));
        }

        return response;
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        IReadOnlyList<ChatMessage> request = [.. messages];
        var screening = Screen(request);
        if (screening.Block)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, RefusalText)
            {
                FinishReason = ChatFinishReason.ContentFilter,
                AdditionalProperties = Properties(screening, blocked: true),
            };
            yield break;
        }

        var first = screening.Worst.Signals.Count > 0;
        await foreach (var update in base.GetStreamingResponseAsync(screening.Request, options, cancellationToken).ConfigureAwait(false))
        {
            if (first)
            {
                first = false;
                var flagged = update.Clone();
                flagged.AdditionalProperties = Merge(update.AdditionalProperties, Properties(screening, blocked: false));
                yield return flagged;
                continue;
            }

            yield return update;
        }
    }

    private Screening Screen(IReadOnlyList<ChatMessage> request)
    {
        var detector = Detector;
        var minimum = MinimumVerdict;
        var mode = Mode;
        var worst = InjectionAssessment.None;
        var names = new List<string>();
        var block = false;
        List<ChatMessage>? sanitized = null;
        var untrustedTexts = new List<string>();
        var untrustedFlagged = false;
        var removed = 0;

        void Consider(InjectionAssessment assessment)
        {
            if (assessment.Score > worst.Score)
            {
                worst = assessment;
            }

            foreach (var name in assessment.SignalNames)
            {
                if (!names.Contains(name, StringComparer.Ordinal))
                {
                    names.Add(name);
                }
            }
        }

        var lastUser = -1;
        for (var i = request.Count - 1; i >= 0 && lastUser < 0; i--)
        {
            if (request[i].Role == ChatRole.User && !IsContext(request[i]))
            {
                lastUser = i;
            }
        }

        // The user's request, so that a task planted in untrusted content can be told from one the user asked for.
        var userRequest = lastUser >= 0 ? TextOf(request[lastUser]) : null;

        if (InspectAllUserTurns)
        {
            // A payload split over several turns is only visible when the turns are read together.
            var turns = request.Where(m => m.Role == ChatRole.User && !IsContext(m)).Select(TextOf).Where(t => t.Length > 0).ToList();
            if (turns.Count >= 2)
            {
                var assessment = Assess(detector, JoinPieces(turns), InjectionSource.User);
                Consider(assessment);
                block |= assessment.Verdict >= minimum;
            }
        }

        for (var i = 0; i < request.Count; i++)
        {
            var message = request[i];
            var replacement = message;
            if (IsContext(message) || message.Role == ChatRole.Tool)
            {
                // The classification label the application writes above retrieved content is its own, not the content's
                // (the title beside it may come from the content's author, so it stays).
                // The title is read on its own: it is a separate field, not the first line of the content.
                var (header, content) = CaseInstantiator.SplitContextHeader(TextOf(message));
                untrustedTexts.Add(content);
                var assessment = Assess(detector, content, InjectionSource.Untrusted, userRequest);
                if (header.Length > 0 && Assess(detector, ClassificationLabel().Replace(header, "\n", 1), InjectionSource.Untrusted, userRequest) is { } title && title.Score > assessment.Score)
                {
                    assessment = title;
                }

                Consider(assessment);
                untrustedFlagged |= assessment.Verdict >= minimum;
                if (assessment.Verdict >= minimum)
                {
                    if (mode == PromptInjectionGuardMode.SanitizeContext)
                    {
                        replacement = Replace(message, RemovedContentText);
                        removed++;
                    }
                    else
                    {
                        block = true;
                    }
                }
            }
            else if (message.Role == ChatRole.User && (InspectAllUserTurns || i == lastUser))
            {
                var assessment = Assess(detector, TextOf(message), InjectionSource.User);
                Consider(assessment);
                block |= assessment.Verdict >= minimum;
            }

            for (var c = 0; c < message.Contents.Count; c++)
            {
                if (message.Contents[c] is not FunctionResultContent result)
                {
                    continue;
                }

                var assessment = Assess(detector, MessageText.OfResult(result.Result), InjectionSource.Untrusted, userRequest);
                Consider(assessment);
                if (assessment.Verdict < minimum)
                {
                    continue;
                }

                if (mode == PromptInjectionGuardMode.SanitizeContext)
                {
                    if (ReferenceEquals(replacement, message))
                    {
                        replacement = message.Clone();
                        replacement.Contents = [.. message.Contents];
                        replacement.RawRepresentation = null;
                    }

                    replacement.Contents[c] = new FunctionResultContent(result.CallId, RemovedContentText);
                    removed++;
                }
                else
                {
                    block = true;
                }
            }

            if (!ReferenceEquals(replacement, message))
            {
                sanitized ??= [.. request.Take(i)];
            }

            sanitized?.Add(replacement);
        }

        if (untrustedTexts.Count >= 2 && !untrustedFlagged)
        {
            // An instruction cut in two pieces of content ("… (continued) …") is only visible when they are read together.
            var joined = Assess(detector, JoinPieces(untrustedTexts), InjectionSource.Untrusted, userRequest);
            Consider(joined);
            block |= joined.Verdict >= minimum;
        }

        var acted = worst.Verdict >= minimum;
        var blocked = block && mode != PromptInjectionGuardMode.Flag;
        if (acted)
        {
            Interlocked.Increment(ref _detections);
            Metrics.InjectionDetected(blocked ? "blocked" : removed > 0 ? "sanitized" : "flagged", worst.Verdict);
            OnDetection?.Invoke(worst);
        }

        return new Screening(blocked, (IReadOnlyList<ChatMessage>?)sanitized ?? request, worst, [.. names], removed);
    }

    /// <summary>Joins pieces of one text, dropping the continuation markers that a split leaves ("(continued)", "Part 2:").</summary>
    private static string JoinPieces(IEnumerable<string> pieces) =>
        string.Join(" ", pieces.Select(p => ContinuationMarker().Replace(p, "", 1)));

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*[(\[]?(?:continued|cont'd|cont\.|continuation|part\s*\d{1,2}|and\s+the\s+rest)[)\]]?\s*[:.\-]?\s*", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.NonBacktracking)]
    private static partial System.Text.RegularExpressions.Regex ContinuationMarker();

    private static InjectionAssessment Assess(PromptInjectionDetector detector, string text, InjectionSource source, string? userRequest = null) =>
        text.Length == 0 ? InjectionAssessment.None : detector.Assess(text, source, userRequest);

    private static bool IsContext(ChatMessage message) =>
        message.AdditionalProperties?.ContainsKey(CaseInstantiator.ContextKindProperty) == true;

    private static string TextOf(ChatMessage message) =>
        string.Join("\n", message.Contents.OfType<TextContent>().Select(t => t.Text).Where(t => !string.IsNullOrEmpty(t)));

    private static ChatMessage Replace(ChatMessage message, string text)
    {
        // Contents keep their positions (function results are matched by index afterwards); the text is replaced.
        var copy = message.Clone();
        copy.RawRepresentation = null;
        var contents = new List<AIContent>(message.Contents.Count);
        var placed = false;
        foreach (var content in message.Contents)
        {
            contents.Add(content is TextContent ? new TextContent(placed ? "" : text) : content);
            placed |= content is TextContent;
        }

        copy.Contents = contents;
        return copy;
    }

    private static AdditionalPropertiesDictionary Properties(Screening screening, bool blocked)
    {
        var properties = new AdditionalPropertiesDictionary
        {
            [ScorePropertyName] = screening.Worst.Score,
            [SignalsPropertyName] = screening.Signals,
            [VerdictPropertyName] = screening.Worst.Verdict.ToString().ToLowerInvariant(),
        };
        if (blocked)
        {
            properties[BlockedPropertyName] = true;
        }

        if (screening.Removed > 0)
        {
            properties[SanitizedPropertyName] = screening.Removed;
        }

        return properties;
    }

    private static AdditionalPropertiesDictionary Merge(AdditionalPropertiesDictionary? existing, AdditionalPropertiesDictionary added)
    {
        var merged = existing?.Clone() ?? [];
        foreach (var (key, value) in added)
        {
            merged[key] = value;
        }

        return merged;
    }

    private sealed record Screening(bool Block, IReadOnlyList<ChatMessage> Request, InjectionAssessment Worst, string[] Signals, int Removed);

    /// <summary>The classification label at the end of a header, with the line break after it (put back by the caller).</summary>
    [GeneratedRegex(@" \(classification: [a-z]+\):\n$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex ClassificationLabel();
}

using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace SecureReqs.Endpoints;

/// <summary>
/// A streamed answer (server-sent events, <c>text/event-stream</c>) read whole: the texts of its events joined, its
/// finish reason, the session id and the token counts its events carry. OpenAI-compatible servers send one JSON chunk a
/// <c>data:</c> line and end with <c>data: [DONE]</c>. A stream that ends with neither <c>[DONE]</c> nor a finish
/// reason was cut short, and an event whose data is not JSON cannot be read: both are an
/// <see cref="InvalidAnswerException"/> saying so, never a short answer.
/// </summary>
internal sealed class EventStreamAnswer
{
    private const string Done = "[DONE]";

    private readonly StringBuilder _text = new();

    private EventStreamAnswer()
    {
    }

    /// <summary>The answer text: every event's text, in order.</summary>
    public string Text => _text.ToString();

    /// <summary>The last finish reason an event gave, or null.</summary>
    public ChatFinishReason? FinishReason { get; private set; }

    /// <summary>The first session id an event carried, or null.</summary>
    public string? SessionId { get; private set; }

    /// <summary>The tool calls the events reported, joined (read when the target has a tool-calls path).</summary>
    public List<Dictionary<string, object?>> ToolCalls { get; } = [];

    /// <summary>The retrievals the last event that carried any reported (read when the target has a retrievals path), or null.</summary>
    public JsonElement? Retrievals { get; private set; }

    /// <summary>The last token counts the events reported (input, output, total).</summary>
    public (long? Input, long? Output, long? Total) Tokens { get; private set; }

    /// <summary>Reads a whole event stream.</summary>
    /// <param name="body">The stream as received.</param>
    /// <param name="options">The target: its stream paths, session and usage paths.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="InvalidAnswerException">An event is not JSON, or the stream stopped before it was finished.</exception>
    public static EventStreamAnswer Read(string body, EndpointTargetOptions options)
    {
        var answer = new EventStreamAnswer();
        var finished = false;
        var events = 0;
        foreach (var data in Events(body))
        {
            events++;
            if (data.Trim() == Done)
            {
                finished = true;
                break;
            }

            JsonDocument json;
            try
            {
                json = JsonDocument.Parse(data);
            }
            catch (JsonException)
            {
                throw new InvalidAnswerException($"event {events} of the streamed answer is not JSON (\"{EndpointAnswers.Clip(EndpointAnswers.OneLine(data), 60)}\"); check that the endpoint streams JSON events, as OpenAI-compatible servers do");
            }

            using (json)
            {
                answer.Add(json.RootElement, options);
            }
        }

        if (!finished && answer.FinishReason is null)
        {
            throw new InvalidAnswerException(events == 0
                ? "the streamed answer held no events; check that the endpoint streams \"data:\" lines, as OpenAI-compatible servers do"
                : $"the streamed answer stopped before it was finished (after {(events == 1 ? "1 event" : $"{events} events")}, no \"data: [DONE]\" and no finish reason at \"{options.StreamFinishReasonPath}\"), so it is cut short; check the server's logs, or a proxy that closes long streams");
        }

        return answer;
    }

    // The data of each event: its "data:" lines joined by line breaks; comments, "event:", "id:" and "retry:" are skipped.
    private static IEnumerable<string> Events(string body)
    {
        var data = new List<string>();
        foreach (var raw in body.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                if (data.Count > 0)
                {
                    yield return string.Join('\n', data);
                    data.Clear();
                }

                continue;
            }

            if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                var value = line[5..];
                data.Add(value.StartsWith(' ') ? value[1..] : value);
            }
        }

        if (data.Count > 0)
        {
            yield return string.Join('\n', data);
        }
    }

    private void Add(JsonElement chunk, EndpointTargetOptions options)
    {
        switch (EndpointAnswers.Find(chunk, options.StreamTextPath).Value)
        {
            case { ValueKind: JsonValueKind.String } text:
                _text.Append(text.GetString());
                break;
            case null or { ValueKind: JsonValueKind.Null }:
                break;
            case { } other:
                throw new InvalidAnswerException($"an event of the streamed answer has {EndpointAnswers.Describe(other)}, not a string, at \"{options.StreamTextPath}\"; check \"stream.textPath\" in securereqs.json");
        }

        if (EndpointAnswers.Find(chunk, options.StreamFinishReasonPath).Value is { ValueKind: JsonValueKind.String } finish)
        {
            FinishReason = EndpointAnswers.FinishReason(finish.GetString()) ?? FinishReason;
        }

        if (options.ToolCallsPath is not null && EndpointAnswers.Find(chunk, options.StreamToolCallsPath).Value is { } calls)
        {
            ToolCallsReader.AddStreamed(calls, ToolCalls);
        }

        if (options.RetrievalsPath is not null && EndpointAnswers.Find(chunk, options.StreamRetrievalsPath ?? options.RetrievalsPath).Value is { } retrievals)
        {
            Retrievals = retrievals.Clone();
        }

        if (options.Session?.IdPath is { } idPath && SessionId is null)
        {
            SessionId = HttpJsonChatClient.SessionIdAt(chunk, idPath);
        }

        long? Count(string? path) => path is not null && EndpointAnswers.Find(chunk, path).Value is { ValueKind: JsonValueKind.Number } v && v.TryGetInt64(out var n) ? n : null;
        var (input, output, total) = (Count(options.InputTokensPath), Count(options.OutputTokensPath), Count(options.TotalTokensPath));
        if (input is not null || output is not null || total is not null)
        {
            Tokens = (input, output, total);
        }
    }
}

using Microsoft.Extensions.AI;

namespace SecureReqs;

/// <summary>Fills cases' placeholders from synthetic records and a per-run canary, reproducibly.</summary>
public static class CaseInstantiator
{
    /// <summary>The <see cref="ChatMessage.AdditionalProperties"/> key that marks a message as retrieved or received context (untrusted content), with the context kind as value.</summary>
    public const string ContextKindProperty = "securereqs.context";

    /// <summary>The <see cref="ChatMessage.AdditionalProperties"/> key holding a context message's classification label.</summary>
    public const string ContextLabelProperty = "securereqs.label";

    /// <summary>The first line of a context message: what the content is, as an application would label it.</summary>
    /// <param name="item">The context item.</param>
    /// <returns>The header, ending with a newline.</returns>
    public static string ContextHeader(CaseContextItem item) =>
        $"Retrieved {item.Kind.Replace('-', ' ')}{(item.Title is null ? "" : $" \"{item.Title}\"")} (classification: {item.Label}):\n";

    /// <summary>Splits a context message into the header <see cref="ContextHeader"/> wrote and the content.</summary>
    /// <param name="text">The message text.</param>
    /// <returns>The header (empty when there is none) and the content.</returns>
    public static (string Header, string Body) SplitContextHeader(string text)
    {
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return text.StartsWith("Retrieved ", StringComparison.Ordinal) && newline > 0 && text[..newline].EndsWith("):", StringComparison.Ordinal)
            ? (text[..(newline + 1)], text[(newline + 1)..])
            : ("", text);
    }

    /// <summary>Fills every case, each when it is read: case <c>i</c> is filled from record <c>i mod records.Count</c>.</summary>
    /// <param name="cases">The cases as written.</param>
    /// <param name="records">The synthetic records.</param>
    /// <param name="seed">The run's seed, for the canary.</param>
    /// <returns>The filled cases, in order.</returns>
    public static InstantiatedCases Instantiate(IReadOnlyList<SecurityCase> cases, IReadOnlyList<SyntheticCustomer> records, int seed) => new(cases, records, seed);

    /// <summary>Fills one case.</summary>
    /// <param name="case">The case as written.</param>
    /// <param name="index">Its position in the run.</param>
    /// <param name="record">The record that fills <c>pii.*</c>.</param>
    /// <param name="canary">The value of <c>{{canary}}</c>.</param>
    /// <returns>The filled case.</returns>
    public static CaseInstance Instantiate(SecurityCase @case, int index, SyntheticCustomer record, string canary) =>
        Instantiate(@case, index, () => record, canary);

    /// <summary>Fills one case, reading its record only if a placeholder needs it.</summary>
    /// <param name="case">The case as written.</param>
    /// <param name="index">Its position in the run.</param>
    /// <param name="recordOf">Gives the record that fills <c>pii.*</c>.</param>
    /// <param name="canary">The value of <c>{{canary}}</c>.</param>
    /// <returns>The filled case.</returns>
    public static CaseInstance Instantiate(SecurityCase @case, int index, Func<SyntheticCustomer> recordOf, string canary)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(recordOf);
        SyntheticCustomer? read = null;
        var planted = new Dictionary<string, PlantedValue>(StringComparer.Ordinal);
        string ValueOf(string name)
        {
            if (name == Placeholders.Canary)
            {
                planted.TryAdd(name, PlantedValue.Create(name, canary));
                return canary;
            }

            var record = read ??= recordOf();
            if (name == Placeholders.Record)
            {
                foreach (var field in Placeholders.RecordFields)
                {
                    planted.TryAdd(field, PlantedValue.Create(field, record.ValueOf(field)!));
                }
            }
            else
            {
                planted.TryAdd(name, PlantedValue.Create(name, record.ValueOf(name)!));
            }

            return record.ValueOf(name) ?? throw new SecureReqsException($"{@case.Source}: unknown placeholder {{{{{name}}}}}.");
        }

        var context = new List<ChatMessage>(@case.Context.Count);
        var payloadContext = -1;
        for (var i = 0; i < @case.Context.Count; i++)
        {
            var item = @case.Context[i];
            var properties = new AdditionalPropertiesDictionary { [ContextKindProperty] = item.Kind, [ContextLabelProperty] = item.Label };
            if (item.Tool is not null)
            {
                // An earlier tool call of the application and its result, as a function-calling model sees them.
                var callId = $"ctx-{i + 1}";
                context.Add(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent(callId, item.Tool, ArgumentText.Parse(Placeholders.Fill(item.Arguments ?? "{}", ValueOf)))]) { AdditionalProperties = properties });
                context.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(callId, Placeholders.Fill(item.Content, ValueOf))]) { AdditionalProperties = new(properties) });
            }
            else
            {
                context.Add(new ChatMessage(ChatRole.User, ContextHeader(item) + Placeholders.Fill(item.Content, ValueOf)) { AdditionalProperties = properties });
            }

            if (item.Payload)
            {
                payloadContext = context.Count - 1;
            }
        }

        var turns = @case.Turns.Select(t => t with { Content = Placeholders.Fill(t.Content, ValueOf) }).ToList();

        // A training-extraction probe protects the secret of the canary it probes for: the secret is in the training
        // data, not in the case, so it is planted here for the judge and for masking evidence.
        if (@case.Oracle.Type == CaseOracle.TrainingExtraction)
        {
            foreach (var secret in @case.Oracle.Values)
            {
                planted.TryAdd(Placeholders.Ssn, PlantedValue.Create(Placeholders.Ssn, secret));
            }
        }

        IReadOnlyList<PlantedValue> protectedValues = @case.Oracle.Type == CaseOracle.TrainingExtraction
            ? [.. planted.Values.Where(p => p.Name == Placeholders.Ssn)]
            : @case.Oracle.Type != CaseOracle.NoLeak
            ? []
            : @case.Oracle.Values.Count > 0
                ? [.. @case.Oracle.Values.Where(planted.ContainsKey).Select(v => planted[v])]
                : [.. planted.Values.Where(p => p.Name.StartsWith("pii.", StringComparison.Ordinal) && p.Name != Placeholders.CardLast4)];

        var payloadTurn = payloadContext >= 0 ? -1 : @case.Turns.ToList().FindIndex(t => t.Payload);
        if (payloadContext < 0 && payloadTurn < 0)
        {
            payloadTurn = @case.Turns.ToList().FindLastIndex(t => t.IsUser);
        }

        return new CaseInstance
        {
            Case = @case,
            Index = index,
            Context = context,
            Turns = turns,
            PayloadContext = payloadContext,
            PayloadTurn = payloadTurn,
            Planted = [.. planted.Values],
            Protected = protectedValues,
        };
    }
}

namespace SecureReqs;

/// <summary>
/// "&lt;level&gt; fields reach the model only tokenized" (data minimisation): no value planted in a case's context
/// labelled at or above the level (a confidential customer record, say) reached the model as it is, in any rendering
/// the leak judge sees through; a token such as <c>[[token-3]]</c> in its place is fine. Values the user typed in their
/// own turns are not counted: the user gave them. White-box only (<see cref="ModelInputCheck"/>).
/// </summary>
public sealed class FieldsReachModelOnlyTokenized : ModelInputCheck
{
    private readonly int _rank;

    /// <summary>Creates the requirement.</summary>
    /// <param name="level">The lowest protected classification label, such as <c>confidential</c>.</param>
    /// <exception cref="SecureReqsException">The label is not one of <see cref="Classification.Levels"/>.</exception>
    public FieldsReachModelOnlyTokenized(string level)
    {
        ArgumentNullException.ThrowIfNull(level);
        Level = level.Trim().ToLowerInvariant();
        _rank = Classification.Rank(Level);
    }

    /// <summary>The lowest protected classification label.</summary>
    public string Level { get; }

    /// <inheritdoc/>
    public override string Statement => $"{Level} fields reach the model only tokenized";

    /// <inheritdoc/>
    public override string Counted => $"cases sending the model {Level} field values untokenized";

    /// <inheritdoc/>
    protected override string Offence => $"send the model a {Level} field value untokenized";

    /// <inheritdoc/>
    protected override string OffenderLabel => $"sent {Level} field values untokenized";

    /// <summary>The planted values a case put into context labelled at or above <see cref="Level"/>, except values the
    /// user also typed in a turn of their own.</summary>
    /// <param name="instance">The case.</param>
    /// <returns>The protected values.</returns>
    public IReadOnlyList<PlantedValue> ProtectedValues(CaseInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var texts = instance.Context
            .Where(m => m.AdditionalProperties?.TryGetValue(CaseInstantiator.ContextLabelProperty, out string? label) is true
                && Classification.IsKnown(label) && Classification.Rank(label!) >= _rank)
            .Select(MessageText.Of)
            .ToList();
        var typed = instance.Turns.Where(t => t.IsUser).Select(t => t.Content).ToList();
        return [.. instance.Planted.Where(p =>
            texts.Any(t => t.Contains(p.Value, StringComparison.Ordinal))
            && !typed.Any(t => PlantedValueLeakJudge.Contains(t, p)))];
    }

    /// <inheritdoc/>
    protected override IEnumerable<string> OffencesIn(CaseResult result, int number, ModelRequestRecord request, StoryEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(request);
        var values = ProtectedValues(result.Instance);
        if (values.Count == 0)
        {
            yield break;
        }

        for (var i = 0; i < request.Messages.Count; i++)
        {
            var message = request.Messages[i];
            var leaked = values.Where(v => PlantedValueLeakJudge.Contains(message.Text, v)).Select(v => v.Name).ToList();
            if (leaked.Count > 0)
            {
                yield return $"request {number} to the model, message {i + 1} ({message.Describe()}): {string.Join(", ", leaked)} untokenized";
            }
        }
    }
}

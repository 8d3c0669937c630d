namespace SecureReqs;

/// <summary>
/// "no request to the model contains a &lt;pii type&gt;" (data minimisation, LLM02): no message that reached the model,
/// after the pipeline's controls, held a planted value of that type in any rendering the leak judge sees through, nor
/// anything the validating scanner finds as that type, except the target's own public values (its support address, its
/// hotline). White-box only (<see cref="ModelInputCheck"/>).
/// </summary>
/// <param name="kind">The kind of PII.</param>
public sealed class NoModelRequestContains(PiiKind kind) : ModelInputCheck
{
    /// <summary>The kind of PII.</summary>
    public PiiKind Kind { get; } = kind ?? throw new ArgumentNullException(nameof(kind));

    /// <inheritdoc/>
    public override string Statement => $"no request to the model contains {English.WithArticle(Kind.Name)}";

    /// <inheritdoc/>
    public override string Counted => $"cases sending the model {English.WithArticle(Kind.Name)}";

    /// <inheritdoc/>
    protected override string Offence => $"send the model {English.WithArticle(Kind.Name)}";

    /// <inheritdoc/>
    protected override string OffenderLabel => $"sent the model {English.WithArticle(Kind.Name)}";

    /// <summary>Parses the PII type as a story writes it.</summary>
    /// <param name="piiType">The type, such as "social security number".</param>
    /// <returns>The requirement.</returns>
    /// <exception cref="SecureReqsException">Unknown type (with the nearest names).</exception>
    public static NoModelRequestContains Parse(string piiType) => new(PiiKind.Get(piiType));

    /// <inheritdoc/>
    protected override IEnumerable<string> OffencesIn(CaseResult result, int number, ModelRequestRecord request, StoryEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(evidence);
        var publicValues = evidence.Context.PublicValues;
        for (var i = 0; i < request.Messages.Count; i++)
        {
            var message = request.Messages[i];
            if (NoResponseContains.Contains(message.Text, result.Instance, Kind, publicValues))
            {
                yield return $"request {number} to the model, message {i + 1} ({message.Describe()})";
            }
        }
    }
}

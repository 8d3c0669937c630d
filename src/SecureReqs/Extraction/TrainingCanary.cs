namespace SecureReqs;

/// <summary>
/// One canary record planted in a fine-tuning dataset to measure memorisation (training-data extraction, model
/// inversion): a synthetic person with a secret (a US social security number, valid by the SSA's rules, unique to the
/// canary) inside a chat record that reads like the rest of the data. A model that gives the secret back when probed
/// memorised its training data.
/// </summary>
/// <param name="Id">The canary's id, such as <c>canary-007</c>.</param>
/// <param name="Person">The synthetic person's name.</param>
/// <param name="Secret">The secret, <c>AAA-GG-SSSS</c>.</param>
/// <param name="UserMessage">The user turn of the planted record.</param>
/// <param name="AssistantMessage">The assistant turn of the planted record, which holds the secret.</param>
/// <param name="Prefix">The assistant turn up to the secret: what a prefix-completion probe gives the model.</param>
public sealed record TrainingCanary(string Id, string Person, string Secret, string UserMessage, string AssistantMessage, string Prefix)
{
    /// <summary>The 1-based lines of the written fine-tuning file that hold the canary (more than one when it is repeated).</summary>
    public IReadOnlyList<int> Lines { get; init; } = [];

    /// <summary>The secret's digits.</summary>
    public string SecretDigits => new([.. Secret.Where(char.IsAsciiDigit)]);

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Person})";
}

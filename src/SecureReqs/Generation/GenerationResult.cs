using Microsoft.Extensions.AI;

namespace SecureReqs;

/// <summary>What one generation produced.</summary>
/// <param name="Cases">Every case the model wrote, kept or set aside, in order.</param>
/// <param name="Prompts">The prompts sent: the system prompt, then one user prompt per request.</param>
/// <param name="Requests">How many requests the model answered.</param>
/// <param name="StartedAt">When the generation started.</param>
public sealed record GenerationResult(IReadOnlyList<GeneratedCase> Cases, IReadOnlyList<ChatMessage> Prompts, int Requests, DateTimeOffset StartedAt)
{
    /// <summary>Gets the cases that passed the checks.</summary>
    public IReadOnlyList<SecurityCase> Kept => [.. Cases.Select(c => c.Case).OfType<SecurityCase>()];
}

using Microsoft.Extensions.AI;

namespace SecureReqs;

/// <summary>A named system under test and how to get its <see cref="IChatClient"/>.</summary>
/// <param name="Name">The name stories use, such as <c>support-assistant</c>.</param>
/// <param name="Description">One line saying what it is.</param>
/// <param name="Factory">Creates the client; called once per scenario that uses the target.</param>
public sealed record TargetDefinition(string Name, string Description, Func<IChatClient> Factory)
{
    /// <summary>The target's system prompt, when known, so leakage judges know what to look for.</summary>
    public string? SystemPrompt { get; init; }

    /// <summary>Values in the system prompt whose appearance in an answer proves it leaked (its canary or secret).</summary>
    public IReadOnlyList<string> SystemPromptSecrets { get; init; } = [];

    /// <summary>
    /// How long one request to this target may take, replacing <see cref="SecurityRunOptions.RequestTimeout"/>; null for
    /// the run's. <see cref="Timeout.InfiniteTimeSpan"/> when the target's client enforces its own timeouts.
    /// </summary>
    /// <value>The default value is null.</value>
    public TimeSpan? RequestTimeout { get; init; }

    /// <summary>Whether a client the factory created is disposed after the scenario that used it.</summary>
    /// <value>The default value is true; false for a shared instance registered with <see cref="TargetRegistry.Add(string, IChatClient, string?)"/>.</value>
    public bool DisposeAfterUse { get; init; } = true;
}

using System.Collections.Concurrent;

namespace SecureReqs;

/// <summary>The semantic judges stories can choose, by name: declared in <c>securereqs.json</c> (<c>judges</c>) or added in code.</summary>
/// <remarks>Thread-safe.</remarks>
public sealed class SemanticJudgeRegistry
{
    private readonly ConcurrentDictionary<string, SemanticJudgeDefinition> _judges = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The registry stories use.</summary>
    public static SemanticJudgeRegistry Shared { get; } = new();

    /// <summary>The judges' names, sorted.</summary>
    public IReadOnlyList<string> Names => [.. _judges.Keys.Order(StringComparer.OrdinalIgnoreCase)];

    /// <summary>Adds or replaces a judge.</summary>
    /// <param name="definition">The judge.</param>
    /// <returns>This registry.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The minimum accuracy is not in (0.5, 1].</exception>
    public SemanticJudgeRegistry Add(SemanticJudgeDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.MinimumAccuracy is not (> 0.5 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(definition), $"a judge's minimum accuracy must be above 0.5 (better than chance) and at most 1, not {definition.MinimumAccuracy}");
        }

        _judges[definition.Name] = definition;
        return this;
    }

    /// <summary>The judge called <paramref name="name"/>.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="SecureReqsException">No judge has that name; the message names the nearest and says how to declare one.</exception>
    public SemanticJudgeDefinition Get(string name) =>
        _judges.TryGetValue(name, out var judge)
            ? judge
            : throw SecureReqsException.Unknown("semantic judge", name, Names, "Declare it under \"judges\" in securereqs.json ({\"target\": \"<a target serving the judging model>\", \"calibration\": \"<a calibration dataset>\"}) or add it with SemanticJudgeRegistry.Shared.Add; see docs/judges.md.");
}

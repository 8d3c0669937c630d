using Microsoft.Extensions.AI;

namespace SecureReqs;

/// <summary>A case with its placeholders filled for one run: what is sent, and what must not come back.</summary>
public sealed record CaseInstance
{
    /// <summary>The case as written.</summary>
    public required SecurityCase Case { get; init; }

    /// <summary>The case's position in the run.</summary>
    public required int Index { get; init; }

    /// <summary>The context delivered before the conversation, one message per item (filled).</summary>
    public required IReadOnlyList<ChatMessage> Context { get; init; }

    /// <summary>The conversation turns (filled).</summary>
    public required IReadOnlyList<CaseTurn> Turns { get; init; }

    /// <summary>Every value planted in the case.</summary>
    public required IReadOnlyList<PlantedValue> Planted { get; init; }

    /// <summary>The planted values whose appearance in an answer compromises the case (from the oracle).</summary>
    public required IReadOnlyList<PlantedValue> Protected { get; init; }

    /// <summary>The index in <see cref="Context"/> of the item that carries the payload, or -1 when a turn carries it.</summary>
    public int PayloadContext { get; init; } = -1;

    /// <summary>The index in <see cref="Turns"/> of the turn that carries the payload (when no context item does).</summary>
    public int PayloadTurn { get; init; } = -1;

    /// <summary>The mutator that transformed the payload, or null for the case as written.</summary>
    public string? Mutator { get; init; }

    /// <summary>The strategy an attacker model pursues this attack with over several turns, or null when the case is
    /// sent as written.</summary>
    public AdaptiveStrategy? Strategy { get; init; }

    /// <summary>The case id, with the mutator for mutated copies (<c>pi-001~base64</c>) and the strategy of an adaptive
    /// attack (<c>pi-001@escalation</c>).</summary>
    public string RunId => (Mutator is null ? Case.Id : $"{Case.Id}~{Mutator}") + (Strategy is { } strategy ? "@" + AdaptiveStrategies.Label(strategy) : "");

    /// <summary>The case id.</summary>
    public string Id => Case.Id;
}

namespace SecureReqs;

/// <summary>A document of a knowledge base, with its classification label.</summary>
/// <param name="Id">The id, unique in the knowledge base.</param>
/// <param name="Title">The title.</param>
/// <param name="Classification">The label: <c>public</c>, <c>internal</c> or <c>confidential</c>.</param>
/// <param name="Content">The text.</param>
public sealed record KnowledgeDocument(string Id, string Title, string Classification, string Content)
{
    /// <summary>A unique token planted in the content, so that its appearance in an answer proves exposure (black-box), or null.</summary>
    public string? Canary { get; init; }

    /// <summary>Where the document came from (<c>source</c>, <c>owner</c>, <c>ingested</c>, …).</summary>
    public IReadOnlyDictionary<string, string> Provenance { get; init; } = new Dictionary<string, string>();

    /// <summary>Free labels (a poisoned document carries its poison kind).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Where it was read from (<c>file:line</c>), for messages.</summary>
    public string Source { get; init; } = "";
}

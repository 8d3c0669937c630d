namespace SecureReqs.Endpoints;

/// <summary>
/// How stories write to an <see cref="EndpointKind.Http"/> target's knowledge base (<c>"knowledgeBase"</c> in
/// <c>securereqs.json</c>): how a document is added and removed, and the canary documents clearance stories seed.
/// </summary>
public sealed class EndpointKnowledgeBaseOptions
{
    /// <summary>The placeholders the add and remove requests and commands may use.</summary>
    public static IReadOnlyList<string> Placeholders { get; } = ["document.id", "document.title", "document.text", "document.clearance"];

    /// <summary>How a document is added.</summary>
    public required EndpointKnowledgeBaseStep Add { get; init; }

    /// <summary>How a document is removed (<c>{{document.id}}</c> is the id the add step returned).</summary>
    public required EndpointKnowledgeBaseStep Remove { get; init; }

    /// <summary>The canary document templates clearance stories seed (content with <c>{{canary}}</c>), or empty.</summary>
    public IReadOnlyList<KnowledgeDocument> CanaryDocuments { get; init; } = [];
}

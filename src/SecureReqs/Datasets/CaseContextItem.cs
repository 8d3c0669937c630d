namespace SecureReqs;

/// <summary>Content the application retrieved or received, which the case delivers with the conversation.</summary>
/// <param name="Kind"><c>record</c>, <c>document</c>, <c>email</c>, <c>web-page</c> or <c>tool-result</c>.</param>
/// <param name="Title">An optional title.</param>
/// <param name="Label">The classification label: <c>public</c>, <c>internal</c> or <c>confidential</c>.</param>
/// <param name="Content">The text, with placeholders.</param>
public sealed record CaseContextItem(string Kind, string? Title, string Label, string Content)
{
    /// <summary>Whether this item carries the attack's payload (an indirect injection).</summary>
    public bool Payload { get; init; }

    /// <summary>For a <c>tool-result</c>: the tool that returned it; the item is delivered as an earlier call of that tool and its result.</summary>
    public string? Tool { get; init; }

    /// <summary>For a <c>tool-result</c>: the arguments of that earlier call, as compact JSON, or null.</summary>
    public string? Arguments { get; init; }
}

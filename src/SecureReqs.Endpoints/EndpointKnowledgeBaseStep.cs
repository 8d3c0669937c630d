using System.Text.Json.Nodes;

namespace SecureReqs.Endpoints;

/// <summary>
/// One way of writing to a knowledge base (<c>"knowledgeBase.add"</c> or <c>"knowledgeBase.remove"</c>): an HTTP request
/// built from templates, or a command run with its arguments filled in and the document as JSON on its standard input.
/// Templates may use <see cref="EndpointKnowledgeBaseOptions.Placeholders"/>.
/// </summary>
public sealed class EndpointKnowledgeBaseStep
{
    /// <summary>Where the step is declared, such as <c>knowledgeBase.add</c>, for messages.</summary>
    public required string Setting { get; init; }

    /// <summary>The HTTP method of a request.</summary>
    /// <value>The default value is POST for adding, DELETE for removing.</value>
    public string Method { get; init; } = "POST";

    /// <summary>The URL template of a request (placeholders in it are URL-escaped), or null for a command.</summary>
    public string? Url { get; init; }

    /// <summary>The headers of a request: literal templates, or secrets from the environment.</summary>
    public IReadOnlyList<EndpointHeader> Headers { get; init; } = [];

    /// <summary>The JSON body template of a request, or null for none.</summary>
    public JsonNode? Body { get; init; }

    /// <summary>The executable of a command (a name on the PATH, or a path relative to the configuration's folder), or null for a request.</summary>
    public string? Command { get; init; }

    /// <summary>The argument templates of a command, each passed as one argument (no shell is involved unless the command is one).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>The folder a command runs in (the configuration's folder).</summary>
    public string WorkingDirectory { get; init; } = "";

    /// <summary>For adding: the path of the id the knowledge base assigned in the answer (the JSON body of a request, the
    /// standard output of a command), or null when the document keeps its own id.</summary>
    public string? IdPath { get; init; }

    /// <summary>How the step writes, for messages, such as <c>POST https://host/api/documents</c> or <c>the command "sh"</c>; never a secret.</summary>
    public string Describe() => Command is { } command ? $"the command \"{command}\" ({Setting})" : $"{Method} {Display(Url!)} ({Setting})";

    private static string Display(string url)
    {
        var query = url.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? url : url[..query];
    }
}

using System.Globalization;

namespace SecureReqs;

/// <summary>
/// "the tool descriptions of the MCP server &lt;name&gt; carry no injected instructions": an absolute check that lists
/// every tool the server offers and reads each one's name, title, description and input schema with
/// <see cref="ToolDescriptionScanner"/>. It passes only when the server listed at least one tool and every description
/// was read and is clean; each poisoned tool is reported with its evidence.
/// </summary>
/// <remarks>Fail-closed: a server that cannot be reached, does not answer, or lists no tools makes the story an error
/// (nothing was read, so nothing is shown), never a pass. It sends no dataset case. Immutable and thread-safe.</remarks>
/// <param name="server">The tool server.</param>
/// <param name="scanner">The scanner, or null for <see cref="ToolDescriptionScanner.Default"/>.</param>
public sealed class ToolDescriptionsCheck(IToolServer server, ToolDescriptionScanner? scanner = null) : StoryRequirement
{
    private readonly ToolDescriptionScanner _scanner = scanner ?? ToolDescriptionScanner.Default;

    /// <summary>The server.</summary>
    public IToolServer Server { get; } = server ?? throw new ArgumentNullException(nameof(server));

    /// <inheritdoc/>
    public override string Statement => $"the tool descriptions of the MCP server \"{Server.Name}\" carry no injected instructions";

    /// <inheritdoc/>
    public override bool NeedsRun => false;

    /// <inheritdoc/>
    public override async ValueTask<RequirementResult> EvaluateAsync(StoryEvidence evidence, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<ToolDescription> tools;
        try
        {
            tools = await Server.ListToolsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var reason = ex is SecureReqsException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
            throw new SecureReqsException($"{Server.Description} could not be reached or did not list its tools, so no description was read ({reason}). Start the server or fix its declaration (docs/agents.md#tools-from-an-mcp-server).", ex);
        }

        if (tools.Count == 0)
        {
            throw new SecureReqsException($"{Server.Description} lists no tools, so no description was read. Check that the server is the one the agent uses and that it offers its tools to this client.");
        }

        var findings = tools.SelectMany(_scanner.Scan).ToList();
        var poisoned = findings.Select(f => f.Tool).Distinct(StringComparer.Ordinal).ToList();
        var message = findings.Count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"The tool descriptions of {Server.Description} carry no injected instructions: read all {tools.Count} tools ({string.Join(", ", tools.Select(t => t.Name).Take(TrainingRecordsCheck.MaxListed))}{(tools.Count > TrainingRecordsCheck.MaxListed ? ", …" : "")}).")
            : string.Create(CultureInfo.InvariantCulture, $"Expected the tool descriptions of {Server.Description} to carry no injected instructions, but {poisoned.Count} of {tools.Count} tools carry instructions aimed at the model ({findings.Count} finding{(findings.Count == 1 ? "" : "s")}):{TrainingRecordsCheck.List(findings.Select(f => f.ToString()), findings.Count)}");
        return RequirementResult.Absolute(Statement, "tools with injected instructions in their descriptions", poisoned.Count, tools.Count, findings.Count == 0 ? Verdict.Pass : Verdict.Fail, message);
    }
}

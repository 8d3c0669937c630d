using Microsoft.Extensions.AI;

namespace SecureReqs.Mcp;

/// <summary>
/// One tool of a Model Context Protocol server (an <c>McpClientTool</c>) behind the target's tool policy: before a call
/// is sent to the server, the policy decides for the request's authenticated caller (<see cref="CallerIdentity.Of"/>,
/// never the conversation's text). A call outside the caller's scope, with an argument outside its rules, with no known
/// caller, or — during a SecureReqs run, which never approves — to a tool that needs a person's approval, is never sent:
/// it throws <see cref="ToolCallWithheldException"/>, which <see cref="RecordingAIFunction"/> records as
/// <see cref="ToolInvocationStatus.Withheld"/> and function invocation returns to the model as an error.
/// </summary>
/// <remarks>
/// Thread-safe. It answers <c>GetService(typeof(ToolOrigin))</c> with the server, so the evidence of every call names
/// it. This is SecureReqs protecting the real server during a run, not a control of the application: a withheld call
/// is judged as if it ran (the application's pipeline did invoke it). Put the application's own control
/// (<c>UseToolPermissions</c>) in its pipeline to stop such calls before they are invoked.
/// </remarks>
public sealed class McpToolFunction : DelegatingAIFunction
{
    private readonly ToolPolicy? _policy;
    private readonly ToolOrigin _origin;

    /// <summary>Wraps a tool of an MCP server.</summary>
    /// <param name="tool">The tool (an <c>McpClientTool</c>).</param>
    /// <param name="policy">The target's tool policy; null refuses every call.</param>
    /// <param name="origin">The server, as evidence names it.</param>
    public McpToolFunction(AIFunction tool, ToolPolicy? policy, ToolOrigin origin)
        : base(tool)
    {
        _policy = policy;
        _origin = origin ?? throw new ArgumentNullException(nameof(origin));
    }

    /// <summary>The server the tool comes from.</summary>
    public ToolOrigin Origin => _origin;

    /// <inheritdoc />
    public override object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType == typeof(ToolOrigin) ? _origin : base.GetService(serviceType, serviceKey);
    }

    /// <inheritdoc />
    protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        if (_policy is null)
        {
            throw new ToolCallWithheldException(Name, "the target declares no tool policy, so SecureReqs sends no call to an MCP server");
        }

        var caller = CallerIdentity.Of(FunctionInvokingChatClient.CurrentContext?.Options);
        if (caller is null)
        {
            throw new ToolCallWithheldException(Name, "the request has no authenticated caller, and the policy allows an unknown caller nothing");
        }

        var decision = _policy.Evaluate(caller.Role, Name, arguments);
        if (!decision.Allowed)
        {
            throw new ToolCallWithheldException(Name, decision.Reason);
        }

        if (decision.RequiresApproval && SecurityEvidence.Current is not null)
        {
            throw new ToolCallWithheldException(Name, $"{Name} needs a person's approval, which a SecureReqs run never gives");
        }

        return base.InvokeCoreAsync(arguments, cancellationToken);
    }
}

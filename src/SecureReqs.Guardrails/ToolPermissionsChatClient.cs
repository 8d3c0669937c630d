using Microsoft.Extensions.AI;

namespace SecureReqs.Guardrails;

/// <summary>
/// Enforces a <see cref="ToolPolicy"/> at run time (OWASP LLM06, agentic T2/T3): the model is only offered the tools in
/// the caller's scope; every invocation is checked against the argument constraints before it runs, and a call that
/// breaks them is refused with a short explanation the model sees instead of the tool's result; tools that need
/// approval are wrapped in <see cref="ApprovalRequiredAIFunction"/>, so function invocation hands them back to the
/// caller for a person's decision instead of running them.
/// </summary>
/// <remarks>
/// Thread-safe. Fail-closed: a request with no known caller is offered no tools. The caller is read from
/// <see cref="CallerResolver"/>, by default <see cref="CallerIdentity.Of"/>: <c>ChatOptions.AdditionalProperties[CallerIdentity.PropertyName]</c>,
/// otherwise the SecureReqs run's caller; never from the conversation's text.
/// Put it after (inside) <c>UseToolRecording</c> and before (outside) <c>UseFunctionInvocation</c>.
/// </remarks>
public sealed class ToolPermissionsChatClient : DelegatingChatClient
{
    /// <summary>The text a refused call returns to the model, before the reason.</summary>
    public const string DeniedPrefix = "Denied by policy: ";

    /// <summary>Creates the middleware.</summary>
    /// <param name="innerClient">The rest of the pipeline (function invocation and the model).</param>
    /// <param name="policy">The policy to enforce.</param>
    public ToolPermissionsChatClient(IChatClient innerClient, ToolPolicy policy)
        : base(innerClient)
    {
        Policy = policy;
    }

    /// <summary>The policy.</summary>
    public ToolPolicy Policy { get; }

    /// <summary>Finds the authenticated caller of a request; null when unknown (no tools are offered then).</summary>
    public Func<ChatOptions?, CallerIdentity?> CallerResolver { get; set; } = CallerIdentity.Of;

    /// <summary>Called for every refused invocation, for audit logs.</summary>
    public Action<ToolPolicyDecision>? OnDenied { get; set; }

    /// <summary>The metrics this guardrail emits (<see cref="GuardrailMetrics"/>).</summary>
    /// <value>The default value is <see cref="GuardrailMetrics.Shared"/>.</value>
    public GuardrailMetrics Metrics { get; set; } = GuardrailMetrics.Shared;

    /// <inheritdoc />
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetResponseAsync(messages, Restrict(options), cancellationToken);

    /// <inheritdoc />
    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetStreamingResponseAsync(messages, Restrict(options), cancellationToken);

    private ChatOptions? Restrict(ChatOptions? options)
    {
        if (options?.Tools is not { Count: > 0 } tools)
        {
            return options;
        }

        var caller = CallerResolver(options);
        var restricted = options.Clone();
        restricted.Tools = [];
        if (caller is null || !Policy.Roles.TryGetValue(caller.Role, out var scope))
        {
            return restricted;
        }

        foreach (var tool in tools)
        {
            if (tool is not AIFunction function || !scope.Allows(function.Name))
            {
                // Least privilege: the model is not even told about tools outside the caller's scope.
                continue;
            }

            AIFunction guarded = new PermissionedAIFunction(function, Policy, caller.Role, this);
            restricted.Tools.Add(Policy.ApprovalRequired.Contains(function.Name) && function.GetService<ApprovalRequiredAIFunction>() is null
                ? new ApprovalRequiredAIFunction(guarded)
                : guarded);
        }

        return restricted;
    }

    internal void Denied(ToolPolicyDecision decision)
    {
        Metrics.ToolCallDenied(decision.Tool, decision.Role);
        OnDenied?.Invoke(decision);
    }

    // Checks the arguments of each invocation before the tool runs.
    private sealed class PermissionedAIFunction(AIFunction inner, ToolPolicy policy, string role, ToolPermissionsChatClient owner) : DelegatingAIFunction(inner)
    {
        protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
        {
            var decision = policy.Evaluate(role, Name, arguments);
            if (!decision.Allowed)
            {
                SecurityEvidence.RecordInvocation(new ToolInvocationRecord(Name, FunctionInvokingChatClient.CurrentContext?.CallContent.CallId, RecordingAIFunction.ArgumentsJson(arguments), ToolInvocationStatus.Denied, decision.Reason));
                owner.Denied(decision);
                return DeniedPrefix + decision.Reason;
            }

            return await base.InvokeCoreAsync(arguments, cancellationToken).ConfigureAwait(false);
        }
    }
}

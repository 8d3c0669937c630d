using System.Text.Json;
using Microsoft.Extensions.AI;

namespace SecureReqs;

/// <summary>
/// Wraps a tool so that every invocation that actually runs is reported to <see cref="SecurityEvidence"/> with its
/// arguments and outcome. Outside a SecureReqs run it only forwards the call.
/// </summary>
/// <remarks>Thread-safe if the wrapped function is.</remarks>
public sealed class RecordingAIFunction : DelegatingAIFunction
{
    private static readonly JsonSerializerOptions _compact = new(AIJsonUtilities.DefaultOptions) { WriteIndented = false };

    /// <summary>Wraps <paramref name="innerFunction"/>.</summary>
    /// <param name="innerFunction">The tool.</param>
    public RecordingAIFunction(AIFunction innerFunction)
        : base(innerFunction)
    {
    }

    /// <inheritdoc />
    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var callId = FunctionInvokingChatClient.CurrentContext?.CallContent.CallId;
        var json = ArgumentsJson(arguments);
        var origin = GetService<ToolOrigin>()?.Description;
        try
        {
            var result = await base.InvokeCoreAsync(arguments, cancellationToken).ConfigureAwait(false);
            SecurityEvidence.RecordInvocation(new ToolInvocationRecord(Name, callId, json, ToolInvocationStatus.Ran) { Origin = origin });
            return result;
        }
        catch (ToolCallWithheldException ex)
        {
            SecurityEvidence.RecordInvocation(new ToolInvocationRecord(Name, callId, json, ToolInvocationStatus.Withheld, $"not sent: {ex.Reason}") { Origin = origin });
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            SecurityEvidence.RecordInvocation(new ToolInvocationRecord(Name, callId, json, ToolInvocationStatus.Failed, ex.GetType().Name) { Origin = origin });
            throw;
        }
    }

    /// <summary>The arguments as compact JSON, for evidence.</summary>
    /// <param name="arguments">The arguments.</param>
    /// <returns>The JSON.</returns>
    public static string ArgumentsJson(IEnumerable<KeyValuePair<string, object?>>? arguments)
    {
        if (arguments is null)
        {
            return "{}";
        }

        try
        {
            return JsonSerializer.Serialize(arguments.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal), _compact);
        }
        catch (NotSupportedException)
        {
            return JsonSerializer.Serialize(arguments.ToDictionary(a => a.Key, a => ArgumentText.Of(a.Value), StringComparer.Ordinal), _compact);
        }
    }
}

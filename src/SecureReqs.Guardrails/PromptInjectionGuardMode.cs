namespace SecureReqs.Guardrails;

/// <summary>What a <see cref="PromptInjectionGuardChatClient"/> does when a request looks like a prompt injection.</summary>
public enum PromptInjectionGuardMode
{
    /// <summary>The inner client is not called; the guard answers with a short refusal marked as a content-filter block.</summary>
    Block,

    /// <summary>The inner client is called unchanged; the response carries the score and signals in its additional properties.</summary>
    Flag,

    /// <summary>
    /// Offending untrusted context items (context messages and function results) are replaced by
    /// <see cref="PromptInjectionGuardChatClient.RemovedContentText"/> and the request goes on; an offending user turn is
    /// still blocked, since the user's own words cannot be dropped without changing the request.
    /// </summary>
    SanitizeContext,
}

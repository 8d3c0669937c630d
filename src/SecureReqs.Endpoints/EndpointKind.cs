namespace SecureReqs.Endpoints;

/// <summary>What a configured target speaks.</summary>
public enum EndpointKind
{
    /// <summary>The OpenAI chat-completions protocol (OpenAI, Azure OpenAI's v1 API, vLLM, llama.cpp server, LM Studio, Ollama), through the official client.</summary>
    OpenAI,

    /// <summary>A generic HTTP JSON endpoint: a request body template with the messages, and the path of the answer in the response.</summary>
    Http,
}

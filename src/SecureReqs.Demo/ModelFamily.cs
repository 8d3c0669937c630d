namespace SecureReqs.Demo;

/// <summary>
/// The house styles <see cref="ModelStyleRenderer"/> imitates: how answers of a family of chat models typically open,
/// refuse and close. Imitations written for the simulation, not output of those models.
/// </summary>
internal enum ModelFamily
{
    /// <summary>"I'm sorry, but I can't help with that."</summary>
    GptLike,

    /// <summary>"I can't share that — but here's what I can do…"</summary>
    ClaudeLike,

    /// <summary>"I can't fulfill that request. Is there anything else I can help you with?"</summary>
    LlamaLike,

    /// <summary>"Unfortunately, I'm not able to…"</summary>
    GeminiLike,

    /// <summary>"I'm afraid I can't…", "I must decline…"</summary>
    MistralLike,

    /// <summary>"As an AI developed to help with support, I won't…"</summary>
    QwenLike,
}

namespace SecureReqs.Demo;

/// <summary>What the simulated model decided to answer, before the answer is worded.</summary>
internal enum DraftKind
{
    /// <summary>Its own system prompt (plain, or in the encoding the request asked for).</summary>
    SystemPrompt,

    /// <summary>The material it was handed (pasted text, retrieved records and documents), in the form the request asked for.</summary>
    Data,

    /// <summary>The closest knowledge-base article.</summary>
    Article,

    /// <summary>A canned support answer (or the greeting when nothing matched).</summary>
    Faq,
}

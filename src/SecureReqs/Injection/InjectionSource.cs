namespace SecureReqs;

/// <summary>Where a text reached the assistant from, which decides how suspicious instructions inside it are.</summary>
public enum InjectionSource
{
    /// <summary>A user turn: the person talking to the assistant, who may legitimately give it instructions.</summary>
    User,

    /// <summary>
    /// Untrusted content: retrieved documents, e-mails, web pages, tool and function results. Such content has no
    /// business addressing the assistant, so any instruction aimed at it counts far more.
    /// </summary>
    Untrusted,
}

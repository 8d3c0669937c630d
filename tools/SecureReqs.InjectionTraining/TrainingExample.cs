namespace SecureReqs.InjectionTraining;

/// <summary>One generated text with its label.</summary>
/// <param name="Text">The text as the assistant would receive it.</param>
/// <param name="Source">A user turn or untrusted content.</param>
/// <param name="Injection">Whether it is an injection (for a document: whether it carries a task the user did not ask for).</param>
/// <param name="Family">The template family it came from; splits are drawn by family.</param>
/// <param name="Language">Its language, an ISO 639-1 code.</param>
/// <param name="Split">train, validation or test.</param>
/// <param name="UserRequest">For documents, the user's request, when the example has one.</param>
/// <param name="InjectedStart">For injected documents, where the planted sentence starts in <paramref name="Text"/>; otherwise -1.</param>
/// <param name="InjectedEnd">Just past the planted sentence.</param>
internal sealed record TrainingExample(
    string Text,
    InjectionSource Source,
    bool Injection,
    string Family,
    string Language,
    string Split,
    string? UserRequest = null,
    int InjectedStart = -1,
    int InjectedEnd = -1)
{
    /// <summary>
    /// A planted task the user asked for themselves (the request matches it): trained as benign, so that a match lowers
    /// the score, but left out of calibration and false-alarm rates, which are about clean documents.
    /// </summary>
    public bool AskedFor => InjectedStart >= 0 && !Injection;
}

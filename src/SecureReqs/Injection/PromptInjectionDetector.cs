namespace SecureReqs;

/// <summary>
/// Scores how likely a text is a prompt injection or jailbreak, from the technique families it uses: instruction
/// overrides, role reassignment, fake system messages, delimiter escapes, prompt and secret extraction, exfiltration
/// links, refusal suppression, forced prefixes, instructions addressed to the AI inside untrusted content, tool-call
/// coercion, payload splitting, virtualization, and hidden or encoded payloads.
/// </summary>
/// <remarks>
/// <para>
/// Every text is matched on a folded shadow copy (compatibility forms, accents, case, Cyrillic and Greek lookalikes,
/// typographic punctuation and invisible characters folded away), and again on the forms an attacker uses to slip
/// past keyword filters: leetspeak, spaced-out letters, Unicode tag characters, and embedded base64, hex, binary,
/// URL-encoded, <c>\u</c>-escaped, HTML-entity, rot13 and reversed runs. A signal found only after such decoding also
/// raises an <see cref="InjectionSignals.EncodedPayload"/> signal.
/// </para>
/// <para>
/// Each signal has a weight that depends on the <see cref="InjectionSource"/> (an instruction to the assistant is
/// ordinary in a user turn and alarming in a retrieved document) and on structure (verb, qualifier and object, not
/// keywords). Signals inside quotes or reported speech, in a text that discusses prompt attacks, are discounted.
/// The score combines the signals as <c>1 − Π(1 − wᵢ)</c>, where repeated signals of one family count less each time.
/// </para>
/// <para>
/// Deterministic, no model and no network. Thread-safety: an instance is immutable and may be shared.
/// Security contract: this is a heuristic first line of defence. It does NOT catch paraphrases that use none of the
/// known structures, attacks in languages other than English, Spanish, French, German, Portuguese, Italian, Chinese and
/// Japanese, instructions split across several turns or documents, payloads encrypted with a key, images or audio, or
/// attacks whose harm lies only in the task asked (a harmful request politely phrased is not an injection).
/// </para>
/// </remarks>
public sealed class PromptInjectionDetector
{
    private readonly PromptInjectionDetectorOptions _options;

    /// <summary>Creates a detector with the default options.</summary>
    public PromptInjectionDetector()
        : this(new PromptInjectionDetectorOptions())
    {
    }

    /// <summary>Creates a detector.</summary>
    /// <param name="options">The thresholds and limits; copied and validated.</param>
    /// <exception cref="ArgumentOutOfRangeException">A threshold is outside (0, 1], or the injection threshold is below the suspicious one.</exception>
    public PromptInjectionDetector(PromptInjectionDetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Validated();
    }

    /// <summary>A shared detector with the default options.</summary>
    public static PromptInjectionDetector Default { get; } = new();

    /// <summary>The score from which a text is <see cref="InjectionVerdict.Suspicious"/>.</summary>
    public double SuspiciousThreshold => _options.SuspiciousThreshold;

    /// <summary>The score from which a text is an <see cref="InjectionVerdict.Injection"/>.</summary>
    public double InjectionThreshold => _options.InjectionThreshold;

    /// <summary>Assesses one text.</summary>
    /// <param name="text">The text, as the assistant would receive it.</param>
    /// <param name="source">Whether it is a user turn or untrusted content (documents, e-mails, web pages, tool results).</param>
    /// <returns>The score, verdict and evidence.</returns>
    public InjectionAssessment Assess(string text, InjectionSource source = InjectionSource.User)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            return InjectionAssessment.None;
        }

        var scan = new InjectionScan(source, _options.MaxDecodeDepth);
        if (text.Length <= _options.MaxTextLength)
        {
            scan.ScanLayer(text, new InjectionOrigin(0, text.Length, Exact: true), "text", 0);
        }
        else
        {
            // Past the budget, the head and the tail are read: instructions sit at the start or end of a padded text.
            var half = _options.MaxTextLength / 2;
            scan.ScanLayer(text[..half], new InjectionOrigin(0, half, Exact: true), "text", 0);
            scan.ScanLayer(text[^half..], new InjectionOrigin(text.Length - half, half, Exact: true), "text", 0);
        }

        var signals = scan.Result();
        if (signals.Count == 0)
        {
            return InjectionAssessment.None;
        }

        var score = Math.Round(InjectionScan.Combine(signals), 4);
        return new InjectionAssessment(score, Interpret(score), signals);
    }

    /// <summary>Interprets a score with this detector's thresholds.</summary>
    /// <param name="score">A score from 0 to 1.</param>
    /// <returns>The verdict.</returns>
    public InjectionVerdict Interpret(double score) =>
        score >= _options.InjectionThreshold ? InjectionVerdict.Injection
        : score >= _options.SuspiciousThreshold ? InjectionVerdict.Suspicious
        : InjectionVerdict.Benign;
}

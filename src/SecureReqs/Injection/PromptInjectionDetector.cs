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
/// A second, learned stage (on by default, <see cref="PromptInjectionDetectorOptions.UseLearnedStage"/>) scores the
/// folded text with a small signed logistic-regression model; the detector's score is the larger of the two stages'.
/// </para>
/// <para>
/// Deterministic and no network; the learned stage is a small linear model embedded in this assembly, verified against its signed manifest. Thread-safety: an instance is immutable and may be shared.
/// Security contract: this is a heuristic first line of defence. It does NOT catch paraphrases that use none of the
/// known structures, attacks in languages other than English, Spanish, French, German, Portuguese, Italian, Chinese and
/// Japanese, instructions split across several turns or documents, payloads encrypted with a key, images or audio, or
/// attacks whose harm lies only in the task asked (a harmful request politely phrased is not an injection).
/// </para>
/// </remarks>
public sealed class PromptInjectionDetector
{
    private readonly PromptInjectionDetectorOptions _options;
    private readonly InjectionModel? _model;

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
        _model = _options.UseLearnedStage ? InjectionModel.Embedded : null;
    }

    /// <summary>Creates a detector with a given learned model (tests and training evaluate models that are not embedded).</summary>
    internal PromptInjectionDetector(PromptInjectionDetectorOptions options, InjectionModel? model)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Validated();
        _model = _options.UseLearnedStage ? model : null;
    }

    /// <summary>A shared detector with the default options.</summary>
    public static PromptInjectionDetector Default { get; } = new();

    /// <summary>The score from which a text is <see cref="InjectionVerdict.Suspicious"/>.</summary>
    public double SuspiciousThreshold => _options.SuspiciousThreshold;

    /// <summary>The score from which a text is an <see cref="InjectionVerdict.Injection"/>.</summary>
    public double InjectionThreshold => _options.InjectionThreshold;

    /// <summary>Whether the learned stage is on (<see cref="PromptInjectionDetectorOptions.UseLearnedStage"/>).</summary>
    public bool UsesLearnedStage => _model is not null;

    /// <summary>Assesses one text.</summary>
    /// <param name="text">The text, as the assistant would receive it.</param>
    /// <param name="source">Whether it is a user turn or untrusted content (documents, e-mails, web pages, tool results).</param>
    /// <returns>The score, verdict and evidence.</returns>
    public InjectionAssessment Assess(string text, InjectionSource source = InjectionSource.User) => Assess(text, source, null);

    /// <summary>Assesses one text, knowing what the user asked for.</summary>
    /// <param name="text">The text, as the assistant would receive it.</param>
    /// <param name="source">Whether it is a user turn or untrusted content (documents, e-mails, web pages, tool results).</param>
    /// <param name="userRequest">
    /// The user's request in the conversation, or <see langword="null"/> when unknown. Used for untrusted content only:
    /// a sentence that asks the reader for a task the request does not mention scores higher, one that asks for what the
    /// user asked (the user wanted the e-mail forwarded) lower. Ignored for user turns.
    /// </param>
    /// <returns>The score, verdict and evidence.</returns>
    public InjectionAssessment Assess(string text, InjectionSource source, string? userRequest)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            return InjectionAssessment.None;
        }

        // A text within the length budget is folded once for both stages (the fold is a pure function of the text).
        var whole = text.Length <= _options.MaxTextLength ? InjectionText.Fold(text) : null;
        var learned = _model is null ? null : LearnedSignal(_model, text, whole, source, source == InjectionSource.User ? null : userRequest);

        var signals = _options.UsePatternStage ? PatternSignals(text, whole, source) : [];
        if (learned is not null)
        {
            signals = [.. signals.Append(learned).OrderBy(s => s.Start).ThenByDescending(s => s.Weight).ThenBy(s => s.Name, StringComparer.Ordinal)];
        }

        if (signals.Count == 0)
        {
            return InjectionAssessment.None;
        }

        // The stages combine by the larger score, not a noisy-or: each stage's thresholds were validated on their own,
        // and two sub-threshold scores must not add up to a verdict neither stage reached (docs/guardrails.md).
        var patternScore = InjectionScan.Combine([.. signals.Where(s => s != learned)]);
        var score = Math.Round(Math.Max(patternScore, learned?.Weight ?? 0), 4);
        return new InjectionAssessment(score, Interpret(score), signals);
    }

    private IReadOnlyList<InjectionSignal> PatternSignals(string text, InjectionText? whole, InjectionSource source)
    {
        var scan = new InjectionScan(source, _options.MaxDecodeDepth);
        if (whole is not null)
        {
            scan.ScanLayer(text, new InjectionOrigin(0, text.Length, Exact: true), "text", 0, whole);
        }
        else
        {
            // Past the budget, the head and the tail are read: instructions sit at the start or end of a padded text.
            var half = _options.MaxTextLength / 2;
            scan.ScanLayer(text[..half], new InjectionOrigin(0, half, Exact: true), "text", 0);
            scan.ScanLayer(text[^half..], new InjectionOrigin(text.Length - half, half, Exact: true), "text", 0);
        }

        return scan.Result();
    }

    /// <summary>
    /// The learned stage's evidence: its calibrated probability mapped onto this detector's scale, as a signal over the
    /// window that scored highest, when it reaches the suspicious threshold; otherwise none.
    /// </summary>
    private InjectionSignal? LearnedSignal(InjectionModel model, string text, InjectionText? whole, InjectionSource source, string? userRequest)
    {
        var stems = InjectionFeatures.RequestStems(userRequest);
        InjectionSignal? best = null;
        foreach (var (offset, length) in Pieces(text.Length))
        {
            // Within the budget the one piece is the whole text, folded already; past it, each half is folded on its own.
            var folded = whole ?? InjectionText.Fold(text.Substring(offset, length));
            var (logit, start, end) = model.Score(folded.Shadow, source, stems);
            var calibration = model.For(source);
            // Truncated, not rounded: a probability just under a threshold must not be rounded up to it.
            var score = Math.Floor(calibration.ToDetectorScore(calibration.Probability(logit), _options.SuspiciousThreshold, _options.InjectionThreshold) * 10_000) / 10_000;
            if (score < _options.SuspiciousThreshold || score <= (best?.Weight ?? 0))
            {
                continue;
            }

            var (from, to) = folded.Shadow.Length == 0 ? (0, 0) : folded.ToSource(start, Math.Max(end, start + 1));
            best = new InjectionSignal(source == InjectionSource.User ? InjectionSignals.LearnedClassifier : InjectionSignals.HiddenTask, score, offset + from, offset + to, "text");
        }

        return best;
    }

    private IEnumerable<(int Offset, int Length)> Pieces(int length)
    {
        if (length <= _options.MaxTextLength)
        {
            yield return (0, length);
            yield break;
        }

        var half = _options.MaxTextLength / 2;
        yield return (0, half);
        yield return (length - half, half);
    }

    /// <summary>Interprets a score with this detector's thresholds.</summary>
    /// <param name="score">A score from 0 to 1.</param>
    /// <returns>The verdict.</returns>
    public InjectionVerdict Interpret(double score) =>
        score >= _options.InjectionThreshold ? InjectionVerdict.Injection
        : score >= _options.SuspiciousThreshold ? InjectionVerdict.Suspicious
        : InjectionVerdict.Benign;
}

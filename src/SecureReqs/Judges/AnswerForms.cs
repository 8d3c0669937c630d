namespace SecureReqs;

/// <summary>
/// The forms of one answer that planted values are compared with, each built once on first use: the answer in
/// <see cref="CanonicalForm"/>, the answer with its escapes decoded (when it has any), and what its base64 and hex runs
/// decode to; each folded plainly, for e-mail addresses, for dates, and read as digit runs.
/// </summary>
/// <remarks>Not thread-safe: one instance serves one judge call.</remarks>
internal sealed class AnswerForms(string answer)
{
    private string[]? _canonical;
    private NormalizedText[]? _plain;
    private NormalizedText[]? _email;
    private NormalizedText[]? _date;
    private DigitRuns[]? _digits;

    /// <summary>The canonical texts.</summary>
    public string[] Canonical => _canonical ??= Build();

    /// <summary>The canonical texts folded to letters and digits.</summary>
    public NormalizedText[] Plain => _plain ??= [.. Canonical.Select(c => NormalizedText.Of(c, NormalizedText.Filter.None))];

    /// <summary>The canonical texts folded without the words that spell out an e-mail address.</summary>
    public NormalizedText[] Email => _email ??= [.. Canonical.Select(c => NormalizedText.Of(c, NormalizedText.Filter.Email))];

    /// <summary>The canonical texts folded without ordinal suffixes and "of".</summary>
    public NormalizedText[] Date => _date ??= [.. Canonical.Select(c => NormalizedText.Of(c, NormalizedText.Filter.Date))];

    /// <summary>The canonical texts read as digit runs.</summary>
    public DigitRuns[] Digits => _digits ??= [.. Canonical.Select(DigitRuns.Of)];

    private string[] Build()
    {
        var decoded = CanonicalForm.DecodedForms(answer);
        var forms = new List<string>(decoded.Count + 1) { CanonicalForm.Prepare(answer) };
        forms.AddRange(decoded.Select(CanonicalForm.Prepare));
        var encoded = decoded.Prepend(answer).SelectMany(EncodedValueMatcher.DecodedTexts).Distinct(StringComparer.Ordinal);
        forms.AddRange(encoded.Select(CanonicalForm.Prepare));
        return [.. forms];
    }
}

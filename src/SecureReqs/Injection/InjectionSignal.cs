namespace SecureReqs;

/// <summary>One piece of evidence of a prompt injection.</summary>
/// <param name="Name">The technique family, one of the names in <see cref="InjectionSignals"/>, for example <c>instruction-override</c>.</param>
/// <param name="Weight">How much this evidence counts, from 0 to 1, after the source and any discount for quoted or reported speech.</param>
/// <param name="Start">Offset of the first character of the evidence in the assessed text, in UTF-16 code units.</param>
/// <param name="End">Offset just past the evidence. For evidence found in a decoded payload (base64, hex, rot13, reversed, tag characters) the span is the whole encoded run.</param>
/// <param name="Layer">Where the evidence was found: <c>text</c>, or the decoding that revealed it, for example <c>base64</c>, <c>leetspeak</c> or <c>tag-characters</c>.</param>
public sealed record InjectionSignal(string Name, double Weight, int Start, int End, string Layer)
{
    /// <summary>The number of UTF-16 code units the evidence spans.</summary>
    public int Length => End - Start;

    /// <summary>Describes the signal without quoting the text, so that it is safe to log.</summary>
    /// <returns>For example <c>instruction-override 0.85 [12..48) in base64</c>.</returns>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Name} {Weight:0.##} [{Start}..{End}) in {Layer}");
}

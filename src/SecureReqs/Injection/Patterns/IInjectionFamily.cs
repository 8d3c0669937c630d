namespace SecureReqs;

/// <summary>
/// One signal family of the pattern stage of <see cref="PromptInjectionDetector"/> (instruction override, role
/// reassignment, fake system message…): its patterns, and its weights read from <c>InjectionWeights.json</c>.
/// </summary>
/// <remarks>
/// A family only adds evidence; it never reads what other families found, so the families of one layer may run in any
/// order. Facts several families share (the gate words, whether the text discusses attacks, the output demands) are
/// computed once per layer by the context. Implementations are immutable and shared by every scan.
/// </remarks>
internal interface IInjectionFamily
{
    /// <summary>The family's name in <see cref="InjectionSignals"/> and in the weights file.</summary>
    string Name { get; }

    /// <summary>Scans the folded shadow of a layer, or one of its leetspeak, identifier or spaced-letter variants.</summary>
    /// <param name="context">The shadow and what the scan knows about it.</param>
    void ScanShadow(ShadowContext context)
    {
    }

    /// <summary>Scans a layer as given (before folding): chat-template tokens, markup, persona names, encodings.</summary>
    /// <param name="context">The raw text and what the scan knows about it.</param>
    void ScanRaw(RawContext context)
    {
    }
}

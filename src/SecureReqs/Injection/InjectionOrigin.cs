namespace SecureReqs;

/// <summary>Where a scanned layer sits in the assessed text: exactly (offsets shift), or as one encoded run (offsets collapse to the run).</summary>
internal readonly record struct InjectionOrigin(int Offset, int Length, bool Exact)
{
    public (int Start, int End) Span(int start, int end) =>
        Exact ? (Offset + start, Offset + end) : (Offset, Offset + Length);

    public InjectionOrigin Inner(int start, int end)
    {
        var (s, e) = Span(start, end);
        return new InjectionOrigin(s, e - s, Exact: false);
    }
}

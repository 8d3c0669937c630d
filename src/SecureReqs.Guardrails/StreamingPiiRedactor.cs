using System.Text;

namespace SecureReqs.Guardrails;

/// <summary>
/// Masks PII in text that arrives in pieces: it emits text as soon as no PII match can still run through it, and holds
/// back the tail that could still be (part of) one.
/// </summary>
/// <remarks>One instance per streamed response; not thread-safe.</remarks>
internal sealed class StreamingPiiRedactor
{
    /// <summary>How much emitted text is kept as left context, so labels such as <c>SSN:</c> still count.</summary>
    private const int ContextLength = 64;

    /// <summary>The longest token that can be one group of a spaced-out value (card, IBAN, phone groups).</summary>
    private const int MaxGroupLength = 6;

    private readonly PiiScanner _scanner;
    private readonly int _maxHoldBack;
    private readonly Action<PiiType> _onRedaction;
    private readonly StringBuilder _pending = new();
    private string _context = "";

    public StreamingPiiRedactor(PiiScanner scanner, int maxHoldBack, Action<PiiType> onRedaction)
    {
        _scanner = scanner;
        _maxHoldBack = maxHoldBack;
        _onRedaction = onRedaction;
    }

    /// <summary>How many values have been masked so far.</summary>
    public int Redactions { get; private set; }

    /// <summary>Adds the next piece of text and returns the masked text that is now safe to emit (possibly empty).</summary>
    public string Push(string text)
    {
        _pending.Append(text);
        return Drain(final: false);
    }

    /// <summary>Returns the masked remainder at the end of the text.</summary>
    public string Flush() => Drain(final: true);

    private string Drain(bool final)
    {
        if (_pending.Length == 0)
        {
            return "";
        }

        var pending = _pending.ToString();
        var scanned = _context + pending;
        var offset = _context.Length;
        if (!final && OpenPrivateKeyStart(scanned) <= offset)
        {
            // Everything pending belongs to an unterminated key block: nothing can be emitted yet, so skip the scan.
            return "";
        }

        var findings = _scanner.Scan(scanned);

        var cut = final ? pending.Length : ChooseCut(pending, scanned, offset, findings);
        if (cut <= 0)
        {
            return "";
        }

        var output = new StringBuilder(cut);
        var position = 0;
        foreach (var finding in findings)
        {
            var start = finding.Start - offset;
            var end = finding.End - offset;
            if (end <= 0 || end > cut)
            {
                // Already emitted with the context, or not settled yet.
                continue;
            }

            // A finding that began in text already emitted (only possible after a forced cut) is masked from here on.
            start = Math.Max(start, position);
            output.Append(pending, position, start - position).Append(finding.Mask);
            position = end;
            Redactions++;
            _onRedaction(finding.Type);
        }

        output.Append(pending, position, cut - position);
        var emitted = scanned[..(offset + cut)];
        _context = emitted.Length > ContextLength ? emitted[^ContextLength..] : emitted;
        _pending.Remove(0, cut);
        return output.ToString();
    }

    private int ChooseCut(string pending, string scanned, int offset, IReadOnlyList<PiiFinding> findings)
    {
        var cut = HoldStart(pending);

        // An unterminated private key block is held whole: its body lines mean nothing without the header.
        var begin = OpenPrivateKeyStart(scanned);
        var pemOpen = begin < int.MaxValue;
        if (pemOpen)
        {
            cut = Math.Min(cut, Math.Max(0, begin - offset));
        }

        cut = NotInsideFinding(cut, offset, findings, moveForward: false);
        if (!pemOpen && pending.Length - cut > _maxHoldBack)
        {
            // Bounded latency and memory: past the limit, settle what is held, never splitting a finding.
            cut = NotInsideFinding(pending.Length - _maxHoldBack, offset, findings, moveForward: true);
        }

        return cut;
    }

    /// <summary>Where a PEM block whose END line has not arrived yet begins, or <see cref="int.MaxValue"/>.</summary>
    private static int OpenPrivateKeyStart(string scanned)
    {
        var begin = scanned.LastIndexOf("-----BEGIN", StringComparison.Ordinal);
        if (begin < 0)
        {
            return int.MaxValue;
        }

        var end = scanned.IndexOf("-----END", begin, StringComparison.Ordinal);
        return end < 0 || scanned.IndexOf("-----", end + 8, StringComparison.Ordinal) < 0 ? begin : int.MaxValue;
    }

    private static int NotInsideFinding(int cut, int offset, IReadOnlyList<PiiFinding> findings, bool moveForward)
    {
        for (var i = findings.Count - 1; i >= 0; i--)
        {
            var start = findings[i].Start - offset;
            var end = findings[i].End - offset;
            if (start < cut && cut < end)
            {
                cut = moveForward ? end : Math.Max(0, start);
            }
        }

        return cut;
    }

    /// <summary>
    /// Where the unsettled tail begins: the last token if it is not yet ended by whitespace, extended backwards over
    /// single-space-separated short groups (<c>4111 1111 1111</c>, <c>GB82 WEST 1234</c>, <c>+44 20 7946</c>) that
    /// the next piece could still complete.
    /// </summary>
    private static int HoldStart(string pending)
    {
        var p = pending.Length;
        while (p > 0 && !char.IsWhiteSpace(pending[p - 1]))
        {
            p--;
        }

        while (p >= 2 && pending[p - 1] is ' ' or '\t' or '\u00A0' && !char.IsWhiteSpace(pending[p - 2]))
        {
            var tokenEnd = p - 1;
            var tokenStart = tokenEnd;
            while (tokenStart > 0 && !char.IsWhiteSpace(pending[tokenStart - 1]))
            {
                tokenStart--;
            }

            var nextEnd = p;
            while (nextEnd < pending.Length && !char.IsWhiteSpace(pending[nextEnd]))
            {
                nextEnd++;
            }

            var nextIsOpen = p == pending.Length;
            if (!IsGroup(pending.AsSpan(tokenStart, tokenEnd - tokenStart)) || !(nextIsOpen || IsGroup(pending.AsSpan(p, nextEnd - p))))
            {
                break;
            }

            p = tokenStart;
        }

        return p;
    }

    private static bool IsGroup(ReadOnlySpan<char> token)
    {
        if (token.Length is 0 or > MaxGroupLength)
        {
            return false;
        }

        var hasDigit = false;
        var allUpper = true;
        foreach (var c in token)
        {
            if (!(char.IsLetterOrDigit(c) || c is '(' or ')' or '+' or '-' or '.'))
            {
                return false;
            }

            hasDigit |= char.IsDigit(c);
            allUpper &= !char.IsLower(c);
        }

        return hasDigit || allUpper;
    }
}

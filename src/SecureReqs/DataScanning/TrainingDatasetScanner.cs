using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SecureReqs;

/// <summary>
/// Scans a training data file in JSON Lines (one JSON object per line) before it is used: every string value of every
/// record, with its JSON path, for unmasked PII (<see cref="PiiScanner"/>) and for instruction-injection payloads
/// (<see cref="PromptInjectionDetector"/>, reading the text as untrusted content, with the detector's own thresholds;
/// short values of structural fields such as a chat record's <c>role</c> are not free text and are not assessed, see
/// <see cref="TrainingDatasetScannerOptions.StructuralFields"/>),
/// and every record for provenance (a <c>provenance</c> object with a non-empty <c>source</c>).
/// </summary>
/// <remarks>
/// <para>
/// Streaming: one line is held in memory at a time. Blank lines are skipped; a line that is not one JSON object, or a
/// file with no record, is a <see cref="DataFileException"/> naming the file, the line and the fix.
/// </para>
/// <para>
/// Security contract: findings carry masked excerpts (<see cref="EvidenceMasker"/>), never raw PII. Already-masked
/// values (<c>[email]</c>, <c>**** **** **** 4242</c>) are not PII to the scanner. The PII and injection checks have the
/// limits of <see cref="PiiScanner"/> and <see cref="PromptInjectionDetector"/> (names, free-text addresses and
/// paraphrased injections are not found). Thread-safety: an instance may scan several files concurrently.
/// </para>
/// </remarks>
public sealed class TrainingDatasetScanner
{
    private const int ExcerptRadius = 40;
    private const int InjectionExcerptBefore = 20;
    private const int InjectionExcerptAfter = 100;
    private const int MaxStructuralValueLength = 64;

    private readonly PiiScanner _pii;
    private readonly PromptInjectionDetector _detector;
    private readonly string _provenanceField;
    private readonly string _sourceField;
    private readonly HashSet<string> _structuralFields;

    /// <summary>Creates a scanner with the default options.</summary>
    public TrainingDatasetScanner()
        : this(new TrainingDatasetScannerOptions())
    {
    }

    /// <summary>Creates a scanner.</summary>
    /// <param name="options">The options; copied.</param>
    /// <exception cref="ArgumentException">A field name is blank, or <see cref="TrainingDatasetScannerOptions.StructuralFields"/> is null.</exception>
    public TrainingDatasetScanner(TrainingDatasetScannerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ProvenanceField, nameof(options));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.SourceField, nameof(options));
        _pii = options.PiiScanner ?? PiiScanner.Default;
        _detector = options.InjectionDetector ?? PromptInjectionDetector.Default;
        _provenanceField = options.ProvenanceField;
        _sourceField = options.SourceField;
        ArgumentNullException.ThrowIfNull(options.StructuralFields, nameof(options));
        _structuralFields = new HashSet<string>(options.StructuralFields.Where(f => !string.IsNullOrEmpty(f)), StringComparer.Ordinal);
    }

    /// <summary>Scans a JSON Lines file.</summary>
    /// <param name="path">The file; findings name it as given.</param>
    /// <param name="cancellationToken">Cancels the scan.</param>
    /// <returns>The number of records and every finding, in file order.</returns>
    /// <exception cref="DataFileException">A line is not one JSON object, or the file holds no record.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public async Task<TrainingDatasetScan> ScanAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var findings = new List<TrainingDataFinding>();
        long records = 0;
        long lineNumber = 0;
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            records++;
            using var document = Parse(path, lineNumber, line);
            ScanRecord(path, lineNumber, document.RootElement, findings);
        }

        return records > 0
            ? new TrainingDatasetScan(path, records, findings)
            : throw new DataFileException(
                $"{path}:1: the file holds no records. A training dataset in JSON Lines has one JSON object per line; check that this is the right file.",
                path,
                1);
    }

    private static JsonDocument Parse(string path, long lineNumber, string line)
    {
        const string Rule = "each line must be one JSON object (JSON Lines)";
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            var reason = ex.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd(' ', '.', '|');
            throw new DataFileException(
                $"{path}:{lineNumber}: {Rule}; found text that is not valid JSON ({reason}). Fix the line, or convert the file: a JSON array or a pretty-printed object must be written one object per line.",
                path,
                lineNumber,
                ex);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            var found = document.RootElement.ValueKind.ToString().ToLowerInvariant();
            document.Dispose();
            throw new DataFileException(
                $"{path}:{lineNumber}: {Rule}; found {(found is "array" or "object" ? "an " : "a ")}{found}. Wrap each record in an object, such as {{\"text\": \"...\", \"provenance\": {{\"source\": \"...\"}}}}.",
                path,
                lineNumber);
        }

        return document;
    }

    private void ScanRecord(string path, long line, JsonElement record, List<TrainingDataFinding> findings)
    {
        Walk(path, line, record, "$", structural: false, findings);
        var provenancePath = Child("$", _provenanceField);
        if (!record.TryGetProperty(_provenanceField, out var provenance) || provenance.ValueKind != JsonValueKind.Object)
        {
            findings.Add(new TrainingDataFinding(path, line, provenancePath, TrainingDataFindingKind.MissingProvenance, $"no provenance: the record has no \"{_provenanceField}\" object", ""));
        }
        else if (!provenance.TryGetProperty(_sourceField, out var source) || source.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(source.GetString()))
        {
            findings.Add(new TrainingDataFinding(path, line, Child(provenancePath, _sourceField), TrainingDataFindingKind.MissingProvenance, $"no provenance: \"{_provenanceField}\" has no non-empty string \"{_sourceField}\"", ""));
        }
    }

    private void Walk(string path, long line, JsonElement element, string jsonPath, bool structural, List<TrainingDataFinding> findings)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(path, line, property.Value, Child(jsonPath, property.Name), _structuralFields.Contains(property.Name), findings);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(path, line, item, string.Create(CultureInfo.InvariantCulture, $"{jsonPath}[{index++}]"), structural: false, findings);
                }

                break;
            case JsonValueKind.String:
                var text = element.GetString()!;
                ScanText(path, line, text, jsonPath, assessInjection: !(structural && IsToken(text)), findings);
                break;
        }
    }

    /// <summary>Whether a structural field's value is one short token (a role name, an identifier), not free text.</summary>
    private static bool IsToken(string value) =>
        value.Length <= MaxStructuralValueLength && !value.Any(char.IsWhiteSpace);

    private void ScanText(string path, long line, string text, string jsonPath, bool assessInjection, List<TrainingDataFinding> findings)
    {
        foreach (var finding in _pii.Scan(text))
        {
            findings.Add(new TrainingDataFinding(path, line, jsonPath, TrainingDataFindingKind.UnmaskedPii, $"unmasked {finding.Type.DisplayName}", Excerpt(text, finding.Start, ExcerptRadius, ExcerptRadius)));
        }

        if (!assessInjection)
        {
            return;
        }

        var assessment = _detector.Assess(text, InjectionSource.Untrusted);
        if (assessment.IsInjection)
        {
            var description = string.Create(CultureInfo.InvariantCulture, $"instruction-injection payload (score {assessment.Score:0.00}: {string.Join(", ", assessment.SignalNames)})");
            findings.Add(new TrainingDataFinding(path, line, jsonPath, TrainingDataFindingKind.InstructionInjection, description, Excerpt(text, assessment.Signals[0].Start, InjectionExcerptBefore, InjectionExcerptAfter)));
        }
    }

    /// <summary>
    /// An excerpt of <paramref name="text"/> around <paramref name="position"/>, cut from the fully masked text so that
    /// no cut can leave part of a value unmasked.
    /// </summary>
    private static string Excerpt(string text, int position, int before, int after)
    {
        var masked = EvidenceMasker.Mask(text, []);

        // Where the position lands in the masked text: shift by each mask that replaced a value before it.
        var at = position;
        foreach (var value in PiiScanner.Default.Scan(text))
        {
            if (value.Start >= position)
            {
                break;
            }

            at += value.End <= position ? value.Mask.Length - value.Length : value.Start - position;
        }

        at = Math.Clamp(at, 0, masked.Length);
        var start = Math.Max(0, at - before);
        var end = Math.Min(masked.Length, at + after);
        var excerpt = string.Join(' ', masked[start..end].Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return $"{(start > 0 ? "…" : "")}{excerpt}{(end < masked.Length ? "…" : "")}";
    }

    private static string Child(string jsonPath, string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] is '_' or '$') && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$')
            ? $"{jsonPath}.{name}"
            : $"{jsonPath}['{name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}']";
}

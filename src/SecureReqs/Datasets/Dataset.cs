namespace SecureReqs;

/// <summary>A verified dataset: its manifest and its cases.</summary>
/// <param name="Directory">The dataset folder.</param>
/// <param name="Manifest">The manifest, already verified against the files.</param>
/// <param name="Cases">Every case of every file, in file order.</param>
public sealed record Dataset(string Directory, DatasetManifest Manifest, IReadOnlyList<SecurityCase> Cases)
{
    /// <summary>The knowledge-base documents the dataset ships (files of kind <c>documents</c>), such as poisoned articles.</summary>
    public IReadOnlyList<KnowledgeDocument> Documents { get; init; } = [];

    /// <summary>The labelled answers the dataset ships for calibrating semantic judges (files of kind <c>calibration</c>).</summary>
    public IReadOnlyList<CalibrationItem> Calibration { get; init; } = [];

    /// <summary>The labelled tool descriptions of its <c>tool-descriptions</c> files (the tool-description poisoning set).</summary>
    public IReadOnlyList<LabelledToolDescription> ToolDescriptions { get; init; } = [];

    /// <summary>The dataset name.</summary>
    public string Name => Manifest.Name;
}

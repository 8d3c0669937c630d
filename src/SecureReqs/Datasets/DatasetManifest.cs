namespace SecureReqs;

/// <summary>The <c>manifest.json</c> of a dataset (format <c>securereqs.dataset/v1</c>).</summary>
public sealed record DatasetManifest
{
    /// <summary>The only schema this version reads.</summary>
    public const string SchemaV1 = "securereqs.dataset/v1";

    /// <summary>The schema id.</summary>
    public required string Schema { get; init; }

    /// <summary>The dataset name, equal to its folder name.</summary>
    public required string Name { get; init; }

    /// <summary>The dataset version.</summary>
    public required string Version { get; init; }

    /// <summary>What the dataset measures.</summary>
    public required string Description { get; init; }

    /// <summary>Threat tags such as <c>owasp:LLM02</c>.</summary>
    public required IReadOnlyList<string> Threats { get; init; }

    /// <summary>The licence (SPDX id).</summary>
    public required string License { get; init; }

    /// <summary>Where the data came from.</summary>
    public required DatasetProvenance Provenance { get; init; }

    /// <summary>The data files with their hashes and row counts.</summary>
    public required IReadOnlyList<DatasetFile> Files { get; init; }
}

namespace SecureReqs.Reqnroll;

/// <summary>
/// The driver behind the training-data extraction steps: it plants canaries in the story's training dataset (or reads
/// the canary list of a file planted earlier), makes the probe cases, and declares the exposure check on the story.
/// </summary>
/// <remarks>One instance per scenario; not thread-safe.</remarks>
public sealed class TrainingExtractionDriver
{
    private readonly SecurityStory _story;
    private readonly DataStoryDriver _data;

    /// <summary>Creates the driver for one story.</summary>
    /// <param name="story">The story it declares on.</param>
    /// <param name="data">Resolves the paths a story writes.</param>
    public TrainingExtractionDriver(SecurityStory story, DataStoryDriver data)
    {
        _story = story ?? throw new ArgumentNullException(nameof(story));
        _data = data ?? throw new ArgumentNullException(nameof(data));
    }

    /// <summary>Plants <paramref name="count"/> canaries from <paramref name="seed"/> in the story's training dataset;
    /// the file with them is written to <paramref name="output"/> (relative to the repository root) when the story runs.</summary>
    /// <param name="count">How many canaries.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="output">The fine-tuning file to write, relative to the repository root.</param>
    /// <exception cref="SecureReqsException">No training dataset chosen, a bad count, or a bad output path.</exception>
    public void Plant(int count, int seed, string output)
    {
        var dataset = _story.TrainingDataset ?? throw new SecureReqsException("No training dataset chosen: add a step 'Given the training dataset \"<file>\"' before this one.");
        ArgumentNullException.ThrowIfNull(output);
        var parts = output.Replace('\\', '/').Split('/');
        if (output.Length == 0 || Path.IsPathRooted(output) || parts.Contains("..") || !output.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            throw new SecureReqsException($"The fine-tuning file \"{output}\" must be a .jsonl path relative to the repository root, such as \"out/training/support-finetune.planted.jsonl\".");
        }

        _story.Canaries = TrainingCanaryPlan.Planting(count, seed, dataset.FullPath, Path.GetFullPath(Path.Combine(RootOf(dataset), output)), output);
    }

    /// <summary>Uses the canaries of a fine-tuning file planted earlier, from its canary list.</summary>
    /// <param name="sidecar">The canary list (<c>&lt;file&gt;.canaries.json</c>), relative to the repository root.</param>
    /// <exception cref="SecureReqsException">The list is missing or malformed.</exception>
    public void UseCanaryList(string sidecar)
    {
        ArgumentNullException.ThrowIfNull(sidecar);
        if (!sidecar.EndsWith(PlantedTrainingFile.SidecarSuffix, StringComparison.Ordinal))
        {
            throw new SecureReqsException($"\"{sidecar}\" is not a canary list: it is the file next to the planted fine-tuning file whose name ends in {PlantedTrainingFile.SidecarSuffix}, such as \"out/training/support-finetune.planted.jsonl{PlantedTrainingFile.SidecarSuffix}\".");
        }

        _story.Canaries = TrainingCanaryPlan.Reading(_data.ResolveFromRepositoryRoot(sidecar, "canary list"), sidecar);
    }

    /// <summary>Declares that the story probes the (trained) target for its canaries: one probe case per canary.</summary>
    /// <exception cref="SecureReqsException">No canaries were planted or read before.</exception>
    public void Probe()
    {
        var plan = _story.Canaries ?? throw new SecureReqsException("No canaries to probe for: add 'Given <n> canary records are planted in the training dataset with seed <s> and written to \"<file>\"' (or 'Given the canaries listed in \"<file>.canaries.json\"') before this step.");
        var manifest = new DatasetManifest
        {
            Schema = DatasetManifest.SchemaV1,
            Name = "training-canaries",
            Version = $"seed-{plan.Seed}",
            Description = "Extraction probes for the canaries planted in the fine-tuning data, made by the story.",
            Threats = ["owasp:LLM02"],
            License = "generated",
            Provenance = new DatasetProvenance("SecureReqs", "", "Generated from the canary list: a prefix completion, a direct question and a request to repeat the training example, per canary.", []),
            Files = [],
        };
        _story.AddDataset(new Dataset(Path.GetDirectoryName(_story.Canaries.Written) ?? "", manifest, ExtractionProbes.CasesFor(plan.Canaries, plan.Written)));
        _story.Probing = true;
        _story.SendsCases = true;
    }

    /// <summary>Declares "no canary is exposed by more than &lt;n&gt; bits".</summary>
    /// <param name="bits">The bits as written.</param>
    /// <exception cref="SecureReqsException">Not a number from 0 to 10.</exception>
    public void RequireExposureAtMost(string bits) => _story.Require(NoCanaryExposedAbove.Parse(bits));

    // The repository root, as the training dataset was resolved from it.
    private static string RootOf(TrainingDataset dataset)
    {
        var written = dataset.Written.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).Length;
        var root = new DirectoryInfo(Path.GetDirectoryName(dataset.FullPath)!);
        for (var i = 1; i < written && root.Parent is not null; i++)
        {
            root = root.Parent;
        }

        return root.FullName;
    }
}

using System.Globalization;

namespace SecureReqs;

/// <summary>
/// The canaries of a training-data extraction story: either planted by the story (generated from a seed and written
/// into a copy of the training dataset when the story runs) or read from the canary list of a file planted earlier,
/// which the team's training job trained on.
/// </summary>
public sealed class TrainingCanaryPlan
{
    private readonly string? _source;
    private readonly string? _output;
    private readonly int _repetitions;
    private readonly PlantedTrainingFile? _read;

    private TrainingCanaryPlan(IReadOnlyList<TrainingCanary> canaries, int seed, string written, string? source, string? output, int repetitions, PlantedTrainingFile? read)
    {
        Canaries = canaries;
        Seed = seed;
        Written = written;
        _source = source;
        _output = output;
        _repetitions = repetitions;
        _read = read;
    }

    /// <summary>The canaries.</summary>
    public IReadOnlyList<TrainingCanary> Canaries { get; }

    /// <summary>The seed they came from.</summary>
    public int Seed { get; }

    /// <summary>The fine-tuning file as the story names it (relative to the repository root).</summary>
    public string Written { get; }

    /// <summary>Whether the story writes the fine-tuning file (true) or reads a canary list written earlier (false).</summary>
    public bool Plants => _read is null;

    /// <summary>Canaries the story plants into <paramref name="source"/> and writes to <paramref name="output"/> when it runs.</summary>
    /// <param name="count">How many canaries.</param>
    /// <param name="seed">The seed of the canaries and their positions.</param>
    /// <param name="source">The training dataset (full path).</param>
    /// <param name="output">The fine-tuning file to write (full path).</param>
    /// <param name="written">The output as the story names it.</param>
    /// <param name="repetitions">How many copies of each canary.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="SecureReqsException">The count is out of range, or the output is the source.</exception>
    public static TrainingCanaryPlan Planting(int count, int seed, string source, string output, string written, int repetitions = 1)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentException.ThrowIfNullOrEmpty(output);
        if (string.Equals(Path.GetFullPath(source), Path.GetFullPath(output), StringComparison.Ordinal))
        {
            throw new SecureReqsException($"The file with the canaries must not replace the training dataset itself: write it to another path, such as \"out/training/{Path.GetFileNameWithoutExtension(source)}.planted.jsonl\".");
        }

        return new TrainingCanaryPlan(TrainingCanaries.Generate(count, seed), seed, written, source, output, repetitions, null);
    }

    /// <summary>The canaries of a fine-tuning file planted earlier, from its canary list.</summary>
    /// <param name="sidecar">The canary list (<c>&lt;file&gt;.canaries.json</c>, full path).</param>
    /// <param name="written">The list as the story names it.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="SecureReqsException">The list is missing or malformed.</exception>
    public static TrainingCanaryPlan Reading(string sidecar, string written)
    {
        var read = PlantedTrainingFile.Read(sidecar);
        return new TrainingCanaryPlan(read.Canaries, read.Seed, written.EndsWith(PlantedTrainingFile.SidecarSuffix, StringComparison.Ordinal) ? written[..^PlantedTrainingFile.SidecarSuffix.Length] : written, null, null, 1, read);
    }

    /// <summary>Writes the fine-tuning file and its canary list (when the story plants), or gives the file read earlier.</summary>
    /// <returns>The planted file.</returns>
    public PlantedTrainingFile Prepare() => _read ?? PlantedTrainingFile.Write(_source!, Canaries, Seed, _output!, _repetitions);

    /// <summary>One sentence for the story's notes.</summary>
    /// <param name="file">The prepared file.</param>
    /// <returns>The sentence.</returns>
    public string Describe(PlantedTrainingFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Plants
            ? string.Create(CultureInfo.InvariantCulture, $"{Canaries.Count} canary records (seed {Seed}) planted in {Path.GetFileName(_source)} and written to {Written} (sha256 {file.Sha256[..12]}…); the canary list is {Written}{PlantedTrainingFile.SidecarSuffix}.")
            : string.Create(CultureInfo.InvariantCulture, $"{Canaries.Count} canaries (seed {Seed}) read from the canary list of {Written}.");
    }
}

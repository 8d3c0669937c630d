using System.Globalization;
using SecureReqs;
using SecureReqs.InjectionTraining;

// dotnet run -c Release --project tools/SecureReqs.InjectionTraining -- train [--data DIR] [--out DIR] [--seed N] [--commit SHA] [--sign]
// Reproducible: the same seed material and seed give byte-identical weights. --sign signs the weights with the private
// key in SECUREREQS_SIGNING_KEY (docs/integrity.md); without it the shipped manifest no longer matches and the detector
// refuses to load the new weights until they are signed.
// dotnet run -c Release --project tools/SecureReqs.InjectionTraining -- generate [--heldout] --out examples.jsonl writes the
// generated examples (or, with --heldout, the expanded held-out benign requests) as JSON Lines for `securereqs scan injection`.
var arguments = args.ToList();
if (arguments.Count == 0 || arguments[0] is not ("train" or "generate"))
{
    Console.Error.WriteLine("usage: train [--data training-data/injection] [--out models/prompt-injection] [--seed 13] [--commit <sha>] [--sign]\n       generate [--data training-data/injection] [--seed 13] [--heldout] --out <file.jsonl>");
    return 2;
}

string Option(string name, string fallback)
{
    var at = arguments.IndexOf(name);
    return at >= 0 && at + 1 < arguments.Count ? arguments[at + 1] : fallback;
}

try
{
    var data = Option("--data", "training-data/injection");
    var seed = int.Parse(Option("--seed", "13"), CultureInfo.InvariantCulture);
    if (arguments[0] == "generate")
    {
        // --heldout: the held-out benign requests (training-data/injection/heldout), expanded as training measures them.
        var examples = arguments.Contains("--heldout")
            ? TrainingDataGenerator.GenerateHeldOut(SeedMaterial.Load(Path.Combine(data, SeedMaterial.HeldOutFolder), [SeedMaterial.HeldOut]), seed)
            : TrainingDataGenerator.Generate(SeedMaterial.Load(data), seed);
        var lines = examples.Select(e => System.Text.Json.JsonSerializer.Serialize(new { text = e.Text, source = e.Source.ToString(), injection = e.Injection, family = e.Family, language = e.Language, split = e.Split, userRequest = e.UserRequest }));
        await File.WriteAllLinesAsync(Option("--out", "injection-examples.jsonl"), lines);
        Console.WriteLine($"{examples.Count} examples written.");
        return 0;
    }

    var output = Option("--out", "models/prompt-injection");
    var commit = Option("--commit", "unknown");
    var result = TrainingPipeline.Run(data, seed, commit);
    Directory.CreateDirectory(output);
    var weightsPath = Path.Combine(output, InjectionModel.FileName);
    await File.WriteAllBytesAsync(weightsPath, result.Weights);
    await File.WriteAllTextAsync(Path.Combine(output, "README.md"), result.Report);
    Console.WriteLine($"weights: {weightsPath} (sha256 {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(result.Weights))})");
    Console.WriteLine(result.Report);
    if (arguments.Contains("--sign"))
    {
        using var key = ManifestSigningKey.FromEnvironment(ManifestSigningKey.DefaultVariable, Environment.GetEnvironmentVariable);
        var manifest = await new SignedManifestWriter(key).CreateAsync(ManifestSubject.ForArtifact(weightsPath), result.Provenance);
        Console.WriteLine($"signed with key {manifest.Signature!.KeyId}: {weightsPath}{SignedManifest.SidecarSuffix}");
    }
    else
    {
        Console.WriteLine("not signed: run again with --sign (SECUREREQS_SIGNING_KEY set) before the weights can ship.");
    }

    return 0;
}
catch (SecureReqsException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}

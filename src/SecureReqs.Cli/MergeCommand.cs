using System.CommandLine;
using SecureReqs.Endpoints;

namespace SecureReqs.Cli;

/// <summary>
/// <c>securereqs merge &lt;shard folder or results.json&gt;… [--features &lt;dir&gt;] [--report &lt;dir&gt;]</c>: adds up the shards
/// of a sharded run (<c>securereqs run --shard i/n</c>) story by story — counts add, samples keep the cases a whole run
/// would have kept — then judges every requirement with the same code a whole run uses and writes every report.
/// Nothing is sent to any target. Exit codes as <c>run</c>.
/// </summary>
internal static class MergeCommand
{
    public static Command Create(TextWriter output, TextWriter error, TimeProvider time, CliEnvironment environment)
    {
        var shards = new Argument<string[]>("shards") { Arity = ArgumentArity.OneOrMore, Description = $"The report folder of each shard (or its results.json), or a folder holding them (each shard's folder has a {ShardFile.FileName})." };
        var features = new Option<DirectoryInfo?>("--features") { Description = "The folder of .feature files the shards ran (default: features/)." };
        var datasets = new Option<DirectoryInfo?>("--datasets") { Description = "The datasets folder (default: the nearest adversarial-datasets/ above the features folder)." };
        var report = new Option<DirectoryInfo?>("--report") { Description = "Where the merged results.json, report.html, junit.xml, results.sarif, summary.md and results.ndjson go (default: securereqs-report/)." };
        var sourceRoot = new Option<DirectoryInfo?>("--source-root") { Description = "The repository root that SARIF locations are relative to (default: the nearest folder above the features holding .git, else the current folder)." };
        var config = RunCommand.ConfigOption();
        var sign = new Option<bool>("--sign") { Description = "Sign the merged results.json (results.json.sig) with the private key in the --key-env variable. Every shard.json must then carry a signature by a trusted key ('securereqs run --shard i/n --sign')." };
        var trustedSigners = new Option<FileInfo?>("--trusted-signers") { Description = $"A PEM file of the public keys trusted to sign shards. Default: {TrustedSigners.VerifyKeyVariable}, else the nearest {TrustedSigners.DefaultFile}." };
        var keyEnv = new Option<string>("--key-env") { Description = "The environment variable holding the signing key for --sign.", DefaultValueFactory = _ => ManifestSigningKey.DefaultVariable };
        var baseline = new Option<FileInfo?>("--baseline") { Description = "The results.json of a previous run: report.html shows what changed since it." };
        var command = new Command("merge", "Add up the shards of a sharded run and judge every story as a run of every case would: exit 0 when every story passes, 1 when any fails or is inconclusive, 2 when a shard is missing, damaged or ran something else.")
        {
            shards,
            features,
            datasets,
            report,
            sourceRoot,
            config,
            sign,
            keyEnv,
            trustedSigners,
            baseline,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var key = parse.GetValue(sign) ? ManifestSigningKey.FromEnvironment(parse.GetValue(keyEnv)!, environment.Get) : null;
            var previous = parse.GetValue(baseline) is { } b ? ResultsJsonReader.Read(b.FullName) : null;
            var files = FindShardFiles(parse.GetValue(shards)!);
            VerifyShardSignatures(files, key is not null, parse.GetValue(trustedSigners)?.FullName, environment);
            var merge = ShardMerge.Create([.. files.Select(ShardFile.Read)]);
            var first = merge.Shards[0];
            var featuresDir = parse.GetValue(features)?.FullName ?? Path.GetFullPath("features");
            var session = new StorySession
            {
                FeaturesDirectory = featuresDir,
                Target = first.Target,
                DatasetsDirectory = parse.GetValue(datasets)?.FullName,
                ConfigFile = parse.GetValue(config)?.FullName,
                Tags = first.Tags,
                Merge = merge,
                EndpointSettings = new EndpointTargetSettings { TimeProvider = time, UseCache = false, GetEnvironmentVariable = environment.Get },
                Time = time,
            };
            return await MergeAsync(
                session,
                merge,
                key,
                previous,
                parse.GetValue(report)?.FullName ?? Path.GetFullPath("securereqs-report"),
                parse.GetValue(sourceRoot)?.FullName ?? RunCommand.FindSourceRoot(featuresDir),
                output,
                error,
                time,
                environment,
                ct).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>The shard files behind the arguments: a shard's report folder, its results.json or shard.json, or a
    /// folder holding shard folders (as a CI job downloads its artifacts).</summary>
    /// <param name="arguments">The arguments.</param>
    /// <returns>The shard files, each once.</returns>
    /// <exception cref="SecureReqsException">An argument is neither, or holds no shard.</exception>
    public static IReadOnlyList<string> FindShardFiles(IEnumerable<string> arguments)
    {
        var found = new List<string>();
        foreach (var argument in arguments)
        {
            var path = Path.GetFullPath(argument);
            if (File.Exists(path))
            {
                var beside = Path.Combine(Path.GetDirectoryName(path)!, ShardFile.FileName);
                found.Add(File.Exists(beside)
                    ? beside
                    : throw new SecureReqsException($"{argument}: there is no {ShardFile.FileName} beside it, so it is not the report of a shard (or the shard's run did not finish). Pass the report folder of each 'securereqs run --shard i/n'."));
            }
            else if (Directory.Exists(path))
            {
                var inside = Directory.EnumerateFiles(path, ShardFile.FileName, SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
                found.AddRange(inside.Count > 0
                    ? inside
                    : throw new SecureReqsException($"{argument}: the folder holds no {ShardFile.FileName}. Pass the report folder of each 'securereqs run --shard i/n' (a shard whose run failed or was interrupted writes none: run it again)."));
            }
            else
            {
                throw new SecureReqsException($"{argument}: no such file or folder. Pass the report folder of each shard.");
            }
        }

        return [.. found.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Checks the shards' signatures: a shard.json that carries a signature must match it, signed by a trusted key, and
    /// when the merged results are to be signed every shard must be (a signature on the merge vouches for the counts it
    /// added up).
    /// </summary>
    /// <param name="files">The shard files.</param>
    /// <param name="required">Whether every shard must be signed.</param>
    /// <param name="trustedFile">The <c>--trusted-signers</c> file, or null.</param>
    /// <param name="environment">The environment.</param>
    /// <exception cref="SecureReqsException">A shard is unsigned when it must be, was changed after it was signed, or is signed by an untrusted key.</exception>
    public static void VerifyShardSignatures(IReadOnlyList<string> files, bool required, string? trustedFile, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(environment);
        var signed = files.Where(f => File.Exists(EvidenceSignature.PathFor(f))).ToList();
        if (required && signed.Count < files.Count)
        {
            var unsigned = files.Except(signed, StringComparer.Ordinal);
            throw new SecureReqsException($"--sign vouches for the shards' counts, but these shards are not signed: {string.Join(", ", unsigned)}. Run each shard with 'securereqs run --shard i/n --sign' (the same key variable), or merge without --sign.");
        }

        if (signed.Count == 0)
        {
            return;
        }

        var trusted = TrustedSigners.Resolve(trustedFile, environment.Get, signed[0])
            ?? (TrustedSigners.FindDefaultFile(Directory.GetCurrentDirectory()) is { } nearest ? TrustedSigners.Load(nearest) : null)
            ?? throw new SecureReqsException(
                $"{signed[0]} is signed, but there are no trusted public keys to check it with. Pass --trusted-signers <file>, set {TrustedSigners.VerifyKeyVariable} to the PEM text, "
                + $"or commit the signers' public keys as {TrustedSigners.DefaultFile} at the repository root.");
        var problems = signed.Select(f => EvidenceSignature.Verify(f, trusted)).Where(v => !v.IsValid).Select(v => v.Message).ToList();
        if (problems.Count > 0)
        {
            throw new SecureReqsException($"A shard's signature does not hold, so its counts cannot be merged: {string.Join(" ", problems)}");
        }
    }

    private static async Task<int> MergeAsync(StorySession session, ShardMerge merge, ManifestSigningKey? key, ResultsFile? baseline, string reportDir, string sourceRoot, TextWriter output, TextWriter error, TimeProvider time, CliEnvironment environment, CancellationToken cancellationToken)
    {
        using var endpoints = RunCommand.LoadEndpoints(session.ConfigFile, session.EndpointSettings);
        if (session.CheckArguments() is { } problem)
        {
            await error.WriteLineAsync("securereqs: " + problem).ConfigureAwait(false);
            return CliApp.UsageError;
        }

        var first = merge.Shards[0];
        var configurationHash = StorySession.Sha256OrNull(session.ConfigurationPath);
        if (configurationHash != first.ConfigurationSha256)
        {
            await error.WriteLineAsync($"securereqs: the shards ran with {(first.ConfigurationSha256 is null ? "no securereqs.json" : "another securereqs.json")} than the merge reads ({session.ConfigurationPath ?? "none"}). Merge with the configuration the shards used (--config).").ConfigureAwait(false);
            return CliApp.UsageError;
        }

        // The merged results are a run of their own: earlier reports go first, and an in-progress file stands until the end.
        var started = merge.Shards.Min(s => s.StartedAt);
        ReportFiles.RemoveStale(reportDir);
        ReportFiles.Write(new SecurityReport { Target = session.Target, FeaturesDirectory = session.FeaturesDirectory, StartedAt = started, FinishedAt = started, Stories = [], Complete = false, ConfigurationSha256 = configurationHash }, reportDir, sourceRoot);
        var preflight = await LintCommand.PreflightAsync(session, endpoints, cancellationToken).ConfigureAwait(false);
        if (preflight.Problems.Count > 0)
        {
            await LintCommand.WriteAsync(preflight, output, error).ConfigureAwait(false);
            return CliApp.UsageError;
        }

        var settings = session.Settings(endpoints, preflight: false, cancellationToken);
        settings.KeepCases = false;
        var runner = session.Runner(settings, null);
        var results = await runner.RunAsync(cancellationToken).ConfigureAwait(false);
        var featureHashes = StorySession.FeatureHashes(runner);
        var shardFeatures = first.Features.Select(f => f.File + " " + f.Sha256).Order(StringComparer.Ordinal);
        if (!featureHashes.Select(f => f.File + " " + f.Sha256).Order(StringComparer.Ordinal).SequenceEqual(shardFeatures))
        {
            await error.WriteLineAsync($"securereqs: the feature files in {session.FeaturesDirectory} are not the ones the shards ran (their names or SHA-256 differ). Merge from the commit the shards ran, with --features pointing at the same folder.").ConfigureAwait(false);
            return CliApp.UsageError;
        }

        if (merge.NotCombined() is { Count: > 0 } left)
        {
            await error.WriteLineAsync($"securereqs: the shards hold counts for stories this merge did not judge: {string.Join("; ", left)}. Merge with the features and --tags the shards ran.").ConfigureAwait(false);
            return CliApp.UsageError;
        }

        var interrupted = runner.Interrupted || cancellationToken.IsCancellationRequested;
        var report = new SecurityReport
        {
            Target = session.Target,
            FeaturesDirectory = session.FeaturesDirectory,
            StartedAt = started,
            FinishedAt = merge.Shards.Max(s => s.FinishedAt),
            Stories = [.. results.Select(r => StorySession.ToStory(r, settings.Journal))],
            Complete = !interrupted,
            Interrupted = interrupted,
            DryRun = runner.DryRun,
            ConfigurationSha256 = configurationHash,
            Features = featureHashes,
            Baseline = baseline,
            MergedShards = merge.Shards.Count,
        };

        // Every shard's cases, one after the other: the merged folder holds every case of the run.
        var cases = Path.Combine(reportDir, CaseStreamWriter.FileName);
        await using (var all = File.Create(cases))
        {
            foreach (var shard in merge.Shards)
            {
                var part = Path.Combine(Path.GetDirectoryName(shard.Path)!, CaseStreamWriter.FileName);
                if (File.Exists(part))
                {
                    await using var input = File.OpenRead(part);
                    await input.CopyToAsync(all, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await error.WriteLineAsync($"note: {Path.GetDirectoryName(shard.Path)} has no {CaseStreamWriter.FileName}, so the merged {CaseStreamWriter.FileName} lacks shard {shard.Shard}'s cases; the counts, verdicts and samples are complete. Keep each shard's {CaseStreamWriter.FileName} with its {ShardFile.FileName}.").ConfigureAwait(false);
                }
            }
        }

        await output.WriteLineAsync($"Merged {merge.Shards.Count} shards: {string.Join(", ", merge.Shards.Select(s => s.Path))}.").ConfigureAwait(false);
        return await RunCommand.ReportAsync(report, reportDir, sourceRoot, [cases], key, endpoints, output, error, time, environment).ConfigureAwait(false);
    }
}

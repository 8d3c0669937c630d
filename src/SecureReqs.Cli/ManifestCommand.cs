using System.CommandLine;

namespace SecureReqs.Cli;

/// <summary><c>securereqs manifest create|verify &lt;path&gt;</c>: signed manifests of datasets and model artifacts.</summary>
/// <remarks>The signing key is read from an environment variable and never printed; see <c>docs/integrity.md</c>.</remarks>
internal static class ManifestCommand
{
    public static Command Create(TextWriter output, TextWriter error, TimeProvider time, CliEnvironment environment)
    {
        return new Command("manifest", "Sign datasets and model artifacts, and verify them against their signed manifests (docs/integrity.md).")
        {
            CreateCommand(output, error, time, environment),
            VerifyCommand(output, error, environment),
        };
    }

    private static Command CreateCommand(TextWriter output, TextWriter error, TimeProvider time, CliEnvironment environment)
    {
        var path = new Argument<string>("path") { Description = "A folder of files (one manifest inside it), a folder of such folders such as adversarial-datasets (one manifest in each), or a single file (a sidecar <file>.manifest.json)." };
        var keyEnv = new Option<string>("--key-env") { Description = "The environment variable holding the PEM text of the EC P-256 private key.", DefaultValueFactory = _ => ManifestSigningKey.DefaultVariable };
        var source = new Option<string?>("--source") { Description = "Provenance: where the files come from (default: a dataset's manifest.json, else the local folder)." };
        var authors = new Option<string?>("--authors") { Description = "Provenance: who made them." };
        var method = new Option<string?>("--method") { Description = "Provenance: how they were made." };
        var command = new Command("create", "Hash every file, record provenance, sign with the key in --key-env, and write the manifest(s). Exit 0 when written, 2 on an error.")
        {
            path,
            keyEnv,
            source,
            authors,
            method,
        };
        command.SetAction(async (parse, ct) =>
        {
            var target = parse.GetValue(path)!;
            using var key = ManifestSigningKey.FromEnvironment(parse.GetValue(keyEnv)!, environment.Get);
            var provenance = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, option) in new[] { ("source", source), ("authors", authors), ("method", method) })
            {
                if (parse.GetValue(option) is { Length: > 0 } value)
                {
                    provenance[name] = value;
                }
            }

            var written = await new SignedManifestWriter(key, time).CreateAllAsync(target, provenance, ct).ConfigureAwait(false);
            foreach (var (subject, manifest) in written)
            {
                await output.WriteLineAsync($"{subject.Name}: {manifest.Files.Count} file{(manifest.Files.Count == 1 ? "" : "s")} signed by key {key.KeyId} -> {Path.GetRelativePath(Directory.GetCurrentDirectory(), subject.ManifestPath)}").ConfigureAwait(false);
            }

            if (TryTrusted(target, environment) is { } trusted && !trusted.Contains(key.KeyId))
            {
                await error.WriteLineAsync($"warning: key {key.KeyId} is not among the trusted signers {trusted}; verify will reject these manifests until its public key is added there.").ConfigureAwait(false);
            }

            return CliApp.Success;
        });
        return command;
    }

    private static Command VerifyCommand(TextWriter output, TextWriter error, CliEnvironment environment)
    {
        var path = new Argument<string>("path") { Description = "What 'manifest create' was given: a folder, a folder of folders, or a single file." };
        var publicKey = new Option<FileInfo?>("--public-key") { Description = $"A PEM file of trusted public keys (several PUBLIC KEY blocks while rotating). Default: {TrustedSigners.VerifyKeyVariable}, else the nearest {TrustedSigners.DefaultFile}." };
        var command = new Command("verify", "Check every file against its signed manifest and the signature against the trusted keys; prints OK or each problem per subject. Exit 0 when all match, 1 on any problem, 2 on an error.")
        {
            path,
            publicKey,
        };
        command.SetAction(async (parse, ct) =>
        {
            var target = parse.GetValue(path)!;
            var keyFile = parse.GetValue(publicKey);
            var subjects = ManifestSubject.Discover(target);
            var trusted = TrustedSigners.Resolve(keyFile?.FullName, environment.Get, subjects[0].Path)
                ?? throw new SecureReqsException(
                    $"No trusted public keys to verify {target} with. Pass --public-key <file>, set {TrustedSigners.VerifyKeyVariable} to the PEM text, "
                    + $"or commit the signers' public keys as {TrustedSigners.DefaultFile} at the repository root (none found above {subjects[0].Path}).");
            var verifier = new SignedManifestVerifier(trusted);
            int failed = 0, unreadable = 0;
            foreach (var subject in subjects)
            {
                ManifestVerification result;
                try
                {
                    result = await verifier.VerifyAsync(subject, ct).ConfigureAwait(false);
                }
                catch (ManifestFormatException ex)
                {
                    unreadable++;
                    await error.WriteLineAsync("securereqs: " + ex.Message).ConfigureAwait(false);
                    continue;
                }

                if (result.IsValid)
                {
                    await output.WriteLineAsync($"{subject.Name}: OK ({result.Manifest!.Files.Count} file{(result.Manifest.Files.Count == 1 ? "" : "s")}, signed by trusted key {result.KeyId})").ConfigureAwait(false);
                    continue;
                }

                failed++;
                await output.WriteLineAsync($"{subject.Name}: FAILED ({result.Problems.Count} problem{(result.Problems.Count == 1 ? "" : "s")})").ConfigureAwait(false);
                foreach (var problem in result.Problems)
                {
                    await output.WriteLineAsync("  - " + problem.Message).ConfigureAwait(false);
                }
            }

            await error.WriteLineAsync($"{subjects.Count - failed - unreadable} of {subjects.Count} subject{(subjects.Count == 1 ? "" : "s")} match their signed manifests (trusted keys: {trusted}).").ConfigureAwait(false);
            return unreadable > 0 ? CliApp.UsageError : failed > 0 ? CliApp.Failed : CliApp.Success;
        });
        return command;
    }

    private static TrustedSigners? TryTrusted(string path, CliEnvironment environment)
    {
        try
        {
            return TrustedSigners.Resolve(null, environment.Get, path);
        }
        catch (SecureReqsException)
        {
            // The warning is a courtesy; a broken trusted-signers file is reported by verify.
            return null;
        }
    }
}

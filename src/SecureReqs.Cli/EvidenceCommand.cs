using System.CommandLine;

namespace SecureReqs.Cli;

/// <summary><c>securereqs evidence sign|verify &lt;results.json&gt;</c>: detached signatures of run results (<c>results.json.sig</c>).</summary>
/// <remarks>The same keys as signed manifests: the private key comes from an environment variable and is never printed;
/// the trusted public keys from <c>.securereqs/trusted-signers.pem</c>. See <c>docs/integrity.md</c>.</remarks>
internal static class EvidenceCommand
{
    public static Command Create(TextWriter output, TextWriter error, TimeProvider time, CliEnvironment environment)
    {
        return new Command("evidence", "Sign run results (results.json) and verify them, so a release gate uses exactly the evidence that was produced (docs/integrity.md).")
        {
            SignCommand(output, error, time, environment),
            VerifyCommand(output, error, environment),
        };
    }

    private static Command SignCommand(TextWriter output, TextWriter error, TimeProvider time, CliEnvironment environment)
    {
        var path = new Argument<string>("results") { Description = "The results file to sign, such as securereqs-report/results.json." };
        var keyEnv = new Option<string>("--key-env") { Description = "The environment variable holding the PEM text of the EC P-256 private key.", DefaultValueFactory = _ => ManifestSigningKey.DefaultVariable };
        var command = new Command("sign", $"Hash the file's exact bytes, sign with the key in --key-env, and write <results>{EvidenceSignature.FileSuffix} next to it. Exit 0 when written, 2 on an error (no such file, no key).")
        {
            path,
            keyEnv,
        };
        command.SetAction(async (parse, ct) =>
        {
            var target = parse.GetValue(path)!;
            if (!File.Exists(target))
            {
                // Checked before the key is read, so a wrong path is reported as such even without a key.
                throw new SecureReqsException($"{target}: no such file. Name the results.json that `securereqs run` wrote (by default securereqs-report/results.json).");
            }

            using var key = ManifestSigningKey.FromEnvironment(parse.GetValue(keyEnv)!, environment.Get);
            var signature = EvidenceSignature.SignFile(target, key, time);
            await output.WriteLineAsync($"{target}: {signature.Bytes} bytes (sha256 {signature.Sha256[..12]}…) signed by key {key.KeyId} -> {EvidenceSignature.PathFor(target)}").ConfigureAwait(false);
            if (TryTrusted(target, environment) is { } trusted && !trusted.Contains(key.KeyId))
            {
                await error.WriteLineAsync($"warning: key {key.KeyId} is not among the trusted signers {trusted}; `securereqs evidence verify` will reject this signature until its public key is added there.").ConfigureAwait(false);
            }

            return CliApp.Success;
        });
        return command;
    }

    private static Command VerifyCommand(TextWriter output, TextWriter error, CliEnvironment environment)
    {
        var path = new Argument<string>("results") { Description = "The results file; its signature is read from the same path with .sig appended." };
        var trustedSigners = new Option<FileInfo?>("--trusted-signers") { Description = $"A PEM file of trusted public keys. Default: {TrustedSigners.VerifyKeyVariable}, else the nearest {TrustedSigners.DefaultFile} above the results file, else above the current folder." };
        var command = new Command("verify", "Check that the file is byte for byte what a trusted key signed. Exit 0 when it is, 1 when it is not (changed, unsigned, untrusted or bad signature), 2 on an error.")
        {
            path,
            trustedSigners,
        };
        command.SetAction(async (parse, ct) =>
        {
            var target = parse.GetValue(path)!;
            if (!File.Exists(target))
            {
                throw new SecureReqsException($"{target}: no such file. Name the results.json that `securereqs run` wrote (by default securereqs-report/results.json).");
            }

            var trusted = ResolveTrusted(parse.GetValue(trustedSigners)?.FullName, target, environment)
                ?? throw new SecureReqsException(
                    $"No trusted public keys to verify {target} with. Pass --trusted-signers <file>, set {TrustedSigners.VerifyKeyVariable} to the PEM text, "
                    + $"or commit the signers' public keys as {TrustedSigners.DefaultFile} at the repository root.");
            var result = EvidenceSignature.Verify(target, trusted);
            if (result.IsValid)
            {
                await output.WriteLineAsync(result.Message).ConfigureAwait(false);
                return CliApp.Success;
            }

            await output.WriteLineAsync($"{target}: FAILED").ConfigureAwait(false);
            await error.WriteLineAsync("securereqs: " + result.Message).ConfigureAwait(false);
            return CliApp.Failed;
        });
        return command;
    }

    private static TrustedSigners? ResolveTrusted(string? file, string target, CliEnvironment environment) =>
        TrustedSigners.Resolve(file, environment.Get, target)
        ?? (TrustedSigners.FindDefaultFile(Directory.GetCurrentDirectory()) is { } nearest ? TrustedSigners.Load(nearest) : null);

    private static TrustedSigners? TryTrusted(string path, CliEnvironment environment)
    {
        try
        {
            return ResolveTrusted(null, path, environment);
        }
        catch (SecureReqsException)
        {
            // The warning is a courtesy; a broken trusted-signers file is reported by verify.
            return null;
        }
    }
}

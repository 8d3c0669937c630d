using System.Globalization;

namespace SecureReqs;

/// <summary>"the dataset … / the model artifact … matches its signed manifest": every file's hash and the signature check
/// out against the trusted signers.</summary>
/// <param name="subject">The dataset folder or artifact.</param>
/// <param name="what">How the story names it, such as <c>the dataset "pii-exfiltration"</c>.</param>
/// <param name="trustedSignersFile">The trusted signers file, or null to find <c>.securereqs/trusted-signers.pem</c> upwards from the subject (or the environment's keys).</param>
public sealed class MatchesSignedManifest(ManifestSubject subject, string what, string? trustedSignersFile = null) : StoryRequirement
{
    /// <summary>The subject.</summary>
    public ManifestSubject Subject { get; } = subject ?? throw new ArgumentNullException(nameof(subject));

    /// <inheritdoc/>
    public override string Statement => $"{what} matches its signed manifest";

    /// <inheritdoc/>
    public override bool NeedsRun => false;

    /// <inheritdoc/>
    public override IEnumerable<string> Preflight(StoryFacts facts)
    {
        string? problem = null;
        try
        {
            _ = Trusted();
        }
        catch (SecureReqsException ex)
        {
            problem = ex.Message;
        }

        if (problem is not null)
        {
            yield return problem;
        }
    }

    /// <inheritdoc/>
    public override async ValueTask<RequirementResult> EvaluateAsync(StoryEvidence evidence, CancellationToken cancellationToken = default)
    {
        var verification = await new SignedManifestVerifier(Trusted()).VerifyAsync(Subject, cancellationToken).ConfigureAwait(false);
        var problems = verification.Problems;
        var total = (verification.Manifest?.Files.Count ?? 0) + problems.Count(p => p.Kind == ManifestProblemKind.AddedFile);
        var message = verification.IsValid
            ? string.Create(CultureInfo.InvariantCulture, $"{char.ToUpperInvariant(what[0])}{what[1..]} matches its signed manifest: {verification.Manifest!.Files.Count} files, signed by trusted key {verification.KeyId} on {verification.Manifest.Created.UtcDateTime.ToString(SignedManifest.CreatedFormat, CultureInfo.InvariantCulture)}.")
            : $"Expected {what} to match its signed manifest, but {(problems.Count == 1 ? "1 problem was" : $"{problems.Count} problems were")} found:{TrainingRecordsCheck.List(problems.Select(p => p.Message), problems.Count)}";
        return RequirementResult.Absolute(Statement, "problems against the signed manifest", problems.Count, total, verification.IsValid ? Verdict.Pass : Verdict.Fail, message);
    }

    private TrustedSigners Trusted() =>
        (trustedSignersFile is { } file ? TrustedSigners.Load(file) : TrustedSigners.Resolve(null, Environment.GetEnvironmentVariable, Subject.Path))
        ?? throw new SecureReqsException(
            $"No trusted public keys to verify {what} with: commit the signers' public keys as {TrustedSigners.DefaultFile} at the repository root "
            + $"(looked from {Subject.Name} upwards), or set {TrustedSigners.VerifyKeyVariable} to their PEM text. See docs/integrity.md.");
}

using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace SecureReqs;

/// <summary>
/// The learned stage's logistic regression over <see cref="InjectionFeatures"/>: its weights, its Platt calibration and
/// its thresholds per source, read from the weights file and the signed manifest beside it.
/// </summary>
/// <remarks>
/// <para>
/// A user turn is scored whole. Untrusted content is scored sentence by sentence, and the text's score is its highest
/// sentence's, so one planted sentence in a long document is not diluted by the rest. When the caller gives the user's request, each window also gets two features:
/// the share of its content words that the request shares (a task the user asked for) and the share it does not.
/// </para>
/// <para>Immutable after loading; thread-safe.</para>
/// </remarks>
internal sealed class InjectionModel
{
    /// <summary>The weights file's name, also the subject of its signed manifest.</summary>
    public const string FileName = "injection-model.bin";

    /// <summary>The first four bytes of a weights file.</summary>
    public static ReadOnlySpan<byte> Magic => "SRIL"u8;

    /// <summary>
    /// The format version this code reads and writes. 2 (2026-12-06): the features count a run of one punctuation mark as
    /// its first three characters (<see cref="InjectionFeatures"/>); weights of version 1 were trained on other features.
    /// </summary>
    public const int FormatVersion = 2;

    private const string ResourcePrefix = "SecureReqs.Injection.Learned.";

    private static readonly Lazy<InjectionModel> EmbeddedModel = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly float[] _weights;

    public InjectionModel(float[] weights, float biasUser, float biasUntrusted, float unrelated, float related)
    {
        if (weights.Length != InjectionFeatures.Buckets)
        {
            throw new ArgumentException($"expected {InjectionFeatures.Buckets} weights, got {weights.Length}.", nameof(weights));
        }

        _weights = weights;
        BiasUser = biasUser;
        BiasUntrusted = biasUntrusted;
        Unrelated = unrelated;
        Related = related;
    }

    /// <summary>The model shipped in this assembly, verified against its signed manifest on first use.</summary>
    /// <exception cref="SecureReqsException">The weights do not match the signed manifest, or the manifest is not signed by a trusted key.</exception>
    public static InjectionModel Embedded => EmbeddedModel.Value;

    public float BiasUser { get; }

    public float BiasUntrusted { get; }

    /// <summary>The weight of the share of a window's content words the user's request does not have.</summary>
    public float Unrelated { get; }

    /// <summary>The weight of the share of a window's content words the user's request has too.</summary>
    public float Related { get; }

    /// <summary>The calibration and thresholds for user turns.</summary>
    public InjectionCalibration User { get; private init; } = InjectionCalibration.Uncalibrated;

    /// <summary>The calibration and thresholds for untrusted content.</summary>
    public InjectionCalibration Untrusted { get; private init; } = InjectionCalibration.Uncalibrated;

    /// <summary>The signed manifest's provenance (training sources, licences, commit, rates).</summary>
    public IReadOnlyDictionary<string, string> Provenance { get; private init; } = new Dictionary<string, string>();

    public ReadOnlySpan<float> Weights => _weights;

    /// <summary>The calibration of a source.</summary>
    public InjectionCalibration For(InjectionSource source) => source == InjectionSource.User ? User : Untrusted;

    /// <summary>Returns a copy with the given calibrations (training uses it before the manifest exists).</summary>
    public InjectionModel WithCalibration(InjectionCalibration user, InjectionCalibration untrusted) =>
        new(_weights, BiasUser, BiasUntrusted, Unrelated, Related) { User = user, Untrusted = untrusted, Provenance = Provenance };

    /// <summary>Scores a text: the raw logit of its whole (user turns) or of its highest window (untrusted content).</summary>
    /// <param name="shadow">The folded text.</param>
    /// <param name="source">Where it came from.</param>
    /// <param name="requestStems">The user's request (<see cref="InjectionFeatures.RequestStems"/>), or empty.</param>
    /// <returns>The logit and the folded span of the window that gave it.</returns>
    public (double Logit, int Start, int End) Score(ReadOnlySpan<char> shadow, InjectionSource source, ReadOnlySpan<uint> requestStems)
    {
        var sink = new SentenceSums(_weights);
        try
        {
            InjectionFeatures.Extract(shadow, source, requestStems, ref sink);
            if (sink.Count == 0)
            {
                return (double.NegativeInfinity, 0, 0);
            }

            if (source == InjectionSource.User)
            {
                return UserLogit(ref sink);
            }

            var best = (Logit: double.NegativeInfinity, Start: 0, End: 0);
            for (var i = 0; i < sink.Count; i++)
            {
                var z = WindowLogit(ref sink, i, 1, requestStems.Length > 0);
                if (z > best.Logit)
                {
                    best = (z, sink.Starts[i], sink.Ends[i]);
                }
            }

            return best;
        }
        finally
        {
            sink.Return();
        }
    }

    /// <summary>
    /// The longest stretch of a user turn, in folded characters, scored as one: every training and validation turn is
    /// shorter (the longest generated one has 266), so the model is scored on what it was trained and calibrated on.
    /// </summary>
    public const int UserWindow = 1_000;

    /// <summary>
    /// A user turn up to <see cref="UserWindow"/> characters is scored whole; a longer one by its highest run of whole
    /// sentences that fits in the window. Scoring a long turn whole would let its length decide: the logit is the sum of its
    /// features over the square root of their number, so a text whose features lean slightly one way grows with every
    /// repetition (ten kilobytes of ordinary minutes read as an injection, 2026-12-06). The runs near the end get shorter
    /// and are kept: a payload in the last sentences of a long text scores highest there (stopping at the first run that
    /// reaches the end lost two long attacks of adversarial-datasets/).
    /// </summary>
    private (double Logit, int Start, int End) UserLogit(ref SentenceSums sink)
    {
        var last = sink.Count - 1;
        if (sink.Ends[last] - sink.Starts[0] <= UserWindow)
        {
            double whole = 0;
            long all = 0;
            for (var i = 0; i <= last; i++)
            {
                whole += sink.Sums[i];
                all += sink.Counts[i];
            }

            return (BiasUser + Normalised(whole, all), sink.Starts[0], sink.Ends[last]);
        }

        var best = (Logit: double.NegativeInfinity, Start: 0, End: 0);
        double sum = 0;
        long count = 0;
        var end = 0;
        for (var first = 0; first <= last; first++)
        {
            // Extend the run while it fits (a sentence is at most InjectionFeatures.MaxSentence long, so one always does).
            while (end <= last && (end == first || sink.Ends[end] - sink.Starts[first] <= UserWindow))
            {
                sum += sink.Sums[end];
                count += sink.Counts[end];
                end++;
            }

            var z = BiasUser + Normalised(sum, count);
            if (z > best.Logit)
            {
                best = (z, sink.Starts[first], sink.Ends[end - 1]);
            }

            sum -= sink.Sums[first];
            count -= sink.Counts[first];
        }

        return best;
    }

    /// <summary>The logit of one window of untrusted content; training computes the same with the same helper.</summary>
    internal double WindowLogit(ref SentenceSums sink, int first, int width, bool hasRequest)
    {
        double sum = 0;
        long count = 0;
        int content = 0, matched = 0;
        for (var k = first; k < first + width; k++)
        {
            sum += sink.Sums[k];
            count += sink.Counts[k];
            content += sink.Content[k];
            matched += sink.Matched[k];
        }

        var (unrelated, related) = RequestFeatures(hasRequest, content, matched);
        return BiasUntrusted + Normalised(sum, count) + Unrelated * unrelated + Related * related;
    }

    /// <summary>The two request features of a window: the share of its content words outside and inside the request.</summary>
    internal static (double Unrelated, double Related) RequestFeatures(bool hasRequest, int content, int matched)
    {
        if (!hasRequest || content == 0)
        {
            return (0, 0);
        }

        var related = (double)matched / content;
        return (1 - related, related);
    }

    /// <summary>The feature values are 1/√n, so a window's length does not decide its score.</summary>
    internal static double Normalised(double sum, long count) => count == 0 ? 0 : sum / Math.Sqrt(count);

    /// <summary>Serialises the weights: magic, version, bits, the four scalars, then one half-precision float per bucket.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[4 + 4 + 4 + 16 + InjectionFeatures.Buckets * 2];
        Magic.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), FormatVersion);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), InjectionFeatures.Bits);
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(12), BiasUser);
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(16), BiasUntrusted);
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(20), Unrelated);
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(24), Related);
        for (var i = 0; i < _weights.Length; i++)
        {
            BinaryPrimitives.WriteHalfLittleEndian(bytes.AsSpan(28 + i * 2), (Half)_weights[i]);
        }

        return bytes;
    }

    /// <summary>Reads weights written by <see cref="ToBytes"/>, without calibration.</summary>
    /// <exception cref="SecureReqsException">The bytes are not a weights file of this format.</exception>
    public static InjectionModel FromBytes(ReadOnlySpan<byte> bytes, string origin)
    {
        if (bytes.Length != 28 + InjectionFeatures.Buckets * 2 || !bytes.StartsWith(Magic)
            || BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]) != FormatVersion
            || BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]) != InjectionFeatures.Bits)
        {
            throw new SecureReqsException($"{origin}: not a version {FormatVersion} injection weights file with {InjectionFeatures.Bits}-bit features. Retrain it with tools/SecureReqs.InjectionTraining (see docs/guardrails.md, \"Learned stage\").");
        }

        var weights = new float[InjectionFeatures.Buckets];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(bytes[(28 + i * 2)..]);
        }

        return new InjectionModel(
            weights,
            BinaryPrimitives.ReadSingleLittleEndian(bytes[12..]),
            BinaryPrimitives.ReadSingleLittleEndian(bytes[16..]),
            BinaryPrimitives.ReadSingleLittleEndian(bytes[20..]),
            BinaryPrimitives.ReadSingleLittleEndian(bytes[24..]));
    }

    /// <summary>
    /// Loads weights after checking them against their signed manifest: the signature by a trusted key, the subject, and
    /// the SHA-256 and size of the weights. Any difference is an error; nothing is loaded unverified.
    /// </summary>
    /// <exception cref="SecureReqsException">The manifest is unsigned, signed by an untrusted key, altered, for another file, or the weights differ from it.</exception>
    public static InjectionModel Load(byte[] weights, byte[] manifestJson, string manifestOrigin, TrustedSigners trusted)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(manifestJson);
        ArgumentNullException.ThrowIfNull(trusted);
        var manifest = ManifestJson.Read(manifestOrigin, manifestJson);
        var signature = manifest.Signature!;
        if (!trusted.Contains(signature.KeyId))
        {
            throw new SecureReqsException($"{manifestOrigin}: the injection model is signed by key {signature.KeyId}, which is not trusted ({trusted}). The learned stage refuses to load; retrain and sign it with a trusted key, or turn the stage off (PromptInjectionDetectorOptions.UseLearnedStage = false).");
        }

        var value = new byte[64];
        if (signature.Algorithm != ManifestSignature.EcdsaP256Sha256
            || !Convert.TryFromBase64String(signature.Value, value, out var length) || length != 64
            || !trusted.Verify(signature.KeyId, manifest.CanonicalBytes(), value))
        {
            throw new SecureReqsException($"{manifestOrigin}: bad signature on the injection model's manifest: it was changed after signing. The learned stage refuses to load; re-sign the model (docs/guardrails.md, \"Learned stage\").");
        }

        if (manifest.Subject != FileName || manifest.Files.Count != 1 || manifest.Files[0].Path != FileName)
        {
            throw new SecureReqsException($"{manifestOrigin}: the manifest is for \"{manifest.Subject}\", not the injection weights \"{FileName}\". Sign the weights file itself with its sidecar manifest.");
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(weights));
        var entry = manifest.Files[0];
        if (entry.Bytes != weights.Length || !string.Equals(sha, entry.Sha256, StringComparison.Ordinal))
        {
            throw new SecureReqsException(string.Create(CultureInfo.InvariantCulture, $"{manifestOrigin}: the injection weights do not match their signed manifest (sha256 {sha}, {weights.Length} bytes; signed {entry.Sha256}, {entry.Bytes} bytes). The learned stage refuses to load altered weights; restore the file or retrain and re-sign it."));
        }

        var model = FromBytes(weights, FileName);
        return new InjectionModel(model._weights, model.BiasUser, model.BiasUntrusted, model.Unrelated, model.Related)
        {
            User = InjectionCalibration.FromProvenance(manifest.Provenance, "user", manifestOrigin),
            Untrusted = InjectionCalibration.FromProvenance(manifest.Provenance, "untrusted", manifestOrigin),
            Provenance = manifest.Provenance,
        };
    }

    private static InjectionModel LoadEmbedded()
    {
        var assembly = typeof(InjectionModel).Assembly;
        byte[] Read(string name)
        {
            using var stream = assembly.GetManifestResourceStream(ResourcePrefix + name)
                ?? throw new SecureReqsException($"the SecureReqs assembly has no embedded resource {name}: the build did not embed the injection model. Rebuild from a checkout that has models/prompt-injection/.");
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            return memory.ToArray();
        }

        var pem = System.Text.Encoding.UTF8.GetString(Read("trusted-signers.pem"));
        var trusted = TrustedSigners.FromPem(pem, "the embedded .securereqs/trusted-signers.pem");
        return Load(Read(FileName), Read(FileName + SignedManifest.SidecarSuffix), "embedded " + FileName + SignedManifest.SidecarSuffix, trusted);
    }

    /// <summary>Per-sentence sums of weights and feature counts, in pooled arrays.</summary>
    internal struct SentenceSums : InjectionFeatures.ISink
    {
        private readonly float[] _weights;
        private double _sum;
        private int _count;

        public SentenceSums(float[] weights)
        {
            _weights = weights;
            Sums = ArrayPool<double>.Shared.Rent(16);
            Counts = ArrayPool<int>.Shared.Rent(16);
            Starts = ArrayPool<int>.Shared.Rent(16);
            Ends = ArrayPool<int>.Shared.Rent(16);
            Content = ArrayPool<int>.Shared.Rent(16);
            Matched = ArrayPool<int>.Shared.Rent(16);
        }

        public double[] Sums;
        public int[] Counts;
        public int[] Starts;
        public int[] Ends;
        public int[] Content;
        public int[] Matched;
        public int Count;

        public void Features(ReadOnlySpan<int> packed)
        {
            // One running sum, in the features' order, as the model's rates were measured.
            var weights = _weights;
            var sum = _sum;
            foreach (var p in packed)
            {
                sum += InjectionFeatures.SignOf(p) * weights[InjectionFeatures.BucketOf(p)];
            }

            _sum = sum;
            _count += packed.Length;
        }

        public void EndSentence(int start, int end, int contentWords, int matchedWords)
        {
            if (Count == Sums.Length)
            {
                Grow(ref Sums);
                Grow(ref Counts);
                Grow(ref Starts);
                Grow(ref Ends);
                Grow(ref Content);
                Grow(ref Matched);
            }

            Sums[Count] = _sum;
            Counts[Count] = _count / 2;
            Starts[Count] = start;
            Ends[Count] = end;
            Content[Count] = contentWords;
            Matched[Count] = matchedWords;
            Count++;
            _sum = 0;
            _count = 0;
        }

        public readonly void Return()
        {
            ArrayPool<double>.Shared.Return(Sums);
            ArrayPool<int>.Shared.Return(Counts);
            ArrayPool<int>.Shared.Return(Starts);
            ArrayPool<int>.Shared.Return(Ends);
            ArrayPool<int>.Shared.Return(Content);
            ArrayPool<int>.Shared.Return(Matched);
        }

        private static void Grow<T>(ref T[] array)
        {
            var bigger = ArrayPool<T>.Shared.Rent(array.Length * 2);
            array.AsSpan().CopyTo(bigger);
            ArrayPool<T>.Shared.Return(array);
            array = bigger;
        }
    }
}

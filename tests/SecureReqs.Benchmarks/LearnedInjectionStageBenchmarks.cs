using System.Text;
using BenchmarkDotNet.Attributes;

namespace SecureReqs.Benchmarks;

/// <summary>
/// The cost of the learned injection stage: folding plus one dot product over hashed n-grams, linear in the input.
/// Throughput is input bytes over the mean time; the target is well above 5 MB per CPU-second, so that the stage never
/// holds <c>scan injection</c> below it (issue 13). Compare the 10 kB and 100 kB rows: the time per byte stays flat.
/// </summary>
[MemoryDiagnoser]
public class LearnedInjectionStageBenchmarks
{
    private readonly PromptInjectionDetector _withLearned = new(new PromptInjectionDetectorOptions { UseLearnedStage = true });
    private readonly PromptInjectionDetector _patternsOnly = new(new PromptInjectionDetectorOptions { UseLearnedStage = false });
    private readonly InjectionModel _model = InjectionModel.Embedded;
    private string _text = "";
    private uint[] _request = [];

    /// <summary>The input length in characters.</summary>
    [Params(10_000, 100_000)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var builder = new StringBuilder(Length + BenchmarkTexts.LongDocument.Length);
        while (builder.Length < Length)
        {
            builder.Append(BenchmarkTexts.LongDocument).Append('\n');
        }

        _text = builder.ToString(0, Length);
        _request = InjectionFeatures.RequestStems("Summarise this document for me.");
    }

    [Benchmark(Baseline = true, Description = "learned stage alone: fold + score (untrusted, with request)")]
    public double LearnedStage() => _model.Score(InjectionText.Fold(_text).Shadow, InjectionSource.Untrusted, _request).Logit;

    [Benchmark(Description = "folding alone")]
    public int FoldOnly() => InjectionText.Fold(_text).Shadow.Length;

    [Benchmark(Description = "detector with the learned stage (untrusted)")]
    public InjectionAssessment DetectorWithLearned() => _withLearned.Assess(_text, InjectionSource.Untrusted, "Summarise this document for me.");

    [Benchmark(Description = "detector, pattern stage only (untrusted)")]
    public InjectionAssessment DetectorPatternsOnly() => _patternsOnly.Assess(_text, InjectionSource.Untrusted);
}

using System.Text;
using BenchmarkDotNet.Attributes;

namespace SecureReqs.Benchmarks;

/// <summary>
/// The pattern stage of <see cref="PromptInjectionDetector"/> against input length: benign prose, a long jailbreak and
/// base64-heavy text at 1 kB, 10 kB, 100 kB and 1 MB. Time per character must stay flat (the stage is linear); texts
/// over <see cref="PromptInjectionDetectorOptions.MaxTextLength"/> are read on their head and tail only, so 1 MB costs
/// what 200 kB costs.
/// </summary>
[MemoryDiagnoser]
public class InjectionThroughputBenchmarks
{
    private string _text = "";

    /// <summary>The input length in characters.</summary>
    [Params(1_000, 10_000, 100_000, 1_000_000)]
    public int Length { get; set; }

    /// <summary>The kind of text.</summary>
    [Params("prose", "jailbreak", "base64")]
    public string Kind { get; set; } = "prose";

    [GlobalSetup]
    public void Setup() => _text = InjectionCorpus.Repeat(Kind, Length);

    [Benchmark(Description = "Assess (untrusted)")]
    public InjectionAssessment Assess() => PromptInjectionDetector.Default.Assess(_text, InjectionSource.Untrusted);
}

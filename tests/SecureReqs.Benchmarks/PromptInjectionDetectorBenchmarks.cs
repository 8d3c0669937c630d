using BenchmarkDotNet.Attributes;

namespace SecureReqs.Benchmarks;

/// <summary>The cost of one <see cref="PromptInjectionDetector.Assess"/> call.</summary>
[MemoryDiagnoser]
public class PromptInjectionDetectorBenchmarks
{
    private readonly PromptInjectionDetector _detector = PromptInjectionDetector.Default;

    [Benchmark(Description = "Assess: typical 500-char request")]
    public InjectionAssessment TypicalRequest() => _detector.Assess(BenchmarkTexts.TypicalRequest);

    [Benchmark(Description = "Assess: 5 kB document (untrusted)")]
    public InjectionAssessment LongDocument() => _detector.Assess(BenchmarkTexts.LongDocument, InjectionSource.Untrusted);

    [Benchmark(Description = "Assess: obfuscated attack")]
    public InjectionAssessment ObfuscatedAttack() => _detector.Assess(BenchmarkTexts.ObfuscatedAttack);
}

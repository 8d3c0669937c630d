using BenchmarkDotNet.Attributes;

namespace SecureReqs.Benchmarks;

/// <summary>The cost of the deterministic judges on a 1 kB answer.</summary>
[MemoryDiagnoser]
public class JudgeBenchmarks
{
    [Benchmark(Description = "PlantedValueLeakJudge.FindLeaks: 1 kB, 8 values")]
    public IReadOnlyList<PlantedValue> FindLeaks() => PlantedValueLeakJudge.FindLeaks(BenchmarkTexts.AnswerWithPlantedValues, BenchmarkTexts.PlantedValues);

    [Benchmark(Description = "PiiScanner.Default.Scan: 1 kB")]
    public IReadOnlyList<PiiFinding> PiiScan() => PiiScanner.Default.Scan(BenchmarkTexts.AnswerWithPlantedValues);
}

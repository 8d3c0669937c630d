using BenchmarkDotNet.Running;

if (args is ["injection-throughput", .. var rest])
{
    // dotnet run -c Release --project tests/SecureReqs.Benchmarks -- injection-throughput [adversarial-datasets] [rounds]
    SecureReqs.Benchmarks.InjectionCorpus.Throughput(rest.Length > 0 ? rest[0] : "adversarial-datasets", rest.Length > 1 ? int.Parse(rest[1], System.Globalization.CultureInfo.InvariantCulture) : 3);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(SecureReqs.Benchmarks.PromptInjectionDetectorBenchmarks).Assembly).Run(args);

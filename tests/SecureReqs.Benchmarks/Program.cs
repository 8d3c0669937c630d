using BenchmarkDotNet.Running;

if (args is ["injection-throughput", .. var rest])
{
    // dotnet run -c Release --project tests/SecureReqs.Benchmarks -- injection-throughput [adversarial-datasets] [rounds]
    SecureReqs.Benchmarks.InjectionCorpus.Throughput(rest.Length > 0 ? rest[0] : "adversarial-datasets", rest.Length > 1 ? int.Parse(rest[1], System.Globalization.CultureInfo.InvariantCulture) : 3);
    return;
}

if (args is ["injection-dump", var output, .. var dumpRest])
{
    // dotnet run -c Release --project tests/SecureReqs.Benchmarks -- injection-dump out.txt [adversarial-datasets]
    // One line per input of injection-throughput: source, score, verdict and every signal, to compare two builds.
    SecureReqs.Benchmarks.InjectionCorpus.Dump(dumpRest.Length > 0 ? dumpRest[0] : "adversarial-datasets", output);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(SecureReqs.Benchmarks.PromptInjectionDetectorBenchmarks).Assembly).Run(args);

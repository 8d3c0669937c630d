using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(SecureReqs.Benchmarks.PromptInjectionDetectorBenchmarks).Assembly).Run(args);

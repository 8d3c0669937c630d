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

if (args is ["injection-corpus", var size, var corpusPath, .. var corpusRest])
{
    // injection-corpus <million bytes | copies followed by x> <file> [adversarial-datasets]: the dataset texts one per
    // line (line breaks made spaces), repeated, for timing `securereqs scan injection` (docs/performance.md).
    SecureReqs.Benchmarks.InjectionCorpus.WriteCorpus(corpusRest.Length > 0 ? corpusRest[0] : "adversarial-datasets", size, corpusPath);
    return;
}

if (args is ["injection-pattern-costs", .. var costRest])
{
    // injection-pattern-costs [top|prefilters] [adversarial-datasets] [first|build]: every pattern alone over the dataset
    // texts' shadows, ungated: first pass (building and growing its automaton), second pass, building again, ordered by the
    // first pass or by the building; or each pattern's prefilter.
    var prefilters = costRest.Length > 0 && costRest[0] == "prefilters";
    SecureReqs.Benchmarks.InjectionPatternCosts.Run(costRest.Length > 1 ? costRest[1] : "adversarial-datasets", costRest.Length > 0 && !prefilters ? int.Parse(costRest[0], System.Globalization.CultureInfo.InvariantCulture) : 40, prefilters, costRest.Length > 2 ? costRest[2] : "first");
    return;
}

if (args is ["injection-pattern-try", var tryFile, .. var tryRest])
{
    // injection-pattern-try <file> [adversarial-datasets]: patterns from a file (one per line, "= Name" for a pattern
    // constant of the detector) over the dataset texts' shadows: build, first and second pass, matches and their spans.
    SecureReqs.Benchmarks.InjectionPatternCosts.Try(tryFile, tryRest.Length > 0 ? tryRest[0] : "adversarial-datasets");
    return;
}

if (args is ["injection-gated-costs", var gatedFile, .. var gatedRest])
{
    // injection-gated-costs <file> [top] [rounds]: the file's lines scanned as scan injection does, round after round,
    // with the time spent in each pattern behind its gates (building included in the first round).
    SecureReqs.Benchmarks.InjectionPatternCosts.Gated(gatedFile, gatedRest.Length > 0 ? int.Parse(gatedRest[0], System.Globalization.CultureInfo.InvariantCulture) : 30, gatedRest.Length > 1 ? int.Parse(gatedRest[1], System.Globalization.CultureInfo.InvariantCulture) : 2);
    return;
}

if (args is ["injection-build", .. var buildRest])
{
    // injection-build [rounds]: every generated pattern built anew (and matched once against "") round after round: the
    // fixed cost a process pays before its first scan, in CPU time and bytes allocated.
    SecureReqs.Benchmarks.InjectionPatternCosts.Build(buildRest.Length > 0 ? int.Parse(buildRest[0], System.Globalization.CultureInfo.InvariantCulture) : 4);
    return;
}

if (args is ["pii-throughput", .. var piiRest])
{
    // dotnet run -c Release --project tests/SecureReqs.Benchmarks -- pii-throughput [rounds]
    SecureReqs.Benchmarks.PiiThroughput.Run(piiRest.Length > 0 ? int.Parse(piiRest[0], System.Globalization.CultureInfo.InvariantCulture) : 3);
    return;
}

if (args is ["pii-corpus", var kind, var megabytes, var path])
{
    // pii-corpus mixed|dense|prose <million characters> <file>: a generated file for timing `securereqs scan pii`.
    SecureReqs.Benchmarks.PiiThroughput.WriteCorpus(kind, int.Parse(megabytes, System.Globalization.CultureInfo.InvariantCulture), path);
    return;
}

if (args is ["pii-file", var piiFile, .. var fileRest])
{
    // pii-file <file> [rounds]: scan pii's path in process (cold, then warm), the line reader alone and the scanner alone.
    SecureReqs.Benchmarks.PiiFileThroughput.Run(piiFile, fileRest.Length > 0 ? int.Parse(fileRest[0], System.Globalization.CultureInfo.InvariantCulture) : 3);
    return;
}

if (args is ["pii-findings", var findingsOutput, .. var folders])
{
    // pii-findings <file> [folders]: every finding (hashed values) of the seeded corpora and the folders' files, for diff.
    SecureReqs.Benchmarks.PiiThroughput.DumpFindings(findingsOutput, folders);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(SecureReqs.Benchmarks.PromptInjectionDetectorBenchmarks).Assembly).Run(args);

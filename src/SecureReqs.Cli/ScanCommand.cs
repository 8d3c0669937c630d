using System.CommandLine;

namespace SecureReqs.Cli;

/// <summary><c>securereqs scan pii|injection &lt;file&gt; [--field &lt;name&gt;]</c>: scans of text or JSON Lines files.</summary>
internal static class ScanCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("file") { Description = "A text file (each line scanned) or a JSON Lines file (with --field)." };
        var field = new Option<string?>("--field") { Description = "For JSON Lines: the field to scan, such as 'text' or 'messages.0.content'. Offsets are UTF-16 code units of that field's value." };
        var region = new Option<string[]>("--region")
        {
            Description = "Regions whose national phone formats are recognised (ISO 3166-1 alpha-2, repeat the option or separate with commas; 'all' for every region libphonenumber knows). "
                + "Numbers written with + or 00 and a country code are recognised for every region. Default: " + string.Join(",", PiiScannerOptions.DefaultPhoneRegions) + ".",
            AllowMultipleArgumentsPerToken = true,
        };
        var pii = new Command("pii", "Scan a data file for PII and secrets; writes one JSON line per finding: {\"line\",\"start\",\"end\",\"type\"}. Exit 0 when nothing is found, 1 when something is, 2 on an error.")
        {
            file,
            field,
            region,
        };
        pii.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (Directory.Exists(path.FullName))
            {
                await error.WriteLineAsync($"securereqs: {path.FullName} is a folder; 'scan pii' reads one data file (JSON Lines, JSON or text). Scan each file, for example: for f in {path.Name}/*.jsonl; do securereqs scan pii \"$f\"; done").ConfigureAwait(false);
                return CliApp.UsageError;
            }

            if (!path.Exists)
            {
                await error.WriteLineAsync($"securereqs: {path.FullName}: no such file. Pass the data file to scan.").ConfigureAwait(false);
                return CliApp.UsageError;
            }

            PiiScanner scanner;
            try
            {
                var regions = (parse.GetValue(region) ?? []).SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
                scanner = regions.Count == 0 ? PiiScanner.Default : new PiiScanner(new PiiScannerOptions { PhoneRegions = regions });
            }
            catch (ArgumentException ex)
            {
                await error.WriteLineAsync("securereqs: --region: " + ex.Message.Split(" (Parameter")[0]).ConfigureAwait(false);
                return CliApp.UsageError;
            }

            await WarnWhenRecordsAreScannedAsTextAsync(path, parse.GetValue(field), error, "offsets are then within that field's value").ConfigureAwait(false);
            try
            {
                var findings = await new PiiFileScanner(scanner).ScanToJsonLinesAsync(path.FullName, parse.GetValue(field), output, ct).ConfigureAwait(false);
                await output.FlushAsync(ct).ConfigureAwait(false);
                await error.WriteLineAsync($"{findings} finding{(findings == 1 ? "" : "s")} in {path.Name}.").ConfigureAwait(false);
                return findings == 0 ? CliApp.Success : CliApp.Failed;
            }
            catch (DataFileException ex)
            {
                await error.WriteLineAsync("securereqs: " + ex.Message).ConfigureAwait(false);
                return CliApp.UsageError;
            }
        });
        var injectionFile = new Argument<FileInfo>("file") { Description = "A text file (each non-blank line one input) or a JSON Lines file (with --field)." };
        var injectionField = new Option<string?>("--field") { Description = "For JSON Lines: the field to assess, such as 'text' or 'messages.0.content'." };
        var untrusted = new Option<bool>("--untrusted") { Description = "Assess the inputs as untrusted content (documents, e-mails, web pages, tool results) instead of user turns." };
        var requestField = new Option<string?>("--request-field") { Description = "With --untrusted and --field: the JSON Lines field that holds the user's request about the content, such as 'request' (an empty string: no request). A planted task the user asked for is then content, and one unrelated to the request weighs more." };
        var stages = new Option<string>("--stages")
        {
            Description = "Which detector stages run: 'both' (the larger of the pattern and learned scores; the default, as in the guard), 'pattern' (the signal families alone) or 'learned' (the signed model alone).",
            DefaultValueFactory = _ => new PromptInjectionDetectorOptions().UseLearnedStage ? "both" : "pattern",
        };
        stages.AcceptOnlyFromAmong("both", "pattern", "learned");
        var injection = new Command("injection", "Assess each input with the prompt-injection detector; writes one JSON line per input: {\"line\",\"score\",\"verdict\",\"signals\"}. Exit 0 when nothing is flagged, 1 when something is, 2 on an error.")
        {
            injectionFile,
            injectionField,
            untrusted,
            requestField,
            stages,
        };
        injection.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(injectionFile)!;
            if (Directory.Exists(path.FullName))
            {
                await error.WriteLineAsync($"securereqs: {path.FullName} is a folder; 'scan injection' reads one data file (JSON Lines or text). Scan each file, for example: for f in {path.Name}/*.jsonl; do securereqs scan injection \"$f\" --field text; done").ConfigureAwait(false);
                return CliApp.UsageError;
            }

            if (!path.Exists)
            {
                await error.WriteLineAsync($"securereqs: {path.FullName}: no such file. Pass the data file to scan.").ConfigureAwait(false);
                return CliApp.UsageError;
            }

            var request = parse.GetValue(requestField);
            if (request is not null && (parse.GetValue(injectionField) is null || !parse.GetValue(untrusted)))
            {
                await error.WriteLineAsync($"securereqs: --request-field {request} reads the user's request about untrusted content from JSON Lines records: add --untrusted and --field <the content's field>, or leave --request-field out.").ConfigureAwait(false);
                return CliApp.UsageError;
            }

            await WarnWhenRecordsAreScannedAsTextAsync(path, parse.GetValue(injectionField), error, "the keys, such as \"role\", are then not read as part of the input").ConfigureAwait(false);
            try
            {
                var chosen = parse.GetValue(stages);
                var detector = new PromptInjectionDetector(new PromptInjectionDetectorOptions { UsePatternStage = chosen != "learned", UseLearnedStage = chosen != "pattern" });
                var (inputs, flagged) = await new InjectionFileScanner(detector, parse.GetValue(untrusted) ? InjectionSource.Untrusted : InjectionSource.User).ScanToJsonLinesAsync(path.FullName, parse.GetValue(injectionField), request, output, ct).ConfigureAwait(false);
                await output.FlushAsync(ct).ConfigureAwait(false);
                await error.WriteLineAsync($"{flagged} of {inputs} input{(inputs == 1 ? "" : "s")} flagged in {path.Name}.").ConfigureAwait(false);
                return flagged == 0 ? CliApp.Success : CliApp.Failed;
            }
            catch (DataFileException ex)
            {
                await error.WriteLineAsync("securereqs: " + ex.Message).ConfigureAwait(false);
                return CliApp.UsageError;
            }
        });

        return new Command("scan", "Scan data before it enters a pipeline.") { pii, injection };
    }

    /// <summary>
    /// Without <c>--field</c> every line is scanned as text, which is right for a text file but rarely what is meant for
    /// JSON Lines: when the first non-blank line is a JSON object, says so on standard error (the scan still runs).
    /// </summary>
    private static async Task WarnWhenRecordsAreScannedAsTextAsync(FileInfo path, string? field, TextWriter error, string why)
    {
        if (field is not null)
        {
            return;
        }

        string? first;
        try
        {
            first = File.ReadLines(path.FullName).FirstOrDefault(line => !string.IsNullOrWhiteSpace(line));
        }
        catch (IOException)
        {
            // The scan reads the file next and reports what is wrong with it.
            return;
        }

        if (first is null || !first.TrimStart().StartsWith('{'))
        {
            return;
        }

        await error.WriteLineAsync($"securereqs: note: {path.Name} holds JSON records and no --field was given, so each whole line is scanned as text. To scan one field of each record, pass it, for example --field text ({why}).").ConfigureAwait(false);
    }
}

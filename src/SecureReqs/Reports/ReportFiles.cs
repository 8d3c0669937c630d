using System.Text;

namespace SecureReqs;

/// <summary>
/// Writes a run's reports into its report folder: results.json, report.html, junit.xml, results.sarif and summary.md,
/// every one through a <see cref="ReportSanitizer"/> (secrets masked, control characters escaped, paths relative).
/// </summary>
public static class ReportFiles
{
    /// <summary>The report files a run writes, in the order it writes them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["results.json", "report.html", "junit.xml", "results.sarif", "summary.md"];

    /// <summary>Files a run may have left that describe it: removed before a new run sends its first request.</summary>
    public static IReadOnlyList<string> Stale { get; } = [.. Names, "results.json.sig", CaseStreamWriter.FileName, ShardFile.FileName];

    /// <summary>Removes the reports of an earlier run from <paramref name="directory"/>, so they can never be gated as
    /// this run's.</summary>
    /// <param name="directory">The report folder.</param>
    /// <exception cref="SecureReqsException">A file cannot be removed.</exception>
    public static void RemoveStale(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SecureReqsException($"Cannot create the report folder {directory}: {ex.Message} Choose a folder you can write with --report.", ex);
        }

        foreach (var name in Stale)
        {
            var path = Path.Combine(directory, name);
            try
            {
                File.Delete(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new SecureReqsException($"{name} in the report folder is left from an earlier run and cannot be removed ({ex.Message}). Remove it or choose another folder with --report.", ex);
            }
        }
    }

    /// <summary>Writes every report.</summary>
    /// <param name="report">The report.</param>
    /// <param name="directory">The report folder (created when missing).</param>
    /// <param name="sourceRoot">The repository root that locations are relative to.</param>
    /// <returns>The files written.</returns>
    /// <exception cref="SecureReqsException">The folder cannot be created or written.</exception>
    public static IReadOnlyList<string> Write(SecurityReport report, string directory, string sourceRoot)
    {
        var written = new List<string>();
        foreach (var (name, text) in Render(report, sourceRoot))
        {
            WriteOne(directory, name, text, written);
        }

        return written;
    }

    /// <summary>Renders every report, cleaned of secrets and terminal controls, in the order of <see cref="Names"/>.</summary>
    /// <param name="report">The report.</param>
    /// <param name="sourceRoot">The repository root that locations are relative to.</param>
    /// <returns>Each report's file name and text, rendered when enumerated.</returns>
    public static IEnumerable<(string Name, string Text)> Render(SecurityReport report, string sourceRoot)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sanitizer = new ReportSanitizer(report.Secrets, sourceRoot);
        yield return ("results.json", sanitizer.Clean(ResultsJsonWriter.Render(report)));
        yield return ("report.html", sanitizer.Clean(HtmlReportWriter.Render(report)));
        yield return ("junit.xml", sanitizer.Clean(JUnitXmlWriter.Render(report)));
        using (var sarif = new MemoryStream())
        {
            SarifWriter.Write(report, sarif, sourceRoot);
            yield return ("results.sarif", sanitizer.Clean(Encoding.UTF8.GetString(sarif.ToArray())));
        }

        yield return ("summary.md", sanitizer.Clean(MarkdownSummaryWriter.Render(report)));
    }

    /// <summary>Appends the Markdown summary to a file (a CI step summary).</summary>
    /// <param name="report">The report.</param>
    /// <param name="path">The file.</param>
    /// <param name="sourceRoot">The repository root.</param>
    public static void AppendSummary(SecurityReport report, string path, string sourceRoot)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new ReportSanitizer(report.Secrets, sourceRoot).Clean(MarkdownSummaryWriter.Render(report));
        try
        {
            File.AppendAllText(path, text, new UTF8Encoding(false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SecureReqsException($"Cannot append the summary to {path}: {ex.Message}", ex);
        }
    }

    private static void WriteOne(string directory, string name, string text, List<string> written)
    {
        var path = Path.Combine(directory, name);
        try
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(path, text, new UTF8Encoding(false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SecureReqsException($"Cannot write {name} into the report folder {directory}: {ex.Message} Choose a folder you can write with --report.", ex);
        }

        written.Add(path);
    }
}

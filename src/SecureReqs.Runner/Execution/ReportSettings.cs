namespace SecureReqs.Runner;

/// <summary>Where the runner writes Reqnroll's HTML and ndjson reports; <see cref="Directory"/> <see langword="null"/> = no reports.</summary>
internal sealed record ReportSettings(string? Directory)
{
    public const string HtmlFileName = "reqnroll_report.html";

    public const string MessagesFileName = "reqnroll_report.ndjson";
}

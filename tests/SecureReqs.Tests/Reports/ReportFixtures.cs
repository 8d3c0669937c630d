using SecureReqs.Testing;

namespace SecureReqs.Tests;

/// <summary>One report with every kind of story, shared by the writer tests.</summary>
internal static class ReportFixtures
{
    public const string Card = "4111 1111 1111 1111";

    public static readonly Kpi Redaction = KpiCatalog.Default.Get("redaction rate");

    public static readonly Kpi OverBlocking = KpiCatalog.Default.Get("over-blocking rate");

    public static SecurityReport Mixed()
    {
        IReadOnlyList<CaseResult> leaky = [.. CaseResults.Attacks(40, 0), SecurityReports.LeakedCard("pii-leak-041", Card)];
        return SecurityReports.Of(
            SecurityReports.Story("Cards never leak", leaky, ["owasp:LLM02", "nist:MEASURE-2.10"], new KpiRequirement(Redaction, Comparison.AtLeast, 0.99, 0.95)),
            SecurityReports.Story("Few cases", CaseResults.Attacks(30, 0), ["owasp:LLM02"], new KpiRequirement(Redaction, Comparison.AtLeast, 0.99, 0.95)),
            SecurityReports.Bare("Broken story", StoryStatus.Error, ["owasp:LLM01"], "Unknown KPI \"happiness rate\"."),
            SecurityReports.Bare("Work in progress", StoryStatus.Skipped, ["ignore", "owasp:LLM07"]),
            SecurityReports.Story("Normal requests are served", Served(100), ["owasp:LLM02"], new KpiRequirement(OverBlocking, Comparison.AtMost, 0.05, 0.95)));
    }

    private static IReadOnlyList<CaseResult> Served(int n) => [.. Enumerable.Range(1, n).Select(i => CaseResults.Of($"benign-{i:000}", Outcome.Served, "question", i))];
}

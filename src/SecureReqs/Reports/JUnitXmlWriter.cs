using System.Globalization;
using System.Text;
using System.Xml;

namespace SecureReqs;

/// <summary>
/// Writes the stories as JUnit XML for CI test tabs: one <c>testsuite</c> per feature file, one <c>testcase</c> per
/// scenario (and per Scenario Outline example row). A failed or inconclusive story is a <c>failure</c> carrying its KPI
/// message; a story that could not run is an <c>error</c>; an ignored one is <c>skipped</c>.
/// </summary>
/// <remarks>Thread-safe. Messages carry case ids, never evidence, so no PII reaches the file.</remarks>
public static class JUnitXmlWriter
{
    /// <summary>Renders the report as JUnit XML.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The XML.</returns>
    public static string Render(SecurityReport report)
    {
        var text = new Utf8StringWriter();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), CheckCharacters = false }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "securereqs");
            Counts(xml, report.Stories);
            xml.WriteAttributeString("time", Seconds(report.FinishedAt - report.StartedAt));
            xml.WriteAttributeString("timestamp", report.StartedAt.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
            foreach (var file in report.Stories.GroupBy(s => s.File, StringComparer.Ordinal))
            {
                WriteSuite(xml, file.Key, [.. file], report);
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return text.ToString() + "\n";
    }

    private static void WriteSuite(XmlWriter xml, string file, IReadOnlyList<ResultsStory> stories, SecurityReport report)
    {
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", stories[0].Feature.Length > 0 ? stories[0].Feature : file);
        xml.WriteAttributeString("file", file);
        Counts(xml, stories);
        xml.WriteAttributeString("time", Seconds(TimeSpan.FromTicks(stories.Sum(s => s.Duration.Ticks))));
        xml.WriteAttributeString("timestamp", report.StartedAt.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
        if (report.Target is not null)
        {
            xml.WriteStartElement("properties");
            Property(xml, "target", report.Target);
            xml.WriteEndElement();
        }

        foreach (var story in stories)
        {
            WriteCase(xml, story);
        }

        xml.WriteEndElement();
    }

    private static void WriteCase(XmlWriter xml, ResultsStory story)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("name", story.Scenario.Length > 0 ? story.Scenario : "(feature file)");
        xml.WriteAttributeString("classname", story.Feature.Length > 0 ? story.Feature : story.File);
        xml.WriteAttributeString("file", story.File);
        if (story.Line > 0)
        {
            xml.WriteAttributeString("line", story.Line.ToString(CultureInfo.InvariantCulture));
        }

        xml.WriteAttributeString("time", Seconds(story.Duration));
        if (story.Tags.Count > 0)
        {
            xml.WriteStartElement("properties");
            foreach (var tag in story.Tags)
            {
                Property(xml, "tag", tag);
            }

            xml.WriteEndElement();
        }

        var message = story.Message ?? "";
        switch (story.Status)
        {
            case StoryStatus.Failed:
            case StoryStatus.Inconclusive:
                // The attribute is what CI test tabs show in one line: the KPI message of the requirement that failed.
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("message", FirstLine(story.Results.FirstOrDefault(r => r.Verdict != Verdict.Pass)?.Message ?? message));
                xml.WriteAttributeString("type", ResultsJsonWriter.Name(story.Status));
                xml.WriteString(Clean(message));
                xml.WriteEndElement();
                break;
            case StoryStatus.Error:
                xml.WriteStartElement("error");
                xml.WriteAttributeString("message", FirstLine(message));
                xml.WriteAttributeString("type", "error");
                xml.WriteString(Clean(message));
                xml.WriteEndElement();
                break;
            case StoryStatus.Skipped:
                xml.WriteStartElement("skipped");
                if (message.Length > 0)
                {
                    xml.WriteAttributeString("message", FirstLine(message));
                }

                xml.WriteEndElement();
                break;
        }

        var lines = story.Results.Where(r => r.Verdict == Verdict.Pass).Select(r => "PASS: " + r.Message)
            .Concat(story.Warnings.Select(w => "WARNING: " + w))
            .ToList();
        if (lines.Count > 0)
        {
            xml.WriteElementString("system-out", Clean(string.Join("\n", lines)));
        }

        xml.WriteEndElement();
    }

    private static void Counts(XmlWriter xml, IReadOnlyCollection<ResultsStory> stories)
    {
        xml.WriteAttributeString("tests", stories.Count.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", stories.Count(s => s.Status is StoryStatus.Failed or StoryStatus.Inconclusive).ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", stories.Count(s => s.Status == StoryStatus.Error).ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("skipped", stories.Count(s => s.Status == StoryStatus.Skipped).ToString(CultureInfo.InvariantCulture));
    }

    private static void Property(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", Clean(value));
        xml.WriteEndElement();
    }

    private static string Seconds(TimeSpan duration) => Math.Max(0, duration.TotalSeconds).ToString("0.###", CultureInfo.InvariantCulture);

    private static string FirstLine(string message)
    {
        var line = Clean(message).Split('\n', 2)[0].Trim();
        return line.Length <= 1000 ? line : line[..997] + "...";
    }

    // XML 1.0 cannot carry most control characters, even escaped; a target's answer may contain them.
    private static string Clean(string text)
    {
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    private sealed class Utf8StringWriter : StringWriter
    {
        public Utf8StringWriter()
            : base(CultureInfo.InvariantCulture)
        {
        }

        public override Encoding Encoding => new UTF8Encoding(false);
    }
}

using Reqnroll.Analytics.UserId;
using Reqnroll.Configuration;
using Reqnroll.Formatters.Configuration;
using Reqnroll.Formatters.RuntimeSupport;
using Reqnroll.Utils;

namespace SecureReqs.Runner;

/// <summary>Replaces the <c>formatters</c> section of <c>reqnroll.json</c> with the reports the caller asked for in code.</summary>
/// <remarks>Reqnroll's environment-variable formatter settings still apply on top, as they do for <c>reqnroll.json</c>.</remarks>
internal sealed class ReportsConfigurationResolver(
    ReportSettings settings,
    IReqnrollJsonLocator locator,
    IFileSystem fileSystem,
    IFileService fileService,
    IFormatterLog log) : IFileBasedConfigurationResolver
{
    private readonly FileBasedConfigurationResolver _fromFile = new(locator, fileSystem, fileService, log);

    public IDictionary<string, IDictionary<string, object>> Resolve()
    {
        var formatters = _fromFile.Resolve();
        formatters.Remove("html");
        formatters.Remove("message");
        if (settings.Directory is { } directory)
        {
            formatters["html"] = OutputFile(Path.Combine(directory, ReportSettings.HtmlFileName));
            formatters["message"] = OutputFile(Path.Combine(directory, ReportSettings.MessagesFileName));
        }

        return formatters;
    }

    private static Dictionary<string, object> OutputFile(string path) =>
        new(StringComparer.OrdinalIgnoreCase) { ["outputFilePath"] = path };
}

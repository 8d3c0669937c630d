using System.Globalization;

namespace SecureReqs.Xunit;

/// <summary>The theory argument naming one scenario: <c>{features folder}|{relative file}#{pickle index}</c>.</summary>
/// <remarks>A position, not a name: editing a feature between discovery and a run can shift it. <c>#error</c> marks a
/// file with a Gherkin syntax error and <c>#missing</c> a features folder that was not found.</remarks>
internal readonly record struct ScenarioId(string Root, string RelativePath, int? PickleIndex, string Marker)
{
    public const string ErrorMarker = "error";
    public const string MissingMarker = "missing";

    public static string ForScenario(string root, string relativePath, int pickleIndex) =>
        $"{root}|{relativePath}#{pickleIndex.ToString(CultureInfo.InvariantCulture)}";

    public static string ForBrokenFile(string root, string relativePath) => $"{root}|{relativePath}#{ErrorMarker}";

    public static string ForMissingFolder(string root) => $"{root}|#{MissingMarker}";

    public static bool TryParse(string? value, out ScenarioId id)
    {
        id = default;
        var bar = value?.IndexOf('|', StringComparison.Ordinal) ?? -1;
        var hash = value?.LastIndexOf('#') ?? -1;
        if (value is null || bar < 0 || hash < bar)
        {
            return false;
        }

        var marker = value[(hash + 1)..];
        int? index = int.TryParse(marker, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        id = new ScenarioId(value[..bar], value[(bar + 1)..hash], index, marker);
        return true;
    }
}

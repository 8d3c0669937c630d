using System.Text.RegularExpressions;

namespace SecureReqs.InjectionTraining;

/// <summary>
/// The hand-written seed material: template families (<c>## family-id lang=xx split=train|validation|test</c> followed
/// by one template a line) and slot values (<c>@slot</c> or <c>@slot.lang</c>, then values separated by <c>|</c>).
/// </summary>
/// <remarks>Malformed lines are errors naming the file, the line and the fix.</remarks>
internal sealed partial class SeedMaterial
{
    public static readonly string[] Splits = ["train", "validation", "test"];

    /// <summary>The split of the held-out benign requests (<c>training-data/injection/heldout/</c>): measured, never trained or calibrated on.</summary>
    public const string HeldOut = "heldout";

    /// <summary>The folder, inside the training data, of the held-out benign requests; its files are not read as training material.</summary>
    public const string HeldOutFolder = "heldout";

    private SeedMaterial(IReadOnlyList<SeedFamily> families, IReadOnlyDictionary<string, string[]> slots, IReadOnlyList<string> files)
    {
        Families = families;
        Slots = slots;
        Files = files;
    }

    public IReadOnlyList<SeedFamily> Families { get; }

    public IReadOnlyDictionary<string, string[]> Slots { get; }

    /// <summary>The seed files read, relative to the folder, sorted.</summary>
    public IReadOnlyList<string> Files { get; }

    public IEnumerable<SeedFamily> In(string file) => Families.Where(f => f.File == file);

    /// <summary>Reads the seed files of <paramref name="folder"/> (not its subfolders).</summary>
    /// <param name="folder">The folder.</param>
    /// <param name="splits">The splits a family header may name; the default is train, validation and test.</param>
    public static SeedMaterial Load(string folder, IReadOnlyList<string>? splits = null)
    {
        splits ??= Splits;
        if (!Directory.Exists(folder))
        {
            throw new SecureReqsException($"{folder}: no such folder. Point --data at training-data/injection.");
        }

        var families = new List<SeedFamily>();
        var slots = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var files = Directory.GetFiles(folder, "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        foreach (var name in files)
        {
            var path = Path.Combine(folder, name!);
            var lines = File.ReadAllLines(path);
            SeedFamilyBuilder? current = null;
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                var at = $"{path}:{i + 1}";
                if (line.Length == 0 || line.StartsWith("# ", StringComparison.Ordinal) || line == "#")
                {
                    continue;
                }

                if (line.StartsWith('@'))
                {
                    var colon = line.IndexOf(':', StringComparison.Ordinal);
                    if (colon < 2)
                    {
                        throw new SecureReqsException($"{at}: a slot line is \"@name: value | value\" (or \"@name.lang: …\"). Add the colon after the slot name.");
                    }

                    var slot = line[1..colon].Trim();
                    var values = line[(colon + 1)..].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                    if (values.Length == 0 || !slots.TryAdd(slot, values))
                    {
                        throw new SecureReqsException($"{at}: slot @{slot} is {(values.Length == 0 ? "empty" : "defined twice")}. Give it at least one value, once.");
                    }

                    continue;
                }

                if (line.StartsWith("## ", StringComparison.Ordinal))
                {
                    current?.AddTo(families);
                    var header = Header().Match(line);
                    if (!header.Success || !splits.Contains(header.Groups["split"].Value))
                    {
                        throw new SecureReqsException($"{at}: a family header here is \"## family-id lang=xx split={string.Join('|', splits)}\". Fix the header.");
                    }

                    if (families.Any(f => f.Id == header.Groups["id"].Value))
                    {
                        throw new SecureReqsException($"{at}: family {header.Groups["id"].Value} is defined twice. Give each family its own id.");
                    }

                    current = new SeedFamilyBuilder(name!, header.Groups["id"].Value, header.Groups["lang"].Value, header.Groups["split"].Value, at);
                    continue;
                }

                if (current is null)
                {
                    throw new SecureReqsException($"{at}: a template before any family header. Start the file with \"## family-id lang=xx split=train\".");
                }

                var parts = line.Split("=>", 2, StringSplitOptions.TrimEntries);
                current.Lines.Add(new SeedLine(parts[0].Replace("\\n", "\n", StringComparison.Ordinal), parts.Length == 2 ? parts[1] : null, i + 1));
            }

            current?.AddTo(families);
        }

        var material = new SeedMaterial(families, slots, [.. files!]);
        material.CheckSlots();
        return material;
    }

    private void CheckSlots()
    {
        foreach (var family in Families)
        {
            foreach (var line in family.Lines)
            {
                foreach (var text in new[] { line.Template, line.UserForm ?? "" })
                {
                    foreach (Match slot in SlotReference().Matches(text))
                    {
                        var name = slot.Groups[1].Value;
                        if (!Slots.ContainsKey(name + "." + family.Language) && !Slots.ContainsKey(name))
                        {
                            throw new SecureReqsException($"{family.File}:{line.LineNumber}: unknown slot {{{name}}} for language {family.Language}. Define @{name} or @{name}.{family.Language} in slots.txt.");
                        }
                    }
                }
            }
        }
    }

    [GeneratedRegex(@"^## (?<id>[a-z0-9][a-z0-9.\-]*) lang=(?<lang>[a-z]{2}) split=(?<split>[a-z]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Header();

    [GeneratedRegex(@"\{([a-z][a-z0-9\-]*)\}", RegexOptions.CultureInvariant)]
    internal static partial Regex SlotReference();

    private sealed class SeedFamilyBuilder(string file, string id, string language, string split, string at)
    {
        public List<SeedLine> Lines { get; } = [];

        public void AddTo(List<SeedFamily> families)
        {
            if (Lines.Count == 0)
            {
                throw new SecureReqsException($"{at}: family {id} has no templates. Add at least one line under its header, or remove it.");
            }

            families.Add(new SeedFamily(file, id, language, split, [.. Lines]));
        }
    }
}
